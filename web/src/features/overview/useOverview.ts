/**
 * The overview's server state: one independent query per figure, all started together by the
 * page (no query waits on another unless it needs its answer: a target's progress needs the
 * target's id, the forecast needs to know there are enough years, meter names are only
 * fetched when there are anomalies to name).
 */
import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { api, unwrap } from "../../api/client";
import {
  absoluteChart,
  annualTotals,
  forecastScopes,
  forecastToYear,
  intensityChart,
  MIN_FORECAST_YEARS,
  type AnnualChart,
} from "./annual";
import { changeKpi, coverageKpi, intensityChoice, intensityKpi, totalKpi } from "./kpis";
import { coverageGrid, facilityNames, openAnomalies, topCategories, topFacilities } from "./lists";
import { monthlyByScope } from "./monthly";
import type { Period } from "./period";
import type {
  CategoryRow,
  CoverageAnswer,
  EmissionsAnswer,
  FacilityRow,
  Scope2Method,
  ScopeMonthRow,
  ScopeYearRow,
  Target,
  TargetProgress,
} from "./types";

/** The first day the annual query reads from: before any organisation's data. */
const EVER = "1900-01-01";
export const TOP_LIMIT = 5;

/**
 * The year's emissions by scope and month: ONE call feeds the total KPI, the scope split and the
 * monthly bars, so they cannot disagree:
 * `GET /api/v1/analytics/emissions?from=<from>&to=<to>&group_by=scope,month&scope2_method=<method>`
 * (to = today in the current year, 31 December before). Two observers, one fetch.
 */
function yearQuery(period: Period, method: Scope2Method) {
  return {
    queryKey: ["overview", "year", period.from, period.to, method],
    queryFn: async () => {
      const answer = await unwrap(
        api.GET("/api/v1/analytics/emissions", {
          params: { query: { from: period.from, to: period.to, group_by: "scope,month", scope2_method: method } },
        }),
      );
      return answer as unknown as EmissionsAnswer<ScopeMonthRow>;
    },
  };
}

export function useTotal(period: Period, method: Scope2Method) {
  return useQuery({ ...yearQuery(period, method), select: totalKpi });
}

export function useMonthly(period: Period, method: Scope2Method) {
  const year = period.year;
  const select = useCallback((answer: EmissionsAnswer<ScopeMonthRow>) => monthlyByScope(answer, year), [year]);
  return useQuery({ ...yearQuery(period, method), select });
}

/** The same window a year earlier: `GET /emissions/change?compare=previous_year`. */
export function useChange(period: Period, method: Scope2Method) {
  return useQuery({
    queryKey: ["overview", "change", period.from, period.to, method],
    queryFn: async () =>
      changeKpi(
        await unwrap(
          api.GET("/api/v1/analytics/emissions/change", {
            params: { query: { from: period.from, to: period.to, compare: "previous_year", scope2_method: method } },
          }),
        ),
      ),
  });
}

export function useDenominators() {
  return useQuery({
    queryKey: ["overview", "denominators"],
    queryFn: () => unwrap(api.GET("/api/v1/analytics/denominators")),
  });
}

/** The intensity card: which metric (from the denominators), then that metric's intensity. */
export function useIntensity(year: number, method: Scope2Method) {
  const denominators = useDenominators();
  const choice = denominators.data ? intensityChoice(denominators.data, year) : null;
  const metric = choice?.kind === "metric" ? choice.metric : null;
  const intensity = useQuery({
    queryKey: ["overview", "intensity", metric, year, method],
    enabled: metric !== null,
    queryFn: async () =>
      intensityKpi(
        await unwrap(
          api.GET("/api/v1/analytics/emissions/intensity", {
            params: {
              query: { metric: metric ?? "employees", from_year: year - 1, to_year: year, scope2_method: method },
            },
          }),
        ),
        year,
      ),
  });
  return { denominators, choice, metric, intensity };
}

export function useCoverage(period: Period) {
  return useQuery({
    queryKey: ["overview", "coverage", period.from, period.to],
    queryFn: async () => {
      const answer = await unwrap(
        api.GET("/api/v1/analytics/coverage", { params: { query: { from: period.from, to: period.to } } }),
      );
      return answer as unknown as CoverageAnswer;
    },
  });
}

