import { useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { useSession } from "../../auth/SessionProvider";
import { PageHeader } from "../../components/PageHeader";
import { Loading } from "../../components/States";
import { isoDay } from "../../lib/format";
import { yearsWithData } from "./annual";
import { AnnualPanel } from "./AnnualPanel";
import { AnomaliesPanel } from "./AnomaliesPanel";
import { CoveragePanel } from "./CoveragePanel";
import { KpiCards } from "./KpiCards";
import { MonthlyPanel } from "./MonthlyPanel";
import { NoDataYet } from "./NoDataYet";
import "./overview.css";
import { METHOD_LABEL, parseMethod, parseYear, periodOf, yearOptions } from "./period";
import { TopPanels } from "./TopPanels";
import type { Scope2Method } from "./types";
import {
  useAnnual,
  useAnomalies,
  useChange,
  useCoverageFigures,
  useIntensity,
  useMonthly,
  useTargetSection,
  useTop,
  useTotal,
} from "./useOverview";

const METHODS: Scope2Method[] = ["location", "market"];

/**
 * The overview: this year's figures at a glance. Every query starts at once; each panel draws
 * as soon as its own answer is in. Year (?year=), scope 2 method (?method=) and the target
 * shown (?target=) live in the address, so a view can be shared.
 */
export function OverviewPage() {
  const [params, setParams] = useSearchParams();
  const today = isoDay();
  const currentYear = Number(today.slice(0, 4));
  const year = parseYear(params.get("year"), currentYear);
  const method = parseMethod(params.get("method"));
  const period = useMemo(() => periodOf(year, today), [year, today]);

  const choose = (name: string, value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === null) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );

  // In this order: the browser opens six connections at a time, and the annual chart's
  // second step (progress, forecast) waits on the first two.
  const annual = useAnnual(currentYear, method);
  const targets = useTargetSection(params.get("target"), currentYear, method, annual);
  const total = useTotal(period, method);
  const monthly = useMonthly(period, method);
  const change = useChange(period, method);
  const intensity = useIntensity(year, method);
  const coverage = useCoverageFigures(period);
  const top = useTop(period, method);
  const anomalies = useAnomalies();

  // Years with data, and whether there is any, do not change with the scope 2 method: keep the
  // last answer's while another method's loads, so the page does not blank out on a switch.
  const organization = useSession().session?.organizationId ?? null;
  const [known, setKnown] = useState<{ organization: string | null; years: number[] } | null>(null);
  const answered = useMemo(() => (annual.data ? yearsWithData(annual.data) : null), [annual.data]);
  if (answered && (known?.organization !== organization || answered.join() !== known.years.join())) {
    setKnown({ organization, years: answered });
  }
  const withData = answered ?? (known?.organization === organization ? known.years : null);
  const years = useMemo(() => yearOptions(withData ?? [], currentYear), [withData, currentYear]);
  const noDataEver = withData !== null && withData.length === 0;
  const firstLoad = withData === null && annual.isPending;

  return (
    <>
      <PageHeader title="Overview">
        {!noDataEver && (
          <>
            <div className="overview-control">
              <label htmlFor="overview-year">Reporting year</label>
              <select
                id="overview-year"
                value={year}
                onChange={(event) => {
                  const chosen = Number(event.target.value);
                  choose("year", chosen === currentYear ? null : String(chosen));
                }}
              >
                {(years.includes(year) ? years : [year, ...years]).map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            </div>
            <div className="overview-control" role="group" aria-labelledby="overview-method-label">
              <span id="overview-method-label" className="control-label">
                Scope 2
              </span>
              <div className="segmented">
                {METHODS.map((option) => (
                  <button
                    key={option}
                    type="button"
                    aria-pressed={method === option}
                    onClick={() => choose("method", option === "location" ? null : option)}
                  >
                    {METHOD_LABEL[option][0]?.toUpperCase()}
                    {METHOD_LABEL[option].slice(1)}
                  </button>
                ))}
              </div>
            </div>
          </>
        )}
      </PageHeader>

      {firstLoad ? (
        // Every query is already on its way; this waits only to know whether there is any data.
        <Loading what="your emissions" />
      ) : noDataEver ? (
        <section className="panel" aria-labelledby="overview-empty-title">
          <h2 id="overview-empty-title">Getting started</h2>
          <NoDataYet year={year} />
        </section>
      ) : (
        <>
          <KpiCards
            period={period}
            method={method}
            total={total}
            change={change}
            intensity={{
              choice: intensity.choice,
              metric: intensity.metric,
              query: intensity.intensity,
              denominatorsError: intensity.denominators.error,
            }}
            coverage={{ kpi: coverage.kpi, error: coverage.coverage.error, isPending: coverage.coverage.isPending }}
          />
          <MonthlyPanel monthly={monthly} method={method} period={period} />
          <AnnualPanel section={targets} method={method} onTarget={(id) => choose("target", id)} />
          <TopPanels
            period={period}
            byFacility={top.byFacility}
            byCategory={top.byCategory}
            facilityRows={top.facilityRows}
            categoryRows={top.categoryRows}
          />
        </>
      )}
      {!firstLoad && (!noDataEver || (anomalies.rows?.length ?? 0) > 0) && (
        <AnomaliesPanel query={anomalies.anomalies} rows={anomalies.rows} />
      )}
      {!firstLoad && !noDataEver && (
        <CoveragePanel
          period={period}
          grid={coverage.grid}
          months={coverage.coverage.data?.months ?? []}
          error={coverage.coverage.error}
          isPending={coverage.coverage.isPending}
          retry={() => void coverage.coverage.refetch()}
        />
      )}
    </>
  );
}
