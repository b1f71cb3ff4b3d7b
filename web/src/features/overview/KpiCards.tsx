import type { UseQueryResult } from "@tanstack/react-query";
import { Link } from "react-router";
import { useSession } from "../../auth/SessionProvider";
import { ErrorState } from "../../components/States";
import { formatChange, formatCo2e, formatPercent, formatQuantity } from "../../lib/format";
import { scopeLabel } from "./charts";
import { METRIC_LABEL, METRIC_UNIT, type ChangeKpi, type CoverageKpi, type IntensityChoice, type IntensityKpi, type TotalKpi } from "./kpis";
import { formatRange, METHOD_LABEL, type Period } from "./period";
import type { Metric, Scope2Method } from "./types";

interface KpiCardsProps {
  period: Period;
  method: Scope2Method;
  total: UseQueryResult<TotalKpi>;
  change: UseQueryResult<ChangeKpi>;
  intensity: {
    choice: IntensityChoice | null;
    metric: Metric | null;
    query: UseQueryResult<IntensityKpi>;
    denominatorsError: unknown;
  };
  coverage: { kpi: CoverageKpi | null; error: unknown; isPending: boolean };
}

function Pending() {
  return (
    <p className="kpi-value kpi-pending" aria-live="polite">
      …<span className="visually-hidden">Loading</span>
    </p>
  );
}

function Failed({ error, retry }: { error: unknown; retry?: () => void }) {
  return <ErrorState error={error} retry={retry} />;
}

export function KpiCards({ period, method, total, change, intensity, coverage }: KpiCardsProps) {
  const range = formatRange(period.from, period.to);
  const heading = period.toDate ? `Year to date: ${range}` : `${period.year}: ${range}`;
  return (
    <section
      aria-labelledby="overview-kpis-title"
      className="overview-kpis"
      data-from={period.from}
      data-to={period.to}
      data-scope2-method={method}
    >
      <h2 id="overview-kpis-title">{heading}</h2>
      <div className="kpis">
        <section className="kpi" aria-labelledby="kpi-total-label">
          <h3 className="kpi-label" id="kpi-total-label">
            {period.toDate ? "Emissions this year to date" : `Emissions in ${period.year}`}
          </h3>
          {total.isPending ? (
            <Pending />
          ) : total.isError ? (
            <Failed error={total.error} retry={() => void total.refetch()} />
          ) : (
            <p className="kpi-value" data-co2e-kg={total.data.totalKg}>
              {formatCo2e(total.data.totalKg)}
            </p>
          )}
          <p className="kpi-note">
            <time dateTime={period.from}>{range}</time>, scope 2 {METHOD_LABEL[method]}
          </p>
        </section>

        <section className="kpi" aria-labelledby="kpi-change-label">
          <h3 className="kpi-label" id="kpi-change-label">
            Change on the same period last year
          </h3>
          {change.isPending ? (
            <Pending />
          ) : change.isError ? (
            <Failed error={change.error} retry={() => void change.refetch()} />
          ) : change.data.fraction === null ? (
            <>
              <p className="kpi-value">–</p>
              <p className="kpi-note">
                No emissions in {formatRange(change.data.previousFrom, change.data.previousTo)} to compare with.
              </p>
            </>
          ) : (
            <>
              <p className={`kpi-value ${change.data.fraction <= 0 ? "trend-down" : "trend-up"}`}>
                {formatChange(change.data.fraction)}
                <span className="trend-word"> {change.data.fraction <= 0 ? "lower" : "higher"}</span>
              </p>
              <p className="kpi-note">
                {formatCo2e(Math.abs(change.data.changeKg))} {change.data.changeKg <= 0 ? "less" : "more"} than{" "}
                {formatCo2e(change.data.previousKg)} in {formatRange(change.data.previousFrom, change.data.previousTo)}
              </p>
            </>
          )}
        </section>

        <section className="kpi kpi-wide" aria-labelledby="kpi-scopes-label">
          <h3 className="kpi-label" id="kpi-scopes-label">
            Split into scopes 1, 2 and 3
          </h3>
          {total.isPending ? (
            <Pending />
          ) : total.isError ? (
            <Failed error={total.error} />
          ) : (
            <ScopeSplit kpi={total.data} method={method} />
          )}
        </section>

        <section className="kpi" aria-labelledby="kpi-intensity-label">
          <h3 className="kpi-label" id="kpi-intensity-label">
            Intensity{intensity.metric ? ` ${METRIC_LABEL[intensity.metric]}` : ""}
          </h3>
          <IntensityFigure period={period} {...intensity} />
        </section>

        <section className="kpi" aria-labelledby="kpi-coverage-label">
          <h3 className="kpi-label" id="kpi-coverage-label">
            Data coverage
          </h3>
          {coverage.isPending ? (
            <Pending />
          ) : coverage.error || !coverage.kpi ? (
            <Failed error={coverage.error} />
          ) : (
            <>
              <p className="kpi-value">{formatPercent(coverage.kpi.fraction)}</p>
              <p className="kpi-note">
                {coverage.kpi.cells
                  ? `${coverage.kpi.withData} of ${coverage.kpi.cells} facility-months have data`
                  : "No facility has data yet"}{" "}
                (<a href="#overview-coverage-title">see the grid</a>)
              </p>
            </>
          )}
        </section>
      </div>
    </section>
  );
}

