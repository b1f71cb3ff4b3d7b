/** Forms → request bodies for API keys, webhooks, private factors and instruments, and problems in words. */
import { messageOf, ProblemError } from "../../api/problem";
import type { Checked } from "./members";
import type {
  ActivityInfo,
  ApiKeyIn,
  ApiKeyScope,
  Delivery,
  InstrumentCreate,
  InstrumentKind,
  PrivateFactorCreate,
  WebhookEvent,
  WebhookIn,
} from "./types";

// --- API keys (auth/schemas.py API_KEY_SCOPES) ------------------------------------------------

export const API_KEY_SCOPES: readonly { scope: ApiKeyScope; says: string }[] = [
  { scope: "activities:read", says: "read activities" },
  { scope: "activities:write", says: "record and change activities" },
  { scope: "readings:write", says: "send meter readings" },
  { scope: "factors:read", says: "read private factors and instruments" },
  { scope: "factors:write", says: "add and delete private factors and instruments" },
  { scope: "reports:read", says: "read emissions, analytics and reports" },
];

export interface ApiKeyForm {
  name: string;
  scopes: ApiKeyScope[];
}

export function apiKeyBody(form: ApiKeyForm): Checked<ApiKeyIn> {
  const name = form.name.trim();
  if (!name) return { ok: false, error: "Name the key after what will use it, e.g. “Site A meters”." };
  if (name.length > 200) return { ok: false, error: "The name is at most 200 characters." };
  if (form.scopes.length === 0) return { ok: false, error: "Choose at least one scope: a key may do only what they say." };
  const order = API_KEY_SCOPES.map((s) => s.scope);
  const scopes = [...new Set(form.scopes)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return { ok: true, value: { name, scopes } };
}

// --- webhooks (analytics/webhooks.py EventType) ---------------------------------------------------

export const WEBHOOK_EVENTS: readonly { type: WebhookEvent; says: string }[] = [
  { type: "anomaly.detected", says: "a meter reading far outside its pattern" },
  { type: "target.off_track", says: "a reduction target falls behind its path" },
  { type: "period.closed", says: "a reporting period is closed" },
];

export interface WebhookForm {
  url: string;
  eventTypes: WebhookEvent[];
  description: string;
}

export function webhookBody(form: WebhookForm): Checked<WebhookIn> {
  const url = form.url.trim();
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) {
    return { ok: false, error: "Enter the full address deliveries go to, starting with https://." };
  }
  if (form.eventTypes.length === 0) return { ok: false, error: "Choose at least one event type." };
  const description = form.description.trim();
  if (description.length > 200) return { ok: false, error: "The description is at most 200 characters." };
  const eventTypes = [...new Set(form.eventTypes)].sort();
  return { ok: true, value: { url, event_types: eventTypes, description } };
}

// --- private factors (carbon/schemas.py PrivateFactorCreate) ----------------------------------

export const GWP_SETS = ["AR4", "AR5", "AR6"] as const;

/** What a private grid electricity factor is (engine/electricity.py; docs/methodology.md). */
export const ELECTRICITY_BASES = [
  { basis: "grid_average", label: "Grid average (location-based, ahead of the published factor)" },
  { basis: "supplier_specific", label: "Supplier-specific emission rate (market-based only)" },
  { basis: "residual_mix", label: "Residual mix (market-based only)" },
] as const;

/** The one activity whose private factors say their electricity basis. */
export const GRID_ELECTRICITY = "electricity.grid";

export interface PrivateFactorForm {
  activity: string;
  region: string;
  year: string;
  unit: string;
  value: string;
  /** Option name → chosen value; "" leaves the option out. */
  options: Record<string, string>;
  gwpBasis: string;
  /** electricity.grid only: grid_average, supplier_specific or residual_mix. */
  electricityBasis: string;
  citation: string;
  label: string;
  dataset: string;
  datasetVersion: string;
  sourceUrl: string;
  licence: string;
}

export function emptyPrivateFactorForm(thisYear: number): PrivateFactorForm {
  return {
    activity: "",
    region: "",
    year: String(thisYear),
    unit: "",
    value: "",
    options: {},
    gwpBasis: "",
    electricityBasis: "",
    citation: "",
    label: "",
    dataset: "",
    datasetVersion: "",
    sourceUrl: "",
    licence: "",
  };
}

/** The options that select factors of an activity: those with a list of accepted values. */
export function selectingOptions(activity: ActivityInfo | undefined): ActivityInfo["options"] {
  return (activity?.options ?? []).filter((option) => option.values !== null && option.values.length > 0);
}

/** A factor's selecting options in words: "calorific_basis: gross", or "–" for none. */
export function optionsText(options: Record<string, string> | undefined): string {
  const entries = Object.entries(options ?? {});
  return entries.length ? entries.map(([name, value]) => `${name}: ${value}`).join("; ") : "–";
}

const DATASET = /^[a-z0-9][a-z0-9._-]*$/;

