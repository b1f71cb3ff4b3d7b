import { messageOf, ProblemError } from "../../api/problem";
import { problemSummary, type ProblemSummary } from "./importReport";

const SHORT_LIST = 8;

/** Accepted values: inline when few, folded away when many (a unit list has 33). */
export function AcceptedValues({ label, values }: { label: string; values: string[] }) {
  if (values.length === 0) return null;
  if (values.length <= SHORT_LIST) {
    return (
      <p className="accepted-values">
        {label}: {values.join(", ")}
      </p>
    );
  }
  return (
    <details className="accepted-values">
      <summary>
        {label} ({values.length})
      </summary>
      <p>{values.join(", ")}</p>
    </details>
  );
}

export function summaryOf(error: unknown): ProblemSummary {
  if (error instanceof ProblemError) return problemSummary(error.problem, error.message);
  return { detail: messageOf(error), accepted: [], acceptedLabel: "" };
}

/** A refusal from the API: its detail and what it accepts instead. */
export function ProblemNote({ error, lead, role = "alert" }: { error: unknown; lead?: string; role?: "alert" | "status" }) {
  const summary = summaryOf(error);
  return (
    <div className="state state-error problem-note" role={role}>
      <p>
        {lead ? `${lead} ` : ""}
        {summary.detail}
      </p>
      <AcceptedValues label={summary.acceptedLabel} values={summary.accepted} />
    </div>
  );
}
