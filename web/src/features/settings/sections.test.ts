import { describe, expect, it } from "vitest";
import { may, type Role } from "../../auth/roles";
import { resolveSection, visibleSections } from "./sections";

const as = (role: Role) => (scope: string) => may(role, scope);

describe("settings tabs", () => {
  it("shows admins every tab, in order", () => {
    expect(visibleSections(as("admin")).map((s) => s.label)).toEqual([
      "Members",
      "Invitations",
      "Audit log",
      "API keys",
      "Webhooks",
      "Private factors",
      "Instruments",
      "Denominators",
    ]);
    expect(visibleSections(as("owner"))).toHaveLength(8);
  });
  it("hides the admin-only tabs from editors and viewers", () => {
    const forEveryone = ["members", "private-factors", "instruments", "denominators"];
    expect(visibleSections(as("editor")).map((s) => s.id)).toEqual(forEveryone);
    expect(visibleSections(as("viewer")).map((s) => s.id)).toEqual(forEveryone);
  });
  it("sends /settings to Members, and says no rather than fetch a tab the role may not read", () => {
    expect(resolveSection(undefined, as("viewer"))).toEqual({ kind: "redirect", to: "members" });
    expect(resolveSection("webhooks", as("admin"))).toMatchObject({ kind: "show", section: { id: "webhooks" } });
    expect(resolveSection("api-keys", as("editor"))).toMatchObject({ kind: "forbidden", section: { noun: "API keys" } });
    expect(resolveSection("billing", as("owner"))).toEqual({ kind: "unknown" });
    // The overview's intensity card links here, for any role.
    expect(resolveSection("denominators", as("viewer"))).toMatchObject({ kind: "show", section: { id: "denominators" } });
  });
});
