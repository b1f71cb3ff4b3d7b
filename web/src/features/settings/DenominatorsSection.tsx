import { useRef, useState, type FormEvent, type RefObject } from "react";
import { Link } from "react-router";
import { useSession } from "../../auth/SessionProvider";
import { DataTable, type Column } from "../../components/DataTable";
import { EmptyState, ErrorState, Loading } from "../../components/States";
import {
  DENOMINATOR_WRITE_SCOPE,
  denominatorBody,
  denominatorRows,
  emptyDenominatorForm,
  FIRST_YEAR,
  formatDenominator,
  LAST_YEAR,
  metricLabel,
  METRICS,
  metricUnit,
  storedDenominator,
  unitLabel,
  type DenominatorForm,
  type DenominatorRow,
} from "./denominators";
import { problemText } from "./forms";
import type { Denominator, Metric } from "./types";
import { useDenominators, useSetDenominator } from "./useSettings";

export function DenominatorsSection() {
  const { can } = useSession();
  const denominators = useDenominators();
  const mayWrite = can(DENOMINATOR_WRITE_SCOPE);
  const [form, setForm] = useState<DenominatorForm>(() => emptyDenominatorForm(new Date().getFullYear()));
  const [saved, setSaved] = useState<string | null>(null);
  const valueInput = useRef<HTMLInputElement>(null);

  const change = (row: DenominatorRow) => {
    setSaved(null);
    setForm({ metric: row.metric, year: String(row.year), value: String(row.value) });
    valueInput.current?.focus();
  };

  const columns: Column<DenominatorRow>[] = [
    { key: "year", header: "Year", cell: (r) => r.year },
    { key: "metric", header: "Metric", cell: (r) => r.metricLabel },
    { key: "value", header: "Value", numeric: true, cell: (r) => formatDenominator(r.value) },
    { key: "unit", header: "Unit", cell: (r) => r.unit },
  ];
  if (mayWrite) {
    columns.push({
      key: "actions",
      header: "Actions",
      cell: (r) => (
        <button type="button" className="secondary" aria-label={`Change ${r.metricLabel.toLowerCase()} for ${r.year}`} onClick={() => change(r)}>
          Change
        </button>
      ),
    });
  }

  return (
    <>
      <section className="panel" aria-labelledby="denominators-title">
        <h2 id="denominators-title">Intensity denominators</h2>
        <p className="hint">
          The figures emissions are divided by for intensity: per employee, per m² of floor area or per unit of
          revenue, one per year. The overview’s intensity card and intensity <Link to="/targets">targets</Link> need
          one for each year they measure.
        </p>
        {denominators.isPending ? (
          <Loading what="denominators" />
        ) : denominators.isError ? (
          <ErrorState error={denominators.error} retry={() => void denominators.refetch()} />
        ) : (
          <DataTable
            caption="Your organisation's intensity denominators, newest year first"
            columns={columns}
            rows={denominatorRows(denominators.data)}
            rowKey={(r) => r.key}
            empty={
              <EmptyState title="No denominators yet">
                <p>
                  {mayWrite
                    ? "Set one below, e.g. the number of employees (FTE) this year, and the overview shows emissions per employee."
                    : "Intensity figures appear once an editor sets a denominator for the year, e.g. the number of employees."}
                </p>
              </EmptyState>
            }
          />
        )}
        {!mayWrite && <p className="hint">Editors, admins and owners set denominators.</p>}
      </section>
      {mayWrite && (
        <SetDenominator
          form={form}
          setForm={setForm}
          saved={saved}
          setSaved={setSaved}
          stored={denominators.data ?? []}
          valueInput={valueInput}
        />
      )}
    </>
  );
}

function SetDenominator({
  form,
  setForm,
  saved,
  setSaved,
  stored,
  valueInput,
}: {
  form: DenominatorForm;
  setForm: (form: DenominatorForm) => void;
  /** What the last save did, in words, until the form changes. */
  saved: string | null;
  setSaved: (saved: string | null) => void;
  stored: Denominator[];
  valueInput: RefObject<HTMLInputElement | null>;
}) {
  const save = useSetDenominator();
  const [error, setError] = useState<string | null>(null);
  const current = storedDenominator(stored, form.metric, form.year);
  const unit = metricUnit(form.metric);
  const example = METRICS.find((m) => m.metric === form.metric)?.example ?? "";

  const edit = (next: Partial<DenominatorForm>) => {
    setSaved(null);
    setForm({ ...form, ...next });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = denominatorBody(form);
    if (!checked.ok) {
      setError(checked.error);
      setSaved(null);
      return;
    }
    setError(null);
    save.mutate(checked.value, {
      onSuccess: (answer) => {
        setSaved(
          `Saved: ${metricLabel(answer.metric).toLowerCase()} for ${answer.year} is ${formatDenominator(answer.value)} ${unitLabel(answer.unit)}.`,
        );
        setForm({ ...form, value: "" });
      },
      onError: (failure) => setError(problemText(failure)),
    });
  };

  return (
    <section className="panel" aria-labelledby="set-denominator-title">
      <h2 id="set-denominator-title">Set a denominator</h2>
      <p className="hint">
        One figure per metric and year: saving a year that has one replaces it. There is no deleting one, only
        changing it.
      </p>
      <form className="form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <div>
            <label htmlFor="denominator-metric">Metric</label>
            <select
              id="denominator-metric"
              value={form.metric}
              onChange={(e) => edit({ metric: e.target.value as Metric })}
            >
              {METRICS.map((m) => (
                <option key={m.metric} value={m.metric}>
                  {m.label} ({m.unit})
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="denominator-year">Year</label>
            <input
              id="denominator-year"
              type="number"
              inputMode="numeric"
              min={FIRST_YEAR}
              max={LAST_YEAR}
              step={1}
              required
              value={form.year}
              onChange={(e) => edit({ year: e.target.value })}
            />
          </div>
          <div>
            <label htmlFor="denominator-value">Value ({unit})</label>
            <input
              ref={valueInput}
              id="denominator-value"
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              required
              aria-describedby="denominator-value-hint"
              value={form.value}
              onChange={(e) => edit({ value: e.target.value })}
            />
          </div>
        </div>
        <p className="hint" id="denominator-value-hint">
          {metricLabel(form.metric)} in {example}.
          {current &&
            ` ${form.year} already has ${formatDenominator(current.value)} ${unitLabel(current.unit)}: saving replaces it.`}
        </p>
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        <p role="status" className="hint">
          {saved}
        </p>
        <div>
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save denominator"}
          </button>
        </div>
      </form>
    </section>
  );
}