function number(text: string): number | null {
  if (text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** The body `POST /carbon/private-factors` takes, with the API's defaults spelt out. */
export function privateFactorBody(form: PrivateFactorForm): Checked<PrivateFactorCreate> {
  if (!form.activity) return { ok: false, error: "Choose the activity the factor is for." };
  const region = form.region.trim();
  if (!region) return { ok: false, error: "Enter a region (e.g. GB, US-CAMX), or * for any region." };
  const year = number(form.year);
  if (year === null || !Number.isInteger(year) || year < 1900 || year > 2100) {
    return { ok: false, error: "The year is a whole number from 1900 to 2100." };
  }
  const unit = form.unit.trim();
  if (!unit) return { ok: false, error: "Enter the unit the factor is per (e.g. kWh)." };
  const value = number(form.value);
  if (value === null || value < 0) return { ok: false, error: "The factor is a number of kg CO₂e, 0 or more." };
  const electricity = form.activity === GRID_ELECTRICITY;
  if (electricity && !form.electricityBasis) {
    return { ok: false, error: "Say whether the factor is a grid average, a supplier-specific rate or a residual mix." };
  }
  const citation = form.citation.trim();
  if (!citation) return { ok: false, error: "Cite where the number comes from." };
  const dataset = form.dataset.trim() || "private";
  if (!DATASET.test(dataset) || dataset.length > 64) {
    return { ok: false, error: "A dataset name is lower-case letters, digits, dots, dashes and underscores." };
  }
  const options = Object.fromEntries(Object.entries(form.options).filter(([, chosen]) => chosen !== ""));
  return {
    ok: true,
    value: {
      activity: form.activity,
      region,
      year,
      unit,
      co2e_kg_per_unit: value,
      options,
      gwp_basis: form.gwpBasis || null,
      electricity_basis: electricity ? form.electricityBasis : null,
      citation,
      label: form.label.trim(),
      dataset,
      dataset_version: form.datasetVersion.trim(),
      source_url: form.sourceUrl.trim(),
      licence: form.licence.trim() || "proprietary",
    },
  };
}

// --- contractual instruments (carbon/schemas.py InstrumentCreate) ---------------------------

export const INSTRUMENT_KINDS: readonly { kind: InstrumentKind; label: string }[] = [
  { kind: "energy_attribute_certificate", label: "Energy attribute certificate (REGO, GO, REC)" },
  { kind: "ppa", label: "Power purchase agreement" },
  { kind: "supplier_specific", label: "Supplier-specific rate" },
  { kind: "green_tariff", label: "Green tariff" },
  { kind: "other", label: "Other" },
];

export function instrumentKindLabel(kind: InstrumentKind): string {
  return INSTRUMENT_KINDS.find((k) => k.kind === kind)?.label ?? kind;
}

export interface InstrumentForm {
  kind: InstrumentKind;
  factor: string;
  region: string;
  year: string;
  description: string;
}

export function instrumentBody(form: InstrumentForm): Checked<InstrumentCreate> {
  const factor = number(form.factor);
  if (factor === null || factor < 0) return { ok: false, error: "The factor is kg CO₂e per kWh, 0 or more." };
  let year: number | null = null;
  if (form.year.trim() !== "") {
    year = number(form.year);
    if (year === null || !Number.isInteger(year) || year < 1900 || year > 2100) {
      return { ok: false, error: "The year is a whole number from 1900 to 2100, or empty for every year." };
    }
  }
  const description = form.description.trim();
  if (description.length > 500) return { ok: false, error: "The description is at most 500 characters." };
  return {
    ok: true,
    value: { kind: form.kind, factor_kg_per_kwh: factor, region: form.region.trim() || null, year, description },
  };
}

// --- problems ---------------------------------------------------------------------------------

const ACCEPTED: Record<string, string> = {
  accepted_units: "Accepted units",
  accepted_options: "Options that select factors",
  accepted_values: "Accepted values",
  accepted_regions: "Accepted regions",
  accepted_activities: "Accepted activities",
  reserved_datasets: "Published datasets (choose another name)",
};

/** The problem's detail, and what it says is accepted, for a form's error message. */
export function problemText(error: unknown): string {
  const text = messageOf(error);
  if (!(error instanceof ProblemError)) return text;
  const hints = Object.entries(ACCEPTED).flatMap(([member, label]) => {
    const values = error.problem[member];
    if (!Array.isArray(values) || values.length === 0) return [];
    const shown = values.slice(0, 40).map(String).join(", ");
    return [`${label}: ${shown}${values.length > 40 ? ", …" : ""}.`];
  });
  return [text.endsWith(".") ? text : `${text}.`, ...hints].join(" ");
}

// --- webhook deliveries -------------------------------------------------------------------------

/** A delivery's last answer in words: "HTTP 204", the error ("HTTP 405", "ConnectError: …"), or none yet. */
export function deliveryOutcome(delivery: Pick<Delivery, "last_error" | "last_status_code" | "status">): string {
  if (delivery.last_error) return delivery.last_error;
  if (delivery.last_status_code !== null) return `HTTP ${delivery.last_status_code}`;
  return delivery.status === "pending" ? "Not tried yet" : "–";
}

/**
 * Units to suggest for an activity's private factor. Travel factors are per passenger
 * (engine/travel.py `per_passenger`): the catalogue shows that as a `passengers` option,
 * and its accepted units are the trip's distances, so suggest passenger distances instead.
 */
export function unitSuggestions(activity: ActivityInfo | undefined): string[] {
  if (!activity) return [];
  if (activity.options.some((option) => option.name === "passengers")) return ["passenger_km", "passenger_mile"];
  return activity.accepted_units;
}