export function useFacilities() {
  return useQuery({
    queryKey: ["overview", "facilities"],
    queryFn: () => unwrap(api.GET("/api/v1/carbon/facilities")),
    staleTime: 5 * 60_000,
  });
}

/** Coverage: the KPI and the facility × month grid, from one answer. */
export function useCoverageFigures(period: Period) {
  const coverage = useCoverage(period);
  const facilities = useFacilities();
  const names = useMemo(() => facilityNames(facilities.data), [facilities.data]);
  const kpi = useMemo(() => (coverage.data ? coverageKpi(coverage.data) : null), [coverage.data]);
  const grid = useMemo(
    () => (coverage.data ? coverageGrid(coverage.data, names) : null),
    [coverage.data, names],
  );
  return { coverage, kpi, grid };
}

/** Every year's totals by scope: the annual bars, the years to pick from, whether a forecast is possible. */
export function useAnnual(currentYear: number, method: Scope2Method) {
  return useQuery({
    queryKey: ["overview", "annual", currentYear, method],
    queryFn: async () => {
      const answer = await unwrap(
        api.GET("/api/v1/analytics/emissions", {
          params: {
            query: { from: EVER, to: `${currentYear}-12-31`, group_by: "scope,year", scope2_method: method },
          },
        }),
      );
      return answer as unknown as EmissionsAnswer<ScopeYearRow>;
    },
  });
}

export function useTargets() {
  return useQuery({
    queryKey: ["overview", "targets"],
    queryFn: () => unwrap(api.GET("/api/v1/analytics/targets")),
  });
}

/** Whether the target's base year has what its progress needs (else the API answers 422). */
function progressPossible(
  target: Target,
  annual: EmissionsAnswer<ScopeYearRow>,
  denominatorYears: Set<string> | null,
): boolean {
  if (!annualTotals(annual, target.scopes).has(target.base_year)) return false;
  if (target.kind === "intensity") return denominatorYears?.has(`${target.metric}:${target.base_year}`) ?? false;
  return true;
}

export interface TargetSection {
  targets: Target[];
  target: Target | null;
  progress: TargetProgress | null;
  /** Why there is no progress for the chosen target (no base-year data), if so. */
  progressMissing: string | null;
  chart: AnnualChart | null;
  forecastMissing: string | null;
  isPending: boolean;
  error: unknown;
  refetch: () => void;
}

