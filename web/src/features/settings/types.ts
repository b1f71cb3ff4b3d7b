/** The wire types the settings tabs use, from the generated schema (all typed there). */
import type { components } from "../../api/schema";

type Schemas = components["schemas"];

export type Role = Schemas["Role"];
export type Member = Schemas["MemberOut"];
export type Invitation = Schemas["InvitationOut"];
export type InvitationIssued = Schemas["InvitationIssued"];
export type InvitationCreate = Schemas["InvitationCreate"];
export type AuditEntry = Schemas["AuditEntryOut"];
export type ApiKey = Schemas["ApiKeyOut"];
export type ApiKeyCreated = Schemas["ApiKeyCreated"];
export type ApiKeyIn = Schemas["ApiKeyIn"];
export type ApiKeyScope = ApiKeyIn["scopes"][number];
export type Webhook = Schemas["WebhookOut"];
export type WebhookCreated = Schemas["WebhookCreated"];
export type WebhookIn = Schemas["WebhookIn"];
export type WebhookEvent = WebhookIn["event_types"][number];
export type Delivery = Schemas["DeliveryOut"];
export type PrivateFactor = Schemas["PrivateFactor"];
export type PrivateFactorCreate = Schemas["PrivateFactorCreate"];
export type Instrument = Schemas["InstrumentRecord"];
export type InstrumentCreate = Schemas["InstrumentCreate"];
export type InstrumentKind = InstrumentCreate["kind"];
export type ActivityInfo = Schemas["ActivityInfo"];
export type Denominator = Schemas["DenominatorOut"];
export type DenominatorIn = Schemas["DenominatorIn"];
export type Metric = DenominatorIn["metric"];
