import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { messageOf } from "../../api/problem";
import { useSession } from "../../auth/SessionProvider";
import { ConfirmButton } from "../../components/ConfirmButton";
import { DataTable, type Column } from "../../components/DataTable";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, Loading } from "../../components/States";
import {
  describeKind,
  describeScopes,
  emptyTargetForm,
  METRIC_LABEL,
  METRICS,
  SCOPES,
  scopeList,
  targetBody,
  totalsByYear,
  verdict,
  type Readiness,
  type TargetForm,
} from "./targets";
import "./targets.css";
import type { Metric, Scope, Target } from "./types";
import { useCreateTarget, useDeleteTarget, useProgresses, useReadiness, useTargetList, useYearTotals } from "./useTargets";

export function TargetsPage() {
  const { can } = useSession();
  const targets = useTargetList();
  const mayWrite = can("analytics:write");

  return (
    <>
      <PageHeader title="Targets" />
      <p className="lead">
        A reduction target says how far to cut emissions by a target year, measured against a base year: for
        example 42 % of scopes 1 and 2 between 2024 and 2030. EcoTrack draws the straight path from the base year to
        the goal and tells you whether the latest year is on it.
      </p>
      <section className="panel" aria-labelledby="targets-list">
        <h2 id="targets-list">Your targets</h2>
        {targets.isPending ? (
          <Loading what="targets" />
        ) : targets.isError ? (
          <ErrorState error={targets.error} retry={() => void targets.refetch()} />
        ) : targets.data.length === 0 ? (
          <EmptyState title="No targets yet">
            <p>
              A target needs a base year with recorded emissions, a target year and the reduction to reach by then.
              {mayWrite
                ? " Set your first one with the form below."
                : " Ask an editor or an admin of your organisation to set one."}
            </p>
          </EmptyState>
        ) : (
          <TargetTable targets={targets.data} mayWrite={mayWrite} />
        )}
      </section>
      {mayWrite && <NewTarget />}
    </>
  );
}

function TargetTable({ targets, mayWrite }: { targets: Target[]; mayWrite: boolean }) {
  const ready = useReadiness(targets);
  const progresses = useProgresses(targets, ready.byTarget);
  const remove = useDeleteTarget();

  const verdictCell = (target: Target) => {
    if (ready.error) return <span className="hint">Could not check: {messageOf(ready.error)}</span>;
    const readiness: Readiness | undefined = ready.byTarget.get(target.id);
    if (!readiness) return <span className="hint">Checking…</span>;
    if (!readiness.ready) {
      return (
        <>
          <span className="badge">No base-year data</span>
          <p className="hint">{readiness.reason}</p>
        </>
      );
    }
    const progress = progresses.get(target.id);
    if (!progress || progress.isPending) return <span className="hint">Checking…</span>;
    if (progress.isError) return <span className="hint">Could not check: {messageOf(progress.error)}</span>;
    const said = verdict(target, progress.data);
    return (
      <span className={`badge ${said.onTrack ? "good" : "bad"}`} title={said.sentence}>
        {said.badge}
      </span>
    );
  };

  const columns: Column<Target>[] = [
    { key: "name", header: "Target", cell: (t) => <Link to={`/targets/${t.id}`}>{t.name}</Link> },
    { key: "kind", header: "Kind", cell: describeKind },
    { key: "scopes", header: "Scopes", cell: describeScopes },
    { key: "years", header: "Base → target year", cell: (t) => `${t.base_year} → ${t.target_year}` },
    { key: "reduction", header: "Reduction", numeric: true, cell: (t) => `${t.reduction_pct} %` },
    { key: "verdict", header: "Verdict", cell: verdictCell },
  ];
  if (mayWrite) {
    columns.push({
      key: "actions",
      header: "Actions",
      cell: (t) => (
        <ConfirmButton
          text="Delete"
          label={`Delete target ${t.name}`}
          confirmText="Yes, delete"
          busy={remove.isPending && remove.variables === t.id}
          onConfirm={() => remove.mutate(t.id)}
        />
      ),
    });
  }
  return (
    <>
      {remove.isError && (
        <p role="alert" className="field-error">
          Could not delete the target: {messageOf(remove.error)}
        </p>
      )}
      <DataTable caption="Reduction targets and whether each is on track" columns={columns} rows={targets} rowKey={(t) => t.id} />
    </>
  );
}

