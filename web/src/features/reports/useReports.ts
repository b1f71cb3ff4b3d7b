/** The reports page's server state: years with data, the inventory, facility names. */
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { api, unwrap } from "../../api/client";
import { useSession } from "../../auth/SessionProvider";
import type { FacilityNames } from "./inventory";
import type { InventoryReport, YearsAnswer } from "./types";

/** Which years hold data: one grouped question over every year the API takes up to a few ahead. */
export function useYearsWithData() {
  const { can } = useSession();
  const to = `${new Date().getFullYear() + 5}-12-31`;
  return useQuery({
    queryKey: ["reports", "years", to],
    enabled: can("reports:read"),
    queryFn: async () =>
      (await unwrap(
        api.GET("/api/v1/analytics/emissions", { params: { query: { from: "1900-01-01", to, group_by: "year" } } }),
      )) as YearsAnswer,
  });
}

export function useInventory(year: number | null, baseYear: number | null) {
  const { can } = useSession();
  return useQuery({
    queryKey: ["reports", "inventory", year, baseYear],
    enabled: year !== null && can("reports:read"),
    queryFn: async () =>
      (await unwrap(
        api.GET("/api/v1/analytics/reports/inventory", {
          params: { query: { year: year ?? 0, format: "json", ...(baseYear !== null ? { base_year: baseYear } : {}) } },
        }),
      )) as InventoryReport,
  });
}

export function useFacilityNames(): FacilityNames {
  const { can } = useSession();
  const facilities = useQuery({
    queryKey: ["reports", "facilities"],
    enabled: can("activities:read"),
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.GET("/api/v1/carbon/facilities")),
  });
  return useMemo(
    () => new Map((facilities.data ?? []).map((facility) => [facility.id, facility.name])),
    [facilities.data],
  );
}
