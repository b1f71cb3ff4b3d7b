import { useMemo } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { messageOf } from "../../api/problem";
import { useSession } from "../../auth/SessionProvider";
import { Chart } from "../../components/Chart";
import { ConfirmButton } from "../../components/ConfirmButton";
import { DataTable, type Column } from "../../components/DataTable";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, Loading } from "../../components/States";
import { formatDateTime } from "../../lib/format";
import {
  achievedSince,
  describeKind,
  describeScopes,
  forecastSentence,
  formatMeasure,
  pathChartOption,
  pathRows,
  requiredReduction,
  verdict,
  type PathRow,
} from "./targets";
import "./targets.css";
import type { Target, TargetProgress } from "./types";
import { useDeleteTarget, useForecast, useProgress, useReadiness, useTarget } from "./useTargets";

export function TargetPage() {
  const { targetId = "" } = useParams();
  const target = useTarget(targetId);
  if (target.isPending) return <Loading what="the target" />;
  if (target.isError) return <ErrorState error={target.error} retry={() => void target.refetch()} />;
  return <TargetView target={target.data} />;
}

function TargetView({ target }: { target: Target }) {
  const { can } = useSession();
  const navigate = useNavigate();
  const remove = useDeleteTarget();
  const targets = useMemo(() => [target], [target]);
  const ready = useReadiness(targets);
  const readiness = ready.byTarget.get(target.id);
  const progress = useProgress(target.id, readiness?.ready === true);

  return (
    <>
      <PageHeader title={target.name}>
        <Link to="/targets" className="button secondary">
          All targets
        </Link>
        {can("analytics:write") && (
          <ConfirmButton
            text="Delete target"
            label={`Delete target ${target.name}`}
            confirmText="Yes, delete this target"
            busy={remove.isPending}
            onConfirm={() => remove.mutate(target.id, { onSuccess: () => navigate("/targets", { replace: true }) })}
          />
        )}
      </PageHeader>
      {remove.isError && (
        <p role="alert" className="field-error">
          Could not delete the target: {messageOf(remove.error)}
        </p>
      )}
      <section className="panel" aria-labelledby="target-facts">
        <h2 id="target-facts">The target</h2>
        <dl className="facts">
          <dt>Kind</dt>
          <dd>{describeKind(target)}</dd>
          <dt>Scopes</dt>
          <dd>{describeScopes(target)}</dd>
          <dt>Reduction</dt>
          <dd>
            {target.reduction_pct} % from {target.base_year} to {target.target_year}
          </dd>
          <dt>Set</dt>
          <dd>{formatDateTime(target.created_at)}</dd>
        </dl>
      </section>
      {ready.error ? (
        <ErrorState error={ready.error} retry={ready.refetch} />
      ) : !readiness ? (
        <Loading what="the target's progress" />
      ) : !readiness.ready ? (
        <EmptyState title="No progress to show yet">
          <p>{readiness.reason}</p>
        </EmptyState>
      ) : progress.isPending ? (
        <Loading what="the target's progress" />
      ) : progress.isError ? (
        <ErrorState error={progress.error} retry={() => void progress.refetch()} />
      ) : (
        <Progress target={target} progress={progress.data} yearsWithData={readiness.yearsWithData.length} />
      )}
    </>
  );
}

function Progress({ target, progress, yearsWithData }: { target: Target; progress: TargetProgress; yearsWithData: number }) {
  const forecast = useForecast(target, yearsWithData);
  const said = verdict(target, progress);
  const required = requiredReduction(target, progress);
  const trend = forecastSentence(target, progress);
  const rows = useMemo(() => pathRows(target, progress, forecast.data ?? null), [target, progress, forecast.data]);
  const option = useMemo(() => pathChartOption(target, rows), [target, rows]);
  const measure = (value: number | null) => formatMeasure(value, target);

  const columns: Column<PathRow>[] = [
    { key: "year", header: "Year", cell: (r) => r.year },
    { key: "actual", header: "Actual", numeric: true, cell: (r) => measure(r.actual) },
    { key: "path", header: "Target path", numeric: true, cell: (r) => measure(r.targetPath) },
    { key: "forecast", header: "Forecast", numeric: true, cell: (r) => measure(r.forecast) },
    {
      key: "interval",
      header: "95% interval",
      numeric: true,
      cell: (r) => (r.lower === null || r.upper === null ? "–" : `${measure(r.lower)} to ${measure(r.upper)}`),
    },
  ];

  return (
    <>
      <section className="panel" aria-labelledby="target-verdict">
        <h2 id="target-verdict">
          Verdict <span className={`badge ${said.onTrack ? "good" : "bad"}`}>{said.badge}</span>
        </h2>
        <p>{said.sentence}</p>
        {trend && <p>{trend}</p>}
        {progress.latest_year === new Date().getFullYear() && (
          <p className="hint">{progress.latest_year} is still under way: its total holds only the data recorded so far.</p>
        )}
      </section>
      <div className="kpis">
        <Kpi label={`Base year ${target.base_year}`} value={measure(progress.base_value)} />
        <Kpi label={`Goal for ${target.target_year}`} value={measure(progress.target_value)} />
        <Kpi
          label={`Latest year ${progress.latest_year}`}
          value={measure(progress.latest_value)}
          note={achievedSince(target, progress)}
        />
        {required.linear !== "–" && (
          <>
            <Kpi
              label="Required annual reduction, linear"
              value={required.linear}
              note={`the same amount each year to ${target.target_year}`}
            />
            <Kpi
              label="Required annual reduction, compound"
              value={required.compound}
              note="the same share of the year before, each year"
            />
          </>
        )}
      </div>
      {required.note && <p className="notice">{required.note}</p>}
      <section className="panel" aria-labelledby="target-path">
        <h2 id="target-path">Path to the target</h2>
        {forecast.isError && (
          <p className="hint" role="status">
            The forecast could not be drawn: {messageOf(forecast.error)}
          </p>
        )}
        <Chart
          option={option}
          label={`${target.name}: actual annual totals, the target path from ${target.base_year} to ${target.target_year}, and the forecast with its 95% interval`}
        />
        <p className="hint chart-note">
          The forecast is a straight-line trend through the annual totals; its interval is drawn from zero where it
          goes below zero. The table gives the figures as calculated.
        </p>
        <DataTable
          caption={`${target.name}: actual, target path and forecast by year`}
          columns={columns}
          rows={rows}
          rowKey={(r) => String(r.year)}
        />
      </section>
    </>
  );
}

function Kpi({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="kpi">
      <p className="kpi-label">{label}</p>
      <p className="kpi-value">{value}</p>
      {note && <p className="kpi-note">{note}</p>}
    </div>
  );
}
