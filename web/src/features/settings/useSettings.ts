/**
 * Settings' server state: Users (members, invitations, audit), Auth (API keys), Analytics
 * (webhooks, denominators), Carbon (factors, instruments).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { useSession } from "../../auth/SessionProvider";
import type {
  ApiKeyIn,
  DenominatorIn,
  InstrumentCreate,
  InvitationCreate,
  Member,
  PrivateFactorCreate,
  Role,
  WebhookIn,
} from "./types";

export const MEMBERS_PAGE = 25;
export const AUDIT_PAGE = 25;
export const CARBON_PAGE = 25;
const ALL_MEMBERS_PAGE = 200;

function useOrganization(): string {
  return useSession().session?.organizationId ?? "";
}

const path = (organization_id: string) => ({ path: { organization_id } });

// --- Users ---------------------------------------------------------------------------------

export function useMembers(cursor: string | null) {
  const organization = useOrganization();
  return useQuery({
    queryKey: ["settings", organization, "members", cursor],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/users/organizations/{organization_id}/members", {
          params: { ...path(organization), query: { limit: MEMBERS_PAGE, cursor } },
        }),
      ),
    placeholderData: (previous) => previous,
  });
}

/** Every member, page after page, to name the people in the audit log. */
export function useAllMembers(enabled: boolean) {
  const organization = useOrganization();
  return useQuery({
    queryKey: ["settings", organization, "members", "all"],
    queryFn: async () => {
      const members: Member[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Member[]; next_cursor: string | null } = await unwrap(
          api.GET("/api/v1/users/organizations/{organization_id}/members", {
            params: { ...path(organization), query: { limit: ALL_MEMBERS_PAGE, cursor } },
          }),
        );
        members.push(...page.items);
        cursor = page.next_cursor;
      } while (cursor);
      return members;
    },
    enabled,
  });
}

export function useChangeRole() {
  const organization = useOrganization();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      unwrap(
        api.PATCH("/api/v1/users/organizations/{organization_id}/members/{user_id}", {
          params: { path: { organization_id: organization, user_id: userId } },
          body: { role },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["settings", organization] }),
  });
}

export function useRemoveMember() {
  const organization = useOrganization();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      unwrap(
        api.DELETE("/api/v1/users/organizations/{organization_id}/members/{user_id}", {
          params: { path: { organization_id: organization, user_id: userId } },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["settings", organization] }),
  });
}

export function useInvitations(enabled = true) {
  const organization = useOrganization();
  return useQuery({
    queryKey: ["settings", organization, "invitations"],
    queryFn: () => unwrap(api.GET("/api/v1/users/organizations/{organization_id}/invitations", { params: path(organization) })),
    enabled,
  });
}

export function useInvite() {
  const organization = useOrganization();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: InvitationCreate) =>
      unwrap(api.POST("/api/v1/users/organizations/{organization_id}/invitations", { params: path(organization), body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["settings", organization] }),
  });
}

export function useRevokeInvitation() {
  const organization = useOrganization();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      unwrap(
        api.DELETE("/api/v1/users/organizations/{organization_id}/invitations/{invitation_id}", {
          params: { path: { organization_id: organization, invitation_id: invitationId } },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["settings", organization] }),
  });
}

export function useAuditLog(cursor: string | null) {
  const organization = useOrganization();
  return useQuery({
    queryKey: ["settings", organization, "audit-log", cursor],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/users/organizations/{organization_id}/audit-log", {
          params: { ...path(organization), query: { limit: AUDIT_PAGE, cursor } },
        }),
      ),
    placeholderData: (previous) => previous,
  });
}

// --- Auth: API keys ------------------------------------------------------------------------

export function useApiKeys() {
  const organization = useOrganization();
  return useQuery({
    queryKey: ["settings", organization, "api-keys"],
    queryFn: () => unwrap(api.GET("/api/v1/auth/api-keys")),
  });
}

export function useCreateApiKey() {
  const organization = useOrganization();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiKeyIn) => unwrap(api.POST("/api/v1/auth/api-keys", { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["settings", organization, "api-keys"] }),
  });
}

