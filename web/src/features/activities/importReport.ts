/**
 * What an import answered, as the Import panel shows it, and what a problem says is
 * accepted. POST /activities/import answers 201 with a report (valid_rows, or a clean
 * file), 422 with the same report inside the problem (all_or_nothing with a bad row),
 * 422 naming the columns (wrong header), 413 (too big) or 415 (not CSV/XLSX).
 */
import type { Problem } from "../../api/problem";
import type { ImportMode, ImportReport, RowError } from "./types";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_TYPE = "text/csv";

export const MODES: { value: ImportMode; label: string }[] = [
  { value: "all_or_nothing", label: "Import nothing (all or nothing)" },
  { value: "valid_rows", label: "Import the good rows, report the bad ones" },
];

/**
 * The Content-Type to send a chosen file with, or null for neither CSV nor XLSX. The name
 * decides first: browsers call a .csv "application/vnd.ms-excel" on some systems.
 */
export function fileContentType(file: Pick<File, "name" | "type">): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith(".csv")) return CSV_TYPE;
  if (name.endsWith(".xlsx")) return XLSX_TYPE;
  if (file.type === CSV_TYPE || file.type === XLSX_TYPE) return file.type;
  return null;
}

/** Accepted values in a problem or a row error, as a list of strings. */
export function acceptedList(accepted: unknown): string[] {
  if (accepted === null || accepted === undefined || accepted === "") return [];
  if (Array.isArray(accepted)) return accepted.map((value) => String(value));
  if (typeof accepted === "object") return Object.keys(accepted as object);
  return [String(accepted)];
}

// The members an estimate or record problem uses to say what is accepted (docs/api.md).
const ACCEPTED_MEMBERS = [
  "accepted_activities",
  "accepted_units",
  "accepted_options",
  "accepted_values",
  "accepted_regions",
  "available_years",
  "accepted_types",
  "expected_columns",
] as const;

export interface ProblemSummary {
  detail: string;
  accepted: string[];
  /** What the accepted values are: "Accepted units", "Available years"... */
  acceptedLabel: string;
}

/** The detail of a problem and the first list of what it accepts. */
export function problemSummary(problem: Problem, fallback = "The request was refused."): ProblemSummary {
  const detail = problem.detail ?? problem.title ?? fallback;
  for (const member of ACCEPTED_MEMBERS) {
    const accepted = acceptedList(problem[member]);
    if (accepted.length) {
      const words = member.replace(/_/g, " ");
      return { detail, accepted, acceptedLabel: words.charAt(0).toUpperCase() + words.slice(1) };
    }
  }
  return { detail, accepted: [], acceptedLabel: "" };
}

export interface ReportRow {
  key: string;
  line: number;
  column: string;
  message: string;
  accepted: string[];
}

export function reportRows(errors: RowError[]): ReportRow[] {
  return errors.map((error, index) => ({
    key: `${error.row}:${error.column ?? ""}:${index}`,
    line: error.row,
    column: error.column ?? "",
    message: error.detail,
    accepted: acceptedList(error.accepted),
  }));
}

export interface ImportOutcome {
  /** Whether anything was written (the list needs refreshing). */
  landed: boolean;
  /** One sentence: how many rows landed and how many did not. */
  summary: string;
  rows: ReportRow[];
  /** A problem with the file as a whole (columns, size, type), when there is one. */
  fileProblem: ProblemSummary | null;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The API lists the first errors only (`errors`) and counts them all (`error_count`). */
function listedNote(errorCount: number | undefined, listed: number): string {
  return errorCount !== undefined && errorCount > listed
    ? ` The first ${listed} of ${errorCount} errors are listed.`
    : "";
}

export function outcomeOfReport(report: ImportReport): ImportOutcome {
  const summary =
    report.failed === 0
      ? `Imported ${plural(report.imported, "activity", "activities")} from ${plural(report.rows, "row")}.`
      : `Imported ${plural(report.imported, "activity", "activities")}; ${plural(report.failed, "row")} of ${report.rows} had errors and ${report.failed === 1 ? "was" : "were"} not imported.${listedNote(report.error_count, report.errors.length)}`;
  return { landed: report.imported > 0, summary, rows: reportRows(report.errors), fileProblem: null };
}

function isRowError(value: unknown): value is RowError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { row?: unknown }).row === "number" &&
    typeof (value as { detail?: unknown }).detail === "string"
  );
}

/** A refused import: the per-row report inside a 422, or what is wrong with the file. */
export function outcomeOfProblem(problem: Problem): ImportOutcome {
  const errors = Array.isArray(problem.errors) ? problem.errors.filter(isRowError) : [];
  if (errors.length) {
    const rows = typeof problem.rows === "number" ? problem.rows : undefined;
    const failed = typeof problem.failed === "number" ? problem.failed : new Set(errors.map((e) => e.row)).size;
    const summary = `Nothing was imported: ${plural(failed, "row")}${rows === undefined ? "" : ` of ${rows}`} had errors. Fix ${failed === 1 ? "it" : "them"} and import the file again, or choose to import the good rows.${listedNote(
      typeof problem.error_count === "number" ? problem.error_count : undefined,
      errors.length,
    )}`;
    return { landed: false, summary, rows: reportRows(errors), fileProblem: null };
  }
  const fileProblem = problemSummary(problem, "The file could not be imported.");
  return { landed: false, summary: `Nothing was imported: ${fileProblem.detail}`, rows: [], fileProblem };
}
