import { useMemo, type ReactNode } from "react";
import { Link } from "react-router";
import { useSession } from "../../auth/SessionProvider";
import { Chart } from "../../components/Chart";
import { DataTable, type Column } from "../../components/DataTable";
import { ErrorState, Loading } from "../../components/States";
import { formatCo2e, formatPercent } from "../../lib/format";
import type { AnnualRow } from "./annual";
import { annualOption, yearLabel } from "./charts";
import { METRIC_UNIT } from "./kpis";
import { METHOD_LABEL } from "./period";
import { TableToggle } from "./TableToggle";
import { useNarrow } from "./useNarrow";
import type { Scope2Method, Target } from "./types";
import type { TargetSection } from "./useOverview";

interface AnnualPanelProps {
  section: TargetSection;
  method: Scope2Method;
  onTarget: (targetId: string) => void;
}

function scopesText(target: Target): string {
  return `scope${target.scopes.length > 1 ? "s" : ""} ${target.scopes.join(", ")}`;
}

export function AnnualPanel({ section, method, onTarget }: AnnualPanelProps) {
  const { can } = useSession();
  const { target, progress, chart } = section;
  const intensity = target?.kind === "intensity";
  const perUnit = intensity && target.metric ? METRIC_UNIT[target.metric] : null;
  const format = useMemo(
    () => (perUnit ? (value: number) => `${formatCo2e(value)} per ${perUnit}` : (value: number) => formatCo2e(value)),
    [perUnit],
  );
  const unitLabel = perUnit ? `kg CO₂e per ${perUnit}` : "t CO₂e";
  const narrow = useNarrow();
  const option = useMemo(
    () => (chart && chart.rows.length ? annualOption(chart, unitLabel, format, narrow) : null),
    [chart, unitLabel, format, narrow],
  );
  const interval = chart?.confidence ? `${Math.round(chart.confidence * 100)} % interval` : "Interval";

  const columns: Column<AnnualRow>[] = [
    { key: "year", header: "Year", cell: yearLabel },
    { key: "actual", header: "Actual", numeric: true, cell: (row) => (row.actual === null ? "–" : format(row.actual)) },
    {
      key: "path",
      header: "Target path",
      numeric: true,
      cell: (row) => (row.targetPath === null ? "–" : format(row.targetPath)),
    },
    {
      key: "forecast",
      header: "Forecast",
      numeric: true,
      cell: (row) => (row.forecast === null ? "–" : format(row.forecast)),
    },
    {
      key: "interval",
      header: interval,
      numeric: true,
      cell: (row) => (row.lower === null || row.upper === null ? "–" : `${format(row.lower)} to ${format(row.upper)}`),
    },
  ];

  const title = "Annual emissions, target path and forecast";
  const partial = chart?.rows.find((row) => row.partial);
  return (
    <section className="panel" aria-labelledby="overview-annual-title">
      <h2 id="overview-annual-title">{title}</h2>
      {section.targets.length > 1 && target && (
        <div className="toolbar">
          <div>
            <label htmlFor="overview-target">Target</label>
            <select id="overview-target" value={target.id} onChange={(event) => onTarget(event.target.value)}>
              {section.targets.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {section.isPending ? (
        <Loading what="annual emissions and targets" />
      ) : section.error ? (
        <ErrorState error={section.error} retry={section.refetch} />
      ) : (
        <>
          {target ? (
            <TargetFacts target={target} progressMissing={section.progressMissing} method={method}>
              {progress && (
                <dl className="facts target-facts">
                  <dt>Status</dt>
                  <dd>
                    <span className={`badge ${progress.on_track ? "good" : "bad"}`}>
                      {progress.on_track ? "On track" : "Off track"}
                    </span>{" "}
                    in {progress.latest_year}: {format(progress.latest_value)} against a path of{" "}
                    {format(progress.target_path_value)}
                  </dd>
                  <dt>Reduction so far</dt>
                  <dd>
                    {formatPercent(progress.reduction_achieved_pct / 100)} since {target.base_year} (target{" "}
                    {formatPercent(target.reduction_pct / 100)} by {target.target_year}: {format(progress.target_value)})
                  </dd>
                  {progress.required_annual_reduction.compound_pct_per_year !== null && (
                    <>
                      <dt>Needed from now</dt>
                      <dd>
                        {formatPercent(progress.required_annual_reduction.compound_pct_per_year / 100)} a year
                        (compound) until {target.target_year}
                      </dd>
                    </>
                  )}
                </dl>
              )}
            </TargetFacts>
          ) : (
            <p className="notice">
              No reduction target has been set yet.{" "}
              {can("analytics:write") ? (
                <Link to="/targets">Set a target</Link>
              ) : (
                <Link to="/targets">See targets</Link>
              )}{" "}
              to draw the path to it here; below are the actual totals and the forecast.
            </p>
          )}
          {section.forecastMissing && <p className="hint">{section.forecastMissing}</p>}
          {option && chart ? (
            <>
              <Chart
                option={option}
                label={`${title}: bars of actual annual totals, a line for the target path, a dashed line and band for the forecast and its interval; the table has the figures`}
              />
              <p className="hint">
                {partial
                  ? `${partial.year} runs to today (lighter bar); ${target ? "the target's progress and " : ""}the forecast count${target ? "" : "s"} it as a whole year. `
                  : ""}
                {chart.confidence
                  ? `The forecast is a linear trend on annual totals with its ${Math.round(chart.confidence * 100)} % prediction interval; the band is drawn from zero where its lower bound is negative.`
                  : ""}
              </p>
              <TableToggle>
                <DataTable caption={`${title}: the figures`} columns={columns} rows={chart.rows} rowKey={(row) => String(row.year)} />
              </TableToggle>
            </>
          ) : (
            !section.progressMissing && <p className="hint">No annual emissions yet.</p>
          )}
          {!intensity && target && target.scope2_method !== method && target.scopes.includes(2) && (
            <p className="hint">
              The bars and forecast count scope 2 {METHOD_LABEL[method]}, as the switch above says; the target path
              is this target's own ({METHOD_LABEL[target.scope2_method]}).
            </p>
          )}
        </>
      )}
    </section>
  );
}

function TargetFacts({
  target,
  progressMissing,
  method,
  children,
}: {
  target: Target;
  progressMissing: string | null;
  method: Scope2Method;
  children: ReactNode;
}) {
  const measure =
    target.kind === "intensity" && target.metric
      ? `kg CO₂e per ${METRIC_UNIT[target.metric]} (its own scope 2 ${METHOD_LABEL[target.scope2_method]} figures)`
      : `emissions of ${scopesText(target)}, scope 2 ${METHOD_LABEL[method]}`;
  return (
    <div className="target-summary">
      <p>
        <Link to={`/targets/${target.id}`}>{target.name}</Link>: {formatPercent(target.reduction_pct / 100)}{" "}
        {target.kind === "intensity" ? "lower intensity" : "less"} by {target.target_year} than in {target.base_year}.
        Shown: {measure}.
      </p>
      {progressMissing ? <p className="notice">{progressMissing}</p> : children}
    </div>
  );
}
