import { cleanup, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { ProblemError } from "../api/problem";
import { ErrorState, NotFound } from "./States";

afterEach(cleanup);

describe("NotFound", () => {
  it("is a page of its own: one h1 naming its section, and the document title", () => {
    document.title = "Meter · EcoTrack";
    render(<NotFound />, { wrapper: MemoryRouter });
    const heading = screen.getByRole("heading", { level: 1, name: "Not found" });
    expect(screen.getByRole("region", { name: "Not found" }).contains(heading)).toBe(true);
    expect(document.title).toBe("Not found · EcoTrack");
    expect(screen.getByRole("link", { name: "Back to the overview" })).toHaveProperty("pathname", "/");
  });
  it("is what ErrorState shows for the API's 404 (an object of another organisation)", () => {
    document.title = "Meter · EcoTrack";
    // GET /carbon/meters/{an id the organisation does not have}, captured from `ecotrack up`.
    const missing = new ProblemError(404, {
      type: "https://ecotrack.dev/problems/not-found",
      title: "Not Found",
      status: 404,
      detail: "your organisation has no meter '00000000-0000-4000-8000-000000000000'",
      instance: "/api/v1/carbon/meters/00000000-0000-4000-8000-000000000000",
    });
    render(<ErrorState error={missing} />, { wrapper: MemoryRouter });
    expect(screen.getByRole("heading", { level: 1, name: "Not found" })).toBeTruthy();
    expect(document.title).toBe("Not found · EcoTrack");
  });
});