export function useRevokeApiKey() {
  const organization = useOrganization();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/auth/api-keys/{api_key_id}", { params: { path: { api_key_id: id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["settings", organization, "api-keys"] }),
  });
}

// --- Analytics: webhooks -------------------------------------------------------------------

export function useWebhooks() {
  const organization = useOrganization();
  return useQuery({
    queryKey: ["settings", organization, "webhooks"],
    queryFn: () => unwrap(api.GET("/api/v1/analytics/webhooks")),
  });
}

export function useDeliveries(webhookId: string | null) {
  const organization = useOrganization();
  return useQuery({
    queryKey: ["settings", organization, "webhooks", webhookId, "deliveries"],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/analytics/webhooks/{webhook_id}/deliveries", {
          params: { path: { webhook_id: webhookId ?? "" }, query: { limit: 100 } },
        }),
      ),
    enabled: webhookId !== null,
  });
}

export function useCreateWebhook() {
  const organization = useOrganization();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookIn) => unwrap(api.POST("/api/v1/analytics/webhooks", { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["settings", organization, "webhooks"] }),
  });
}

export function useDeleteWebhook() {
  const organization = useOrganization();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE("/api/v1/analytics/webhooks/{webhook_id}", { params: { path: { webhook_id: id } } })),
    onSuccess: (_answer, id) => {
      queries.removeQueries({ queryKey: ["settings", organization, "webhooks", id] });
      return queries.invalidateQueries({ queryKey: ["settings", organization, "webhooks"], exact: true });
    },
  });
}

// --- Carbon: private factors and instruments -------------------------------------------------

export function useActivityCatalogue(enabled = true) {
  return useQuery({
    queryKey: ["settings", "activities"],
    queryFn: () => unwrap(api.GET("/api/v1/carbon/activities")),
    staleTime: Infinity,
    enabled,
  });
}

export function usePrivateFactors(offset: number) {
  const organization = useOrganization();
  return useQuery({
    queryKey: ["settings", organization, "private-factors", offset],
    queryFn: () => unwrap(api.GET("/api/v1/carbon/private-factors", { params: { query: { limit: CARBON_PAGE, offset } } })),
    placeholderData: (previous) => previous,
  });
}

export function useCreatePrivateFactor() {
  const organization = useOrganization();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: PrivateFactorCreate) => unwrap(api.POST("/api/v1/carbon/private-factors", { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["settings", organization, "private-factors"] }),
  });
}

export function useDeletePrivateFactor() {
  const organization = useOrganization();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE("/api/v1/carbon/private-factors/{factor_id}", { params: { path: { factor_id: id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["settings", organization, "private-factors"] }),
  });
}

export function useInstruments(offset: number) {
  const organization = useOrganization();
  return useQuery({
    queryKey: ["settings", organization, "instruments", offset],
    queryFn: () => unwrap(api.GET("/api/v1/carbon/instruments", { params: { query: { limit: CARBON_PAGE, offset } } })),
    placeholderData: (previous) => previous,
  });
}

export function useCreateInstrument() {
  const organization = useOrganization();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: InstrumentCreate) => unwrap(api.POST("/api/v1/carbon/instruments", { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["settings", organization, "instruments"] }),
  });
}

export function useDeleteInstrument() {
  const organization = useOrganization();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE("/api/v1/carbon/instruments/{instrument_id}", { params: { path: { instrument_id: id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["settings", organization, "instruments"] }),
  });
}

// --- Analytics: intensity denominators ----------------------------------------------------------

export function useDenominators() {
  const organization = useOrganization();
  return useQuery({
    queryKey: ["settings", organization, "denominators"],
    queryFn: () => unwrap(api.GET("/api/v1/analytics/denominators")),
  });
}

/** PUT a denominator (it replaces the metric's value for that year); the overview and targets read them too. */
export function useSetDenominator() {
  const organization = useOrganization();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: DenominatorIn) => unwrap(api.PUT("/api/v1/analytics/denominators", { body })),
    onSuccess: () =>
      Promise.all([
        queries.invalidateQueries({ queryKey: ["settings", organization, "denominators"] }),
        queries.invalidateQueries({ queryKey: ["overview"] }),
        queries.invalidateQueries({ queryKey: ["targets"] }),
      ]),
  });
}