function NewTarget() {
  const thisYear = new Date().getFullYear();
  const [form, setForm] = useState<TargetForm>(() => emptyTargetForm([], thisYear));
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Target | null>(null);
  const create = useCreateTarget();
  const totals = useYearTotals(form.scope2Method);
  const years = totals.data ? [...totalsByYear(totals.data, form.scopes).keys()] : [];
  const firstYear = years[0];
  const baseTouched = useRef(false);

  // Until someone picks a base year, suggest the first year that has data.
  useEffect(() => {
    if (firstYear !== undefined && !baseTouched.current) setForm((f) => ({ ...f, baseYear: String(firstYear) }));
  }, [firstYear]);

  const set = <K extends keyof TargetForm>(key: K, value: TargetForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const toggleScope = (scope: Scope, on: boolean) =>
    set("scopes", on ? [...form.scopes, scope].sort((a, b) => a - b) : form.scopes.filter((s) => s !== scope));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    const checked = targetBody(form);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    setError(null);
    create.mutate(checked.value, {
      onSuccess: (target) => {
        setCreated(target);
        baseTouched.current = false;
        setForm(emptyTargetForm(years, thisYear));
      },
      onError: (failure) => setError(messageOf(failure)),
    });
  };

  return (
    <section className="panel" aria-labelledby="new-target">
      <h2 id="new-target">Set a target</h2>
      <form className="form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <div>
            <label htmlFor="target-name">Name</label>
            <input
              id="target-name"
              required
              maxLength={200}
              placeholder="SBTi near-term"
              value={form.name}
              onChange={(e) => set("name", e.target.value)}
            />
          </div>
          <div>
            <label htmlFor="target-kind">Kind</label>
            <select id="target-kind" value={form.kind} onChange={(e) => set("kind", e.target.value as TargetForm["kind"])}>
              <option value="absolute">Absolute (kg CO₂e)</option>
              <option value="intensity">Intensity (per employee, m² or revenue)</option>
            </select>
          </div>
          {form.kind === "intensity" && (
            <div>
              <label htmlFor="target-metric">Denominator</label>
              <select id="target-metric" value={form.metric} onChange={(e) => set("metric", e.target.value as Metric)}>
                {METRICS.map((metric) => (
                  <option key={metric} value={metric}>
                    {METRIC_LABEL[metric]}
                  </option>
                ))}
              </select>
            </div>
          )}
          <fieldset className="checks">
            <legend>Scopes</legend>
            {SCOPES.map((scope) => (
              <label key={scope} className="check">
                <input
                  type="checkbox"
                  checked={form.scopes.includes(scope)}
                  onChange={(e) => toggleScope(scope, e.target.checked)}
                />
                Scope {scope}
              </label>
            ))}
          </fieldset>
          {form.scopes.includes(2) && (
            <div>
              <label htmlFor="target-method">Scope 2 figure</label>
              <select
                id="target-method"
                value={form.scope2Method}
                onChange={(e) => set("scope2Method", e.target.value as TargetForm["scope2Method"])}
              >
                <option value="location">Location-based (grid average)</option>
                <option value="market">Market-based (contracts)</option>
              </select>
            </div>
          )}
          <div>
            <label htmlFor="target-base">Base year</label>
            <input
              id="target-base"
              type="number"
              inputMode="numeric"
              min={1900}
              max={2200}
              required
              value={form.baseYear}
              onChange={(e) => {
                baseTouched.current = true;
                set("baseYear", e.target.value);
              }}
              aria-describedby="target-years-hint"
            />
          </div>
          <div>
            <label htmlFor="target-year">Target year</label>
            <input
              id="target-year"
              type="number"
              inputMode="numeric"
              min={1901}
              max={2200}
              required
              value={form.targetYear}
              onChange={(e) => set("targetYear", e.target.value)}
            />
          </div>
          <div>
            <label htmlFor="target-reduction">Reduction by the target year (%)</label>
            <input
              id="target-reduction"
              type="number"
              inputMode="decimal"
              min={0}
              max={100}
              step="any"
              required
              placeholder="42"
              value={form.reductionPct}
              onChange={(e) => set("reductionPct", e.target.value)}
            />
          </div>
        </div>
        <p className="hint" id="target-years-hint">
          {totals.isPending
            ? "Looking up which years have data…"
            : years.length
              ? `${scopeList(form.scopes)} ha${form.scopes.length === 1 ? "s" : "ve"} data for ${years.join(", ")}: pick one of them as the base year.`
              : `${scopeList(form.scopes)} ha${form.scopes.length === 1 ? "s" : "ve"} no data yet: record activities first, or the target cannot be measured.`}
          {form.kind === "intensity" && " An intensity target also needs the denominator for its base year."}
        </p>
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        {created && (
          <p role="status" className="notice">
            Target set: <Link to={`/targets/${created.id}`}>{created.name}</Link>.
          </p>
        )}
        <div>
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? "Setting…" : "Set target"}
          </button>
        </div>
      </form>
    </section>
  );
}
