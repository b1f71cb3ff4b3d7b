import { describe, expect, it } from "vitest";
import { may } from "./roles";

describe("may", () => {
  it("lets a viewer read but not write", () => {
    expect(may("viewer", "activities:read")).toBe(true);
    expect(may("viewer", "activities:write")).toBe(false);
  });
  it("keeps admin actions from editors", () => {
    expect(may("editor", "activities:write")).toBe(true);
    expect(may("editor", "api_keys:admin")).toBe(false);
    expect(may("admin", "api_keys:admin")).toBe(true);
    expect(may("owner", "webhooks:admin")).toBe(true);
  });
  it("treats an unknown action as admin-only and no role as nothing", () => {
    expect(may("editor", "periods:close")).toBe(false);
    expect(may(null, "activities:read")).toBe(false);
  });
});
