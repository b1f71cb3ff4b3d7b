/** Facilities, meters, and what the forms to add them offer: fetched from Carbon. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { groupMeters, regionChoices } from "./facilities";
import type { FacilityDraft, MeterDraft } from "./types";

export const facilitiesKey = ["meters", "facilities"] as const;
export const metersKey = ["meters", "list"] as const;

export function useFacilitiesWithMeters() {
  const facilities = useQuery({
    queryKey: facilitiesKey,
    queryFn: () => unwrap(api.GET("/api/v1/carbon/facilities")),
  });
  const meters = useQuery({
    queryKey: metersKey,
    queryFn: () => unwrap(api.GET("/api/v1/carbon/meters")),
  });
  const groups = facilities.data && meters.data ? groupMeters(facilities.data, meters.data) : undefined;
  return {
    groups,
    isPending: facilities.isPending || meters.isPending,
    error: facilities.error ?? meters.error,
    refetch: () => {
      void facilities.refetch();
      void meters.refetch();
    },
  };
}

/** The regions Carbon accepts for a facility or meter: the factor library's region facet. */
export function useRegionChoices(enabled = true) {
  return useQuery({
    queryKey: ["meters", "regions"],
    queryFn: () => unwrap(api.GET("/api/v1/carbon/factors", { params: { query: { limit: 1 } } })),
    select: (page) => regionChoices(page.facets.region ?? []),
    staleTime: Infinity,
    enabled,
  });
}

/** Carbon's activity catalogue: what a meter's readings roll up into, and its units. */
export function useCatalogue() {
  return useQuery({
    queryKey: ["meters", "catalogue"],
    queryFn: () => unwrap(api.GET("/api/v1/carbon/activities")),
    staleTime: Infinity,
  });
}

export function useAddFacility() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (draft: FacilityDraft) => unwrap(api.POST("/api/v1/carbon/facilities", { body: draft })),
    onSuccess: () => queries.invalidateQueries({ queryKey: facilitiesKey }),
  });
}

export function useAddMeter() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (draft: MeterDraft) => unwrap(api.POST("/api/v1/carbon/meters", { body: draft })),
    onSuccess: () => queries.invalidateQueries({ queryKey: metersKey }),
  });
}
