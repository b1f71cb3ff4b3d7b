import { describe, expect, it } from "vitest";
import { formatChange, formatCo2e, formatDate, formatMonth, formatPercent, formatQuantity, isoDay } from "./format";

describe("formatCo2e", () => {
  it("picks kg, t or kt by magnitude", () => {
    expect(formatCo2e(0.28, "en-GB")).toBe("0.28 kg CO₂e");
    expect(formatCo2e(512.34, "en-GB")).toBe("512.3 kg CO₂e");
    expect(formatCo2e(1234, "en-GB")).toBe("1.23 t CO₂e");
    expect(formatCo2e(98_765, "en-GB")).toBe("98.8 t CO₂e");
    expect(formatCo2e(4_560_000, "en-GB")).toBe("4.56 kt CO₂e");
  });
  it("keeps the sign of a negative figure (removals, corrections)", () => {
    expect(formatCo2e(-2500, "en-GB")).toBe("-2.5 t CO₂e");
  });
  it("shows a dash for a missing or non-finite number", () => {
    expect(formatCo2e(null)).toBe("–");
    expect(formatCo2e(Number.NaN)).toBe("–");
  });
  it("follows the locale's separators", () => {
    expect(formatCo2e(1_234_567, "de-DE")).toBe("1,23 kt CO₂e");
  });
});

describe("other formats", () => {
  it("formats quantities, percentages and changes", () => {
    expect(formatQuantity(1500, "kWh", "en-GB")).toBe("1,500 kWh");
    expect(formatPercent(0.875, "en-GB")).toBe("87.5%");
    expect(formatChange(-0.042, "en-GB")).toBe("-4.2%");
    expect(formatChange(0.1, "en-GB")).toBe("+10%");
  });
  it("never shifts a calendar date by the reader's time zone", () => {
    expect(formatDate("2025-01-01", "en-GB")).toBe("1 Jan 2025");
    expect(formatMonth("2025-12", "en-GB")).toBe("Dec 2025");
  });
  it("gives today's date in the API's form", () => {
    expect(isoDay(new Date(2026, 1, 3))).toBe("2026-02-03");
  });
});
