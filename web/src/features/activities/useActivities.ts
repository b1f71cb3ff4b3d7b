/** Fetching for the activities pages: the catalogue, the ledger, estimates of new entries and imports. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api, download, unwrap } from "../../api/client";
import { ProblemError } from "../../api/problem";
import { useSession } from "../../auth/SessionProvider";
import { fileContentType, outcomeOfProblem, outcomeOfReport, type ImportOutcome } from "./importReport";
import { recordsQuery, type RecordFilters } from "./records";
import type { ActivityCreate, EstimateRequest, ImportMode } from "./types";

const CARBON = "/api/v1/carbon";

/** Activities, options, accepted values and units: shipped data, so fetched once. */
export function useCatalogue() {
  return useQuery({
    queryKey: ["activities", "catalogue"],
    queryFn: () => unwrap(api.GET("/api/v1/carbon/activities")),
    staleTime: Infinity,
  });
}

export function useFacilities() {
  const { session } = useSession();
  return useQuery({
    queryKey: ["activities", "facilities", session?.organizationId],
    queryFn: () => unwrap(api.GET("/api/v1/carbon/facilities")),
  });
}

export function usePeriods() {
  const { session } = useSession();
  return useQuery({
    queryKey: ["activities", "periods", session?.organizationId],
    queryFn: () => unwrap(api.GET("/api/v1/carbon/periods")),
  });
}

export function useRecords(filters: RecordFilters) {
  const { session } = useSession();
  const query = recordsQuery(filters);
  return useQuery({
    queryKey: ["activities", "records", session?.organizationId, query],
    queryFn: () => unwrap(api.GET("/api/v1/carbon/activities/records", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useTotals(filters: RecordFilters) {
  const { session } = useSession();
  const query = recordsQuery(filters, false);
  return useQuery({
    queryKey: ["activities", "totals", session?.organizationId, query],
    queryFn: () => unwrap(api.GET("/api/v1/carbon/activities/totals", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useRecord(activityId: string) {
  const { session } = useSession();
  return useQuery({
    queryKey: ["activities", "record", session?.organizationId, activityId],
    queryFn: () =>
      unwrap(api.GET("/api/v1/carbon/activities/{activity_id}", { params: { path: { activity_id: activityId } } })),
  });
}

export function useVersions(activityId: string, enabled: boolean) {
  const { session } = useSession();
  return useQuery({
    queryKey: ["activities", "versions", session?.organizationId, activityId],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/carbon/activities/{activity_id}/versions", { params: { path: { activity_id: activityId } } }),
      ),
    enabled,
  });
}

function estimate(request: EstimateRequest) {
  return unwrap(api.POST("/api/v1/carbon/estimates", { body: request }));
}

/** The value, once it has stopped changing for `delay` milliseconds. */
export function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/** The live estimate of a complete form (null asks nothing), debounced so typing sends one request. */
export function useEstimatePreview(request: EstimateRequest | null) {
  const { session } = useSession();
  const key = useDebounced(request ? JSON.stringify(request) : null, 400);
  const query = useQuery({
    queryKey: ["activities", "estimate", session?.organizationId, key],
    queryFn: () => estimate(JSON.parse(key as string) as EstimateRequest),
    enabled: key !== null,
    retry: false,
    staleTime: 5 * 60_000,
  });
  const settling = (request ? JSON.stringify(request) : null) !== key;
  return { ...query, settling };
}

/** Record a new activity (no id) or correct one (a new version). */
export function useSaveActivity(activityId?: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: ActivityCreate) =>
      activityId
        ? unwrap(
            api.PUT("/api/v1/carbon/activities/{activity_id}", {
              params: { path: { activity_id: activityId } },
              body,
            }),
          )
        : unwrap(api.POST("/api/v1/carbon/activities", { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["activities"] }),
  });
}

/** Delete: a tombstone version. */
export function useDeleteActivity(activityId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(api.DELETE("/api/v1/carbon/activities/{activity_id}", { params: { path: { activity_id: activityId } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["activities"] }),
  });
}

/** Send a CSV or XLSX file as it is (the API reads the body, typed by Content-Type). */
export function useImport() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, mode }: { file: File; mode: ImportMode }): Promise<ImportOutcome> => {
      const type = fileContentType(file);
      if (!type) {
        return outcomeOfProblem({ detail: `${file.name} is neither a CSV nor an XLSX file.` });
      }
      try {
        const report = await unwrap(
          api.POST("/api/v1/carbon/activities/import", {
            params: { query: { mode } },
            body: file as never,
            bodySerializer: (body: unknown) => body as Blob,
            headers: { "Content-Type": type },
          }),
        );
        return outcomeOfReport(report);
      } catch (error) {
        // 422 (bad rows or columns), 413 and 415 are answers to show, not failures of the page.
        if (error instanceof ProblemError && [413, 415, 422].includes(error.status)) {
          return outcomeOfProblem(error.problem);
        }
        throw error;
      }
    },
    onSuccess: (outcome) => {
      if (outcome.landed) void queries.invalidateQueries({ queryKey: ["activities"] });
    },
  });
}

export function downloadTemplate(format: "csv" | "xlsx"): Promise<void> {
  return download(`${CARBON}/activities/import/template?format=${format}`, `activities.${format}`);
}
