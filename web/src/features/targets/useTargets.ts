/** Targets' server state: the list, one target, its progress and forecast, and the writes. */
import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { useSession } from "../../auth/SessionProvider";
import { MIN_FORECAST_YEARS, readiness, type Readiness } from "./targets";
import type { Denominator, Forecast, Scope2Method, Target, TargetIn, TargetProgress, YearScopeRow } from "./types";

// Annual totals from this year on are enough to see which base years have data.
const FIRST_YEAR = 1990;

function useOrganization(): string {
  return useSession().session?.organizationId ?? "";
}

export function useTargetList() {
  const organization = useOrganization();
  return useQuery({
    queryKey: ["targets", organization, "list"],
    queryFn: () => unwrap(api.GET("/api/v1/analytics/targets")),
  });
}

export function useTarget(targetId: string) {
  const organization = useOrganization();
  return useQuery({
    queryKey: ["targets", organization, "target", targetId],
    queryFn: () => unwrap(api.GET("/api/v1/analytics/targets/{target_id}", { params: { path: { target_id: targetId } } })),
  });
}

/** Annual emissions by scope, for one scope 2 method: which years have data. */
export function useYearTotals(method: Scope2Method, enabled = true) {
  const organization = useOrganization();
  const thisYear = new Date().getFullYear();
  return useQuery({
    queryKey: ["targets", organization, "years", method],
    queryFn: async () => {
      const answer = await unwrap(
        api.GET("/api/v1/analytics/emissions", {
          params: {
            query: { from: `${FIRST_YEAR}-01-01`, to: `${thisYear}-12-31`, group_by: "year,scope", scope2_method: method },
          },
        }),
      );
      return answer.rows as unknown as YearScopeRow[];
    },
    enabled,
  });
}

export function useDenominators(enabled = true) {
  const organization = useOrganization();
  return useQuery({
    queryKey: ["targets", organization, "denominators"],
    queryFn: async (): Promise<Denominator[]> => unwrap(api.GET("/api/v1/analytics/denominators")),
    enabled,
  });
}

/**
 * Whether each target's progress can be asked (its base year has data), from at most
 * three reads whatever the number of targets: annual totals per scope 2 method in use,
 * and the denominators when an intensity target exists.
 */
export function useReadiness(targets: readonly Target[] | undefined) {
  const list = targets ?? [];
  const location = useYearTotals("location", list.some((t) => t.scope2_method === "location"));
  const market = useYearTotals("market", list.some((t) => t.scope2_method === "market"));
  const needsDenominators = list.some((t) => t.kind === "intensity");
  const denominators = useDenominators(needsDenominators);
  const pending =
    (location.isPending && location.fetchStatus !== "idle") ||
    (market.isPending && market.fetchStatus !== "idle") ||
    (needsDenominators && denominators.isPending);
  const error = location.error ?? market.error ?? (needsDenominators ? denominators.error : null);
  const byTarget = new Map<string, Readiness>();
  if (!pending && !error) {
    for (const target of list) {
      const rows = (target.scope2_method === "market" ? market.data : location.data) ?? [];
      byTarget.set(target.id, readiness(target, rows, denominators.data ?? []));
    }
  }
  return { pending, error, byTarget, refetch: () => void Promise.all([location.refetch(), market.refetch()]) };
}

function progressQuery(organization: string, targetId: string, enabled: boolean) {
  return {
    queryKey: ["targets", organization, "progress", targetId],
    queryFn: async () =>
      (await unwrap(
        api.GET("/api/v1/analytics/targets/{target_id}/progress", { params: { path: { target_id: targetId } } }),
      )) as unknown as TargetProgress,
    enabled,
  };
}

export function useProgress(targetId: string, enabled: boolean) {
  return useQuery(progressQuery(useOrganization(), targetId, enabled));
}

/** Progress of every target whose base year has data, for the list's verdicts. */
export function useProgresses(targets: readonly Target[], ready: Map<string, Readiness>) {
  const organization = useOrganization();
  const answers = useQueries({
    queries: targets.map((target) => progressQuery(organization, target.id, ready.get(target.id)?.ready === true)),
  });
  return new Map(targets.map((target, index) => [target.id, answers[index]]));
}

/** The trend of the target's scopes to its target year (absolute targets with ≥ 3 years). */
export function useForecast(target: Target | undefined, yearsWithData: number) {
  const organization = useOrganization();
  const enabled = target !== undefined && target.kind === "absolute" && yearsWithData >= MIN_FORECAST_YEARS;
  return useQuery({
    queryKey: ["targets", organization, "forecast", target?.target_year, target?.scopes, target?.scope2_method],
    queryFn: async (): Promise<Forecast> =>
      unwrap(
        api.GET("/api/v1/analytics/emissions/forecast", {
          params: {
            query: {
              to_year: target?.target_year ?? 0,
              scope: target?.scopes ?? [],
              scope2_method: target?.scope2_method ?? "location",
            },
          },
        }),
      ),
    enabled,
  });
}

export function useCreateTarget() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: TargetIn) => unwrap(api.POST("/api/v1/analytics/targets", { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["targets"] }),
  });
}

export function useDeleteTarget() {
  const queries = useQueryClient();
  const organization = useOrganization();
  return useMutation({
    mutationFn: (targetId: string) =>
      unwrap(api.DELETE("/api/v1/analytics/targets/{target_id}", { params: { path: { target_id: targetId } } })),
    onSuccess: (_answer, targetId) => {
      // The deleted target's own answers would only 404 now: drop them rather than refetch.
      queries.removeQueries({ queryKey: ["targets", organization, "target", targetId] });
      queries.removeQueries({ queryKey: ["targets", organization, "progress", targetId] });
      return queries.invalidateQueries({ queryKey: ["targets", organization, "list"] });
    },
  });
}
