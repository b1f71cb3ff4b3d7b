import { describe, expect, it } from "vitest";
import { formatRange, parseMethod, parseYear, periodOf, yearOptions } from "./period";

describe("periodOf", () => {
  it("runs the current year to today and past years to 31 December", () => {
    expect(periodOf(2026, "2026-12-02")).toEqual({ year: 2026, from: "2026-01-01", to: "2026-12-02", toDate: true });
    expect(periodOf(2025, "2026-12-02")).toEqual({ year: 2025, from: "2025-01-01", to: "2025-12-31", toDate: false });
  });
});

describe("formatRange", () => {
  // Intl puts thin spaces around the dash.
  const plain = (text: string) => text.replace(/\s/g, " ");
  it("says the window in the reader's locale, without time-zone shifts", () => {
    expect(plain(formatRange("2026-01-01", "2026-12-02", "en-GB"))).toBe("1 Jan – 2 Dec 2026");
    expect(plain(formatRange("2026-01-01", "2026-12-02", "en-US"))).toBe("Jan 1 – Dec 2, 2026");
    expect(plain(formatRange("2025-01-01", "2025-12-31", "en-GB"))).toBe("1 Jan – 31 Dec 2025");
  });
});

describe("yearOptions", () => {
  it("offers years with data and the current year, newest first", () => {
    expect(yearOptions([2024, 2025, 2026], 2026)).toEqual([2026, 2025, 2024]);
    expect(yearOptions([], 2026)).toEqual([2026]);
    expect(yearOptions([2027, 2025], 2026)).toEqual([2026, 2025]);
  });
});

describe("address parameters", () => {
  it("falls back to the current year and location-based", () => {
    expect(parseYear("2025", 2026)).toBe(2025);
    expect(parseYear(null, 2026)).toBe(2026);
    expect(parseYear("2031", 2026)).toBe(2026);
    expect(parseYear("abc", 2026)).toBe(2026);
    expect(parseMethod("market")).toBe("market");
    expect(parseMethod("other")).toBe("location");
  });
});
