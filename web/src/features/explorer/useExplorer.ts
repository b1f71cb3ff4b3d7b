/** The explorer's state (in the URL) and its server state (TanStack Query). */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { api, unwrap } from "../../api/client";
import { useSession } from "../../auth/SessionProvider";
import { matches, type Drill } from "./drilldown";
import type { FacilityNames } from "./labels";
import { emissionsQuery, nextState, rangeProblem, readState, writeState } from "./params";
import { chartData, chartOption, dimensionsOf, tableRows } from "./series";
import type { ActivityRecord, EmissionsAnswer, ExplorerState } from "./types";

export type Update = (change: Partial<ExplorerState>, options?: { replace?: boolean }) => void;

export function useExplorerState(): [ExplorerState, Update] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readState(params), [params]);
  const update = useCallback<Update>(
    (change, options) => setParams(writeState(nextState(state, change)), { replace: options?.replace ?? false }),
    [setParams, state],
  );
  return [state, update];
}

export function useEmissions(state: ExplorerState) {
  const query = emissionsQuery(state);
  return useQuery({
    queryKey: ["explorer", "emissions", query],
    queryFn: async () =>
      (await unwrap(api.GET("/api/v1/analytics/emissions", { params: { query } }))) as EmissionsAnswer,
    enabled: rangeProblem(state.from, state.to) === null,
    placeholderData: keepPreviousData,
  });
}

export function useFacilities() {
  const { can } = useSession();
  return useQuery({
    queryKey: ["explorer", "facilities"],
    queryFn: () => unwrap(api.GET("/api/v1/carbon/facilities")),
    enabled: can("activities:read"),
    staleTime: 5 * 60_000,
  });
}

export const DRILL_PAGE_SIZE = 25;
/** Carbon's largest page, and how many records the explorer reads to check them itself. */
const CARBON_PAGE = 200;
export const LOCAL_LIMIT = 1000;

export interface DrillPage {
  records: ActivityRecord[];
  /** How many activities match in all (every page). */
  total: number;
  /** More matched than the explorer reads to check locally: narrow the view. */
  tooMany: boolean;
}

async function readRecords(drill: Drill, limit: number, offset: number) {
  return unwrap(
    api.GET("/api/v1/carbon/activities/records", { params: { query: { ...drill.query, limit, offset } } }),
  );
}

/** One page of the activities behind a group: Carbon's page, or one cut from every match checked here. */
export function useDrillRecords(drill: Drill | null, page: number) {
  const { can } = useSession();
  const local = drill?.local ?? null;
  return useQuery<DrillPage>({
    queryKey: ["explorer", "records", drill?.query, local, local ? 0 : page],
    enabled: drill !== null && drill.possible && drill.unsupported.length === 0 && can("activities:read"),
    placeholderData: keepPreviousData,
    queryFn: async () => {
      if (!drill) return { records: [], total: 0, tooMany: false };
      if (!local) {
        const answer = await readRecords(drill, DRILL_PAGE_SIZE, (page - 1) * DRILL_PAGE_SIZE);
        return { records: answer.items, total: answer.total, tooMany: false };
      }
      const records: ActivityRecord[] = [];
      let offset = 0;
      for (;;) {
        const answer = await readRecords(drill, CARBON_PAGE, offset);
        if (answer.total > LOCAL_LIMIT) return { records: [], total: answer.total, tooMany: true };
        records.push(...answer.items.filter((record) => matches(record, local)));
        offset += answer.items.length;
        if (answer.items.length === 0 || offset >= answer.total) break;
      }
      return { records, total: records.length, tooMany: false };
    },
    select: (answer) =>
      local && !answer.tooMany
        ? { ...answer, records: answer.records.slice((page - 1) * DRILL_PAGE_SIZE, page * DRILL_PAGE_SIZE) }
        : answer,
  });
}

/** What the chart and table draw, from the answer (memoised: the chart redraws on a new option only). */
export function useFigures(answer: EmissionsAnswer | undefined, names: FacilityNames, state: ExplorerState) {
  return useMemo(() => {
    if (!answer) return null;
    const dimensions = dimensionsOf(answer);
    const rows = tableRows(answer, names, state.method);
    const data = chartData(answer, names, state.method);
    return { dimensions, rows, data, option: data ? chartOption(data, state.chart) : null };
  }, [answer, names, state.method, state.chart]);
}