function ScopeSplit({ kpi, method }: { kpi: TotalKpi; method: Scope2Method }) {
  return (
    <>
      <div className="scope-bar" aria-hidden="true">
        {kpi.scopes.map((row) =>
          row.share ? (
            <span key={row.scope} className={`scope-bar-${row.scope}`} style={{ width: `${row.share * 100}%` }} />
          ) : null,
        )}
      </div>
      <dl className="scope-split">
        {kpi.scopes.map((row) => (
          <div key={row.scope}>
            <dt>
              <span className={`scope-key scope-bar-${row.scope}`} aria-hidden="true" />
              {scopeLabel(row.scope, method)}
            </dt>
            <dd data-co2e-kg={row.co2eKg}>
              {formatCo2e(row.co2eKg)} <span className="share">({formatPercent(row.share)})</span>
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function IntensityFigure({
  period,
  choice,
  metric,
  query,
  denominatorsError,
}: { period: Period } & KpiCardsProps["intensity"]) {
  const { can } = useSession();
  if (denominatorsError) return <Failed error={denominatorsError} />;
  if (!choice) return <Pending />;
  if (choice.kind !== "metric" || !metric) {
    return (
      <>
        <p className="kpi-value">–</p>
        <p className="kpi-note">
          {choice.kind === "none-for-year"
            ? `No denominator for ${period.year} (there are for ${choice.years.join(", ")}). `
            : "Emissions per employee, per m² or per unit of revenue need a denominator for the year. "}
          {can("analytics:write") ? (
            <Link to="/settings/denominators">Add a denominator</Link>
          ) : (
            "An editor can add one."
          )}
        </p>
      </>
    );
  }
  if (query.isPending) return <Pending />;
  if (query.isError) return <Failed error={query.error} retry={() => void query.refetch()} />;
  const kpi = query.data;
  const unit = METRIC_UNIT[metric];
  return (
    <>
      <p className="kpi-value" data-intensity={kpi.intensity ?? undefined}>
        {kpi.intensity === null ? (
          "–"
        ) : (
          <>
            {formatCo2e(kpi.intensity)} <span className="kpi-unit">per {unit}</span>
          </>
        )}
      </p>
      <p className="kpi-note">
        {period.toDate ? `${period.year} so far` : period.year}: {formatCo2e(kpi.co2eKg)} ÷ {formatQuantity(kpi.denominator, unit)}
        {kpi.previous && kpi.change !== null
          ? `; ${formatChange(kpi.change)} on ${kpi.previous.year} (${formatCo2e(kpi.previous.intensity)} per ${unit})`
          : ""}
      </p>
    </>
  );
}
