/**
 * The activity catalogue (GET /api/v1/carbon/activities) turned into form fields.
 *
 * What the catalogue says about an option (carbon/engine/estimates.py's list_activities):
 * `values` ["true", "false"] is a yes/no option; other `values` are the accepted choices
 * (the union over every dataset; a region may accept fewer, which an estimate reports);
 * `values` null is a free number ("None for free numbers"). A choice with no default is
 * one the factors need (the engine answers "option 'haul' is required ...").
 */
import type { ActivityInfo, OptionInfo, OptionValue } from "./types";

export type OptionKind = "select" | "checkbox" | "number" | "text";

export interface OptionField {
  name: string;
  label: string;
  description: string;
  kind: OptionKind;
  /** The accepted values of a select. */
  values: string[];
  /** The value the form starts with: the default, or empty (false for a checkbox). */
  initial: string | boolean;
  /** The catalogue's default, as the form holds it ("" when there is none). */
  defaultValue: string | boolean;
  /** A choice without a default: the estimate cannot be made until one is picked. */
  required: boolean;
  /** For numbers: whole numbers only (counts such as passengers). */
  integer: boolean;
}

// Names that read badly when humanised, or whose humanised label would contain the
// name of another field of the form ("Contract factor" holds "to").
const LABELS: Record<string, string> = {
  contract_factor_kg_per_kwh: "Contractual rate, kg CO₂e per kWh",
  radiative_forcing: "Include radiative forcing",
};

export function optionLabel(name: string): string {
  const label = LABELS[name];
  if (label) return label;
  const words = name.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isYesNo(values: string[] | null): boolean {
  return values !== null && values.length === 2 && values.includes("true") && values.includes("false");
}

export function optionField(option: OptionInfo): OptionField {
  const base = { name: option.name, label: optionLabel(option.name), description: option.description };
  if (typeof option.default === "boolean" || isYesNo(option.values)) {
    const initial = option.default === true || option.default === "true";
    return { ...base, kind: "checkbox", values: [], initial, defaultValue: initial, required: false, integer: false };
  }
  const defaultValue = option.default === null ? "" : String(option.default);
  if (option.values !== null) {
    return {
      ...base,
      kind: "select",
      values: option.values,
      initial: defaultValue,
      defaultValue,
      required: option.default === null,
      integer: false,
    };
  }
  const kind: OptionKind = typeof option.default === "string" ? "text" : "number";
  return {
    ...base,
    kind,
    values: [],
    initial: defaultValue,
    defaultValue,
    required: false,
    integer: typeof option.default === "number" && Number.isInteger(option.default),
  };
}

/** The option fields of an activity, in the catalogue's order. */
export function optionFields(activity: ActivityInfo | undefined): OptionField[] {
  return activity ? activity.options.map(optionField) : [];
}

export function findActivity(catalogue: ActivityInfo[] | undefined, id: string): ActivityInfo | undefined {
  return catalogue?.find((activity) => activity.id === id);
}

/** The starting values of an activity's options. */
export function initialOptions(activity: ActivityInfo | undefined): Record<string, string | boolean> {
  return Object.fromEntries(optionFields(activity).map((field) => [field.name, field.initial]));
}

/** An option as the API takes it, or undefined to leave it to the API's default. */
export function optionValue(field: OptionField, value: string | boolean | undefined): OptionValue | undefined {
  if (value === undefined) return undefined;
  if (field.kind === "checkbox") {
    const checked = value === true || value === "true";
    return checked === field.defaultValue ? undefined : checked;
  }
  const text = String(value).trim();
  if (text === "" || text === field.defaultValue) return undefined;
  if (field.kind === "number") return Number(text);
  return text;
}

/** Whether a number field holds something other than a finite number of zero or more. */
export function badNumber(field: OptionField, value: string | boolean | undefined): boolean {
  if (field.kind !== "number" || typeof value !== "string" || value.trim() === "") return false;
  const number = Number(value);
  return !Number.isFinite(number) || number < 0 || (field.integer && !Number.isInteger(number));
}

/** "Scope 3, category 6 (Business travel)" */
export function scopeLabel(scope: number, category?: { number: number; name: string } | number | null): string {
  if (category === null || category === undefined) return `Scope ${scope}`;
  if (typeof category === "number") return `Scope ${scope}, category ${category}`;
  return `Scope ${scope}, category ${category.number} (${category.name})`;
}

/** The scope 3 category names the catalogue gives, by number (for records, which carry only the number). */
export function categoryNames(catalogue: ActivityInfo[] | undefined): Map<number, string> {
  const names = new Map<number, string>();
  for (const activity of catalogue ?? []) {
    if (activity.scope3_category) names.set(activity.scope3_category.number, activity.scope3_category.name);
  }
  return names;
}
