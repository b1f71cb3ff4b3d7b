/**
 * The add/edit form's state, and its translation into what the API takes: an estimate
 * request (POST /estimates, for the live preview) and an activity (POST or PUT /activities).
 * Nothing is sent until every required field is filled and well-formed, so the preview
 * never asks a question the API can only refuse.
 */
import { badNumber, findActivity, initialOptions, optionFields, optionValue } from "./catalogue";
import type {
  ActivityCreate,
  ActivityInfo,
  ActivityRecord,
  EstimateRequest,
  FacilityRecord,
  OptionValue,
  PeriodRecord,
} from "./types";

export const GWP_SETS = ["AR4", "AR5", "AR6"] as const;
export const METHODS = ["location", "market"] as const;
/** The one activity with market-based figures (the engine accepts `method` only for it). */
export const DUAL_REPORTING_ACTIVITY = "electricity.grid";

export interface ActivityForm {
  activity: string;
  facilityId: string;
  region: string;
  /** Whether the person typed the region (else it follows the facility). */
  regionEdited: boolean;
  quantity: string;
  unit: string;
  from: string;
  to: string;
  year: string;
  /** Whether the person typed the year (else it follows the From date). */
  yearEdited: boolean;
  gwp: string;
  method: string;
  options: Record<string, string | boolean>;
  /** Carried over from a recorded activity: a pinned factor and the later-edition rule. */
  factorId: string | null;
  allowLaterYear: boolean;
}

export function emptyForm(): ActivityForm {
  return {
    activity: "",
    facilityId: "",
    region: "",
    regionEdited: false,
    quantity: "",
    unit: "",
    from: "",
    to: "",
    year: "",
    yearEdited: false,
    gwp: "AR5",
    method: "location",
    options: {},
    factorId: null,
    allowLaterYear: false,
  };
}

function formValue(value: unknown): string | boolean {
  return typeof value === "boolean" ? value : value === null || value === undefined ? "" : String(value);
}

/** The form for correcting a recorded activity: its inputs as recorded, the rest at defaults. */
export function formFromRecord(record: ActivityRecord, catalogue: ActivityInfo[] | undefined): ActivityForm {
  const inputs = record.inputs;
  const recorded = (inputs.options ?? {}) as Record<string, unknown>;
  const options = initialOptions(findActivity(catalogue, record.activity));
  for (const [name, value] of Object.entries(recorded)) options[name] = formValue(value);
  const from = record.period_start;
  return {
    activity: record.activity,
    facilityId: record.facility_id ?? "",
    region: record.region,
    regionEdited: true,
    quantity: String(record.quantity),
    unit: record.unit,
    from,
    to: record.period_end,
    year: String(record.year),
    yearEdited: String(record.year) !== from.slice(0, 4),
    gwp: typeof inputs.gwp === "string" ? inputs.gwp : record.gwp,
    method: typeof inputs.method === "string" ? inputs.method : "location",
    options,
    factorId: typeof inputs.factor_id === "string" ? inputs.factor_id : null,
    allowLaterYear: inputs.allow_later_year === true,
  };
}

/** Picking another activity: its first unit (unless the current one is accepted) and its option defaults. */
export function withActivity(form: ActivityForm, activity: ActivityInfo | undefined): ActivityForm {
  if (!activity) return { ...form, activity: "", unit: "", options: {} };
  const unit = activity.accepted_units.includes(form.unit) ? form.unit : (activity.accepted_units[0] ?? "");
  const method = activity.id === DUAL_REPORTING_ACTIVITY ? form.method : "location";
  return { ...form, activity: activity.id, unit, method, options: initialOptions(activity), factorId: null };
}

/** Picking a facility: the region follows it until the person types one. */
export function withFacility(form: ActivityForm, facilityId: string, facilities: FacilityRecord[] | undefined): ActivityForm {
  const facility = facilities?.find((candidate) => candidate.id === facilityId);
  const region = !form.regionEdited && facility ? facility.region : form.region;
  return { ...form, facilityId, region };
}

/** A new From date: the year follows it until the person types one. */
export function withFrom(form: ActivityForm, from: string): ActivityForm {
  const year = !form.yearEdited && /^\d{4}-/.test(from) ? from.slice(0, 4) : form.year;
  return { ...form, from, year };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface FormReading {
  /** Labels of the required fields still empty. */
  missing: string[];
  /** Fields filled in a way the API would refuse (checked here, so no request fails). */
  invalid: string[];
  estimate: EstimateRequest | null;
  activity: ActivityCreate | null;
}

/** What the form says, as the API would take it, or what is still missing. */
export function readForm(form: ActivityForm, catalogue: ActivityInfo[] | undefined): FormReading {
  const info = findActivity(catalogue, form.activity);
  const missing: string[] = [];
  const invalid: string[] = [];
  if (!info) missing.push("Activity");
  const quantity = Number(form.quantity);
  if (form.quantity.trim() === "") missing.push("Quantity");
  else if (!Number.isFinite(quantity) || quantity < 0) invalid.push("Quantity must be a number of zero or more");
  if (!form.unit) missing.push("Unit");
  if (!form.region.trim()) missing.push("Region");
  if (!form.from) missing.push("From");
  else if (!ISO_DAY.test(form.from)) invalid.push("From is not a date");
  if (!form.to) missing.push("To");
  else if (!ISO_DAY.test(form.to)) invalid.push("To is not a date");
  if (ISO_DAY.test(form.from) && ISO_DAY.test(form.to) && form.to < form.from) invalid.push("To is before From");
  const year = Number(form.year);
  if (form.year.trim() === "") missing.push("Year");
  else if (!Number.isInteger(year) || year < 1900 || year > 2100) invalid.push("Year must be between 1900 and 2100");

  const options: Record<string, OptionValue> = {};
  for (const field of optionFields(info)) {
    const value = form.options[field.name];
    if (field.required && (value === undefined || value === "")) missing.push(field.label);
    else if (badNumber(field, value)) {
      invalid.push(`${field.label} must be ${field.integer ? "a whole number" : "a number"} of zero or more`);
    } else {
      const sent = optionValue(field, value);
      if (sent !== undefined) options[field.name] = sent;
    }
  }
  if (!info || missing.length || invalid.length) return { missing, invalid, estimate: null, activity: null };

  const estimate: EstimateRequest = {
    activity: info.id,
    quantity,
    unit: form.unit,
    region: form.region.trim(),
    year,
    gwp: form.gwp,
    method: info.id === DUAL_REPORTING_ACTIVITY ? form.method : "location",
    options,
    allow_later_year: form.allowLaterYear,
    ...(form.factorId ? { factor_id: form.factorId } : {}),
  };
  const activity: ActivityCreate = {
    ...estimate,
    period_start: form.from,
    period_end: form.to,
    facility_id: form.facilityId || null,
  };
  return { missing, invalid, estimate, activity };
}

/** "Fill in Quantity and From to see an estimate." */
export function missingMessage(missing: string[], purpose = "to see an estimate"): string {
  if (missing.length === 0) return "";
  const names =
    missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing[missing.length - 1]}`;
  return `Fill in ${names} ${purpose}.`;
}

/** A closed reporting period the dates overlap, which would make saving fail with 409. */
export function closedPeriodOverlapping(
  periods: PeriodRecord[] | undefined,
  from: string,
  to: string,
): PeriodRecord | undefined {
  if (!ISO_DAY.test(from) || !ISO_DAY.test(to) || to < from) return undefined;
  return periods?.find((period) => period.closed_at !== null && period.start <= to && from <= period.end);
}
