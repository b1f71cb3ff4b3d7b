/** The factor library from Carbon: searches with facets, one factor, and the activity catalogue. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { apiQuery, type FactorSearch } from "./factors";

/** A page of results; the previous page stays on screen while the next one loads. */
export function useFactorSearch(search: FactorSearch) {
  const query = apiQuery(search);
  return useQuery({
    queryKey: ["factors", "search", query],
    queryFn: () => unwrap(api.GET("/api/v1/carbon/factors", { params: { query } })),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** One factor, public or the organisation's own (another organisation's is a 404). */
export function useFactor(factorId: string) {
  return useQuery({
    queryKey: ["factors", "factor", factorId],
    queryFn: () =>
      unwrap(api.GET("/api/v1/carbon/factors/{factor_id}", { params: { path: { factor_id: factorId } } })),
    staleTime: 5 * 60_000,
  });
}

/** Carbon's activities: their descriptions and scopes, for labels. */
export function useFactorCatalogue() {
  return useQuery({
    queryKey: ["factors", "catalogue"],
    queryFn: () => unwrap(api.GET("/api/v1/carbon/activities")),
    staleTime: Infinity,
  });
}
