import { describe, expect, it } from "vitest";
import {
  PROBLEM_BAD_UNIT,
  PROBLEM_CLOSED_PERIOD,
  PROBLEM_HAUL_REQUIRED,
  IMPORT_VALID_ROWS,
  PROBLEM_IMPORT_ALL_OR_NOTHING,
  PROBLEM_IMPORT_COLUMNS,
  PROBLEM_IMPORT_MEDIA_TYPE,
} from "./fixtures";
import { acceptedList, fileContentType, outcomeOfProblem, outcomeOfReport, problemSummary, XLSX_TYPE } from "./importReport";

describe("outcomeOfReport", () => {
  it("says how many rows landed and lists the bad ones (valid_rows)", () => {
    const outcome = outcomeOfReport(IMPORT_VALID_ROWS);
    expect(outcome.landed).toBe(true);
    expect(outcome.summary).toBe("Imported 2 activities; 2 rows of 4 had errors and were not imported.");
    expect(outcome.rows.map((row) => [row.line, row.column, row.message])).toEqual([
      [3, "unit", "unit 'furlong' is not accepted for fuel.natural_gas"],
      [5, "options", "quantity must be a finite number of zero or more, not -4.0"],
    ]);
    expect(outcome.rows[0]!.accepted).toContain("kWh");
    expect(outcome.rows[1]!.accepted).toEqual(["finite numbers >= 0"]);
  });

  it("says when only the first errors are listed", () => {
    const truncated = { ...IMPORT_VALID_ROWS, rows: 400, failed: 250, error_count: 250 };
    expect(outcomeOfReport(truncated).summary).toBe(
      "Imported 2 activities; 250 rows of 400 had errors and were not imported. The first 2 of 250 errors are listed.",
    );
  });

  it("says so when every row landed", () => {
    const clean = { ...IMPORT_VALID_ROWS, rows: 2, failed: 0, errors: [] };
    expect(outcomeOfReport(clean).summary).toBe("Imported 2 activities from 2 rows.");
  });
});

describe("outcomeOfProblem", () => {
  it("shows the per-row report of a refused all_or_nothing import", () => {
    const outcome = outcomeOfProblem(PROBLEM_IMPORT_ALL_OR_NOTHING);
    expect(outcome.landed).toBe(false);
    expect(outcome.summary).toMatch(/^Nothing was imported: 2 rows of 4 had errors/);
    expect(outcome.rows.map((row) => row.line)).toEqual([3, 5]);
    expect(outcome.fileProblem).toBeNull();
  });

  it("names the expected columns of a file with the wrong ones", () => {
    const outcome = outcomeOfProblem(PROBLEM_IMPORT_COLUMNS);
    expect(outcome.rows).toEqual([]);
    expect(outcome.fileProblem?.detail).toMatch(/^the columns do not match the template/);
    expect(outcome.fileProblem?.acceptedLabel).toBe("Expected columns");
    expect(outcome.fileProblem?.accepted[0]).toBe("activity");
  });

  it("names the accepted types of a file that is neither CSV nor XLSX", () => {
    const outcome = outcomeOfProblem(PROBLEM_IMPORT_MEDIA_TYPE);
    expect(outcome.fileProblem?.accepted).toEqual(["text/csv", XLSX_TYPE]);
  });
});

describe("problemSummary", () => {
  it("picks what an estimate problem says is accepted", () => {
    expect(problemSummary(PROBLEM_BAD_UNIT)).toMatchObject({
      detail: "unit 'furlong' is not accepted for fuel.natural_gas",
      acceptedLabel: "Accepted units",
    });
    expect(problemSummary(PROBLEM_HAUL_REQUIRED)).toEqual({
      detail: "option 'haul' is required for the desnz factors for travel.flight in GB",
      accepted: ["domestic", "international", "long", "short"],
      acceptedLabel: "Accepted values",
    });
    expect(problemSummary(PROBLEM_CLOSED_PERIOD).accepted).toEqual([]);
  });

  it("reads accepted values in any shape", () => {
    expect(acceptedList(null)).toEqual([]);
    expect(acceptedList("finite numbers >= 0")).toEqual(["finite numbers >= 0"]);
    expect(acceptedList([2019, 2020])).toEqual(["2019", "2020"]);
  });
});

describe("fileContentType", () => {
  it("types the file by its name first", () => {
    expect(fileContentType({ name: "activities.csv", type: "application/vnd.ms-excel" })).toBe("text/csv");
    expect(fileContentType({ name: "Activities.XLSX", type: "" })).toBe(XLSX_TYPE);
    expect(fileContentType({ name: "export", type: "text/csv" })).toBe("text/csv");
    expect(fileContentType({ name: "report.pdf", type: "application/pdf" })).toBeNull();
  });
});
