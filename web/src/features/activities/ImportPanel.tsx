import { useId, useState, type FormEvent } from "react";
import { messageOf } from "../../api/problem";
import { DataTable } from "../../components/DataTable";
import { ErrorState } from "../../components/States";
import { MODES, type ReportRow } from "./importReport";
import { AcceptedValues } from "./ProblemNote";
import type { ImportMode } from "./types";
import { downloadTemplate, useImport } from "./useActivities";

/** Editors' import: the template, a file, what to do with bad rows, and the per-row report. */
export function ImportPanel() {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>("all_or_nothing");
  const [templateError, setTemplateError] = useState<string | null>(null);
  const importing = useImport();
  const outcome = importing.data;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) importing.mutate({ file, mode });
  };
  const template = (format: "csv" | "xlsx") => {
    setTemplateError(null);
    downloadTemplate(format).catch((error: unknown) => setTemplateError(messageOf(error)));
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Import activities</h2>
      <p className="hint">
        Start from the template: one activity a row; the first two rows are worked examples. Every row is checked before
        anything is written.
      </p>
      <div className="import-actions">
        <button type="button" className="secondary" onClick={() => template("csv")}>
          Download CSV template
        </button>
        <button type="button" className="secondary" onClick={() => template("xlsx")}>
          Download XLSX template
        </button>
      </div>
      {templateError && (
        <p className="field-error" role="alert">
          The template could not be downloaded: {templateError}
        </p>
      )}
      <form className="toolbar import-form" onSubmit={submit}>
        <div>
          <label htmlFor={`${id}-file`}>CSV or XLSX file</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              importing.reset();
            }}
          />
        </div>
        <div>
          <label htmlFor={`${id}-mode`}>If a row is bad</label>
          <select id={`${id}-mode`} value={mode} onChange={(event) => setMode(event.target.value as ImportMode)}>
            {MODES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" disabled={!file || importing.isPending}>
            {importing.isPending ? "Importing…" : "Import"}
          </button>
        </div>
      </form>
      {importing.error && <ErrorState error={importing.error} />}
      <div aria-live="polite">
        {outcome && (
          <div className="import-outcome">
            <p className={outcome.landed ? "notice" : "state state-error"} role="status">
              {outcome.summary}
            </p>
            {outcome.fileProblem && (
              <AcceptedValues label={outcome.fileProblem.acceptedLabel} values={outcome.fileProblem.accepted} />
            )}
          </div>
        )}
      </div>
      {outcome && outcome.rows.length > 0 && (
        <DataTable<ReportRow>
          caption="Rows not imported"
          rows={outcome.rows}
          rowKey={(row) => row.key}
          columns={[
            { key: "line", header: "Line", cell: (row) => row.line, numeric: true },
            { key: "column", header: "Column", cell: (row) => row.column || "–" },
            { key: "message", header: "Message", cell: (row) => row.message },
            {
              key: "accepted",
              header: "Accepted values",
              cell: (row) => (row.accepted.length ? <AcceptedValues label="Accepted" values={row.accepted} /> : "–"),
            },
          ]}
        />
      )}
    </section>
  );
}