/** Annual totals, the chosen target's path and the forecast with its interval. */
export function useTargetSection(
  targetId: string | null,
  currentYear: number,
  method: Scope2Method,
  annual: ReturnType<typeof useAnnual>,
): TargetSection {
  const targets = useTargets();
  const denominators = useDenominators();
  const list = useMemo(() => targets.data ?? [], [targets.data]);
  const target = list.find((candidate) => candidate.id === targetId) ?? list[0] ?? null;
  const denominatorYears = useMemo(
    () => (denominators.data ? new Set(denominators.data.map((row) => `${row.metric}:${row.year}`)) : null),
    [denominators.data],
  );

  const canProgress =
    target !== null &&
    annual.data !== undefined &&
    (target.kind === "absolute" || denominatorYears !== null) &&
    progressPossible(target, annual.data, denominatorYears);
  const progress = useQuery({
    queryKey: ["overview", "progress", target?.id],
    enabled: canProgress,
    queryFn: async () => {
      const answer = await unwrap(
        api.GET("/api/v1/analytics/targets/{target_id}/progress", {
          params: { path: { target_id: target?.id ?? "" } },
        }),
      );
      return answer as unknown as TargetProgress;
    },
  });

  const scopes = forecastScopes(target);
  const yearsForForecast = annual.data ? annualTotals(annual.data, scopes).size : 0;
  const wantsForecast = target?.kind !== "intensity";
  const toYear = forecastToYear(target, currentYear);
  const forecast = useQuery({
    queryKey: ["overview", "forecast", toYear, scopes, method],
    enabled: targets.isSuccess && wantsForecast && yearsForForecast >= MIN_FORECAST_YEARS,
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/analytics/emissions/forecast", {
          params: { query: { to_year: toYear, scope2_method: method, ...(scopes ? { scope: scopes } : {}) } },
        }),
      ),
  });

  const progressData = canProgress ? (progress.data ?? null) : null;
  const chart = useMemo(() => {
    if (!annual.data || !targets.data) return null;
    if (target?.kind === "intensity") return progressData ? intensityChart(target, progressData, currentYear) : null;
    return absoluteChart(annualTotals(annual.data, scopes), forecast.data ?? null, currentYear, target, progressData);
    // `scopes` is derived from `target`, which is listed.
  }, [annual.data, targets.data, target, progressData, forecast.data, currentYear]);

  const progressMissing =
    target && annual.data && !canProgress && (target.kind === "absolute" || denominatorYears !== null)
      ? target.kind === "intensity"
        ? `This target needs emissions and a ${target.metric} denominator for its base year ${target.base_year}.`
        : `There are no emissions for this target's base year ${target.base_year} yet.`
      : null;
  const forecastMissing =
    wantsForecast && annual.data && yearsForForecast < MIN_FORECAST_YEARS
      ? `A forecast needs at least ${MIN_FORECAST_YEARS} years with data; there ${yearsForForecast === 1 ? "is" : "are"} ${yearsForForecast}.`
      : null;

  const pending =
    targets.isPending ||
    annual.isPending ||
    (canProgress && progress.isPending) ||
    (forecast.isPending && forecast.fetchStatus !== "idle");
  const error = targets.error ?? annual.error ?? (canProgress ? progress.error : null) ?? forecast.error;
  return {
    targets: list,
    target,
    progress: progressData,
    progressMissing,
    chart,
    forecastMissing,
    isPending: pending,
    error,
    refetch: () => {
      void targets.refetch();
      if (canProgress) void progress.refetch();
      if (forecast.isError) void forecast.refetch();
    },
  };
}

export function useTop(period: Period, method: Scope2Method) {
  const facilities = useFacilities();
  const names = useMemo(() => facilityNames(facilities.data), [facilities.data]);
  const byFacility = useQuery({
    queryKey: ["overview", "top", "facility", period.from, period.to, method],
    queryFn: async () => {
      const answer = await unwrap(
        api.GET("/api/v1/analytics/emissions/top", {
          params: {
            query: { from: period.from, to: period.to, by: "facility", limit: TOP_LIMIT, scope2_method: method },
          },
        }),
      );
      return answer as unknown as EmissionsAnswer<FacilityRow>;
    },
  });
  // Categories are scope 3's: the scope 2 method does not change them.
  const byCategory = useQuery({
    queryKey: ["overview", "top", "category", period.from, period.to],
    queryFn: async () => {
      const answer = await unwrap(
        api.GET("/api/v1/analytics/emissions/top", {
          params: { query: { from: period.from, to: period.to, by: "category", limit: TOP_LIMIT, scope: [3] } },
        }),
      );
      return answer as unknown as EmissionsAnswer<CategoryRow>;
    },
  });
  const facilityRows = useMemo(
    () => (byFacility.data ? topFacilities(byFacility.data, names) : null),
    [byFacility.data, names],
  );
  const categoryRows = useMemo(() => (byCategory.data ? topCategories(byCategory.data) : null), [byCategory.data]);
  return { byFacility, byCategory, facilityRows, categoryRows };
}

export function useAnomalies() {
  const anomalies = useQuery({
    queryKey: ["overview", "anomalies", "open"],
    queryFn: () => unwrap(api.GET("/api/v1/analytics/anomalies", { params: { query: { acknowledged: false } } })),
  });
  const meters = useQuery({
    queryKey: ["overview", "meters"],
    enabled: (anomalies.data?.length ?? 0) > 0,
    queryFn: () => unwrap(api.GET("/api/v1/carbon/meters")),
    staleTime: 5 * 60_000,
  });
  const rows = useMemo(
    () => (anomalies.data ? openAnomalies(anomalies.data, meters.data) : null),
    [anomalies.data, meters.data],
  );
  return { anomalies, rows };
}
