import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes separators, quotes and line breaks", () => {
    expect(toCsv(["name", "kg"], [["London, office", 12.5], ['say "hi"', null]])).toBe(
      'name,kg\r\n"London, office",12.5\r\n"say ""hi""",\r\n',
    );
  });
  it("neutralises text a spreadsheet would run as a formula, but not numbers", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(-4.5)).toBe("-4.5");
  });
});
