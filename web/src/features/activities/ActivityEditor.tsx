import { useId, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { ErrorState, Loading } from "../../components/States";
import { formatDate } from "../../lib/format";
import { findActivity, optionFields, type OptionField } from "./catalogue";
import { EstimatePreview } from "./EstimatePreview";
import {
  closedPeriodOverlapping,
  DUAL_REPORTING_ACTIVITY,
  GWP_SETS,
  missingMessage,
  readForm,
  withActivity,
  withFacility,
  withFrom,
  type ActivityForm,
} from "./form";
import { ProblemNote } from "./ProblemNote";
import type { ActivityInfo, ActivityRecord } from "./types";
import { useCatalogue, useEstimatePreview, useFacilities, usePeriods, useSaveActivity } from "./useActivities";

interface ActivityEditorProps {
  /** The form's starting values (a recorded activity's when correcting). */
  initial: ActivityForm | ((catalogue: ActivityInfo[]) => ActivityForm);
  /** The activity being corrected; absent for a new one. */
  activityId?: string;
  cancelTo: string;
  onSaved: (record: ActivityRecord) => void;
}

/** The add/correct form, with the live estimate beside it. Waits for the catalogue it is built from. */
export function ActivityEditor(props: ActivityEditorProps) {
  const catalogue = useCatalogue();
  const facilities = useFacilities();
  if (catalogue.isPending || facilities.isPending) return <Loading what="the activity catalogue" />;
  if (catalogue.error) return <ErrorState error={catalogue.error} retry={() => void catalogue.refetch()} />;
  if (facilities.error) return <ErrorState error={facilities.error} retry={() => void facilities.refetch()} />;
  return <EditorForm {...props} catalogue={catalogue.data} facilities={facilities.data} />;
}

function groupByScope(catalogue: ActivityInfo[]): [number, ActivityInfo[]][] {
  const groups = new Map<number, ActivityInfo[]>();
  for (const activity of catalogue) groups.set(activity.scope, [...(groups.get(activity.scope) ?? []), activity]);
  return [...groups.entries()].sort(([a], [b]) => a - b);
}

function EditorForm({
  initial,
  activityId,
  cancelTo,
  onSaved,
  catalogue,
  facilities,
}: ActivityEditorProps & {
  catalogue: ActivityInfo[];
  facilities: NonNullable<ReturnType<typeof useFacilities>["data"]>;
}) {
  const id = useId();
  const [form, setForm] = useState<ActivityForm>(() => (typeof initial === "function" ? initial(catalogue) : initial));
  const [attempted, setAttempted] = useState(false);
  const periods = usePeriods();
  const save = useSaveActivity(activityId);
  const reading = readForm(form, catalogue);
  const preview = useEstimatePreview(reading.estimate);
  const info = findActivity(catalogue, form.activity);
  const fields = optionFields(info);
  const closed = closedPeriodOverlapping(periods.data, form.from, form.to);

  const update = (change: Partial<ActivityForm>) => setForm((current) => ({ ...current, ...change }));
  const setOption = (name: string, value: string | boolean) =>
    setForm((current) => ({ ...current, options: { ...current.options, [name]: value } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!reading.activity) return;
    save.mutate(reading.activity, { onSuccess: onSaved });
  };

  const field = (name: string) => `${id}-${name}`;

  return (
    <div className="activity-form-layout">
      <form className="panel form activity-form" onSubmit={submit} noValidate aria-labelledby={field("heading")}>
        <h2 id={field("heading")}>{activityId ? "Corrected values" : "What happened"}</h2>
        <div className="form-grid">
          <div>
            <label htmlFor={field("activity")}>Activity</label>
            <select
              id={field("activity")}
              value={form.activity}
              onChange={(event) => setForm((current) => withActivity(current, findActivity(catalogue, event.target.value)))}
              required
              aria-describedby={info ? field("activity-hint") : undefined}
            >
              <option value="">Choose an activity</option>
              {groupByScope(catalogue).map(([scope, activities]) => (
                <optgroup key={scope} label={`Scope ${scope}`}>
                  {activities.map((activity) => (
                    <option key={activity.id} value={activity.id}>
                      {activity.id}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            {info && (
              <p className="hint" id={field("activity-hint")}>
                {info.description}
              </p>
            )}
          </div>
          <div>
            <label htmlFor={field("facility")}>Facility</label>
            <select
              id={field("facility")}
              value={form.facilityId}
              onChange={(event) => setForm((current) => withFacility(current, event.target.value, facilities))}
            >
              <option value="">No facility</option>
              {facilities.map((facility) => (
                <option key={facility.id} value={facility.id}>
                  {facility.name} ({facility.region})
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={field("region")}>Region</label>
            <input
              id={field("region")}
              value={form.region}
              onChange={(event) => update({ region: event.target.value, regionEdited: true })}
              autoComplete="off"
              spellCheck={false}
              required
              aria-describedby={field("region-hint")}
            />
            <p className="hint" id={field("region-hint")}>
              Country or grid region, e.g. GB, US-TX, DE; the facility's by default.
            </p>
          </div>
          <div>
            <label htmlFor={field("quantity")}>Quantity</label>
            <input
              id={field("quantity")}
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              value={form.quantity}
              onChange={(event) => update({ quantity: event.target.value })}
              required
            />
          </div>
          <div>
            <label htmlFor={field("unit")}>Unit</label>
            <select
              id={field("unit")}
              value={form.unit}
              onChange={(event) => update({ unit: event.target.value })}
              disabled={!info}
              required
            >
              {!info && <option value="">Choose an activity first</option>}
              {info?.accepted_units.map((unit) => (
                <option key={unit} value={unit}>
                  {unit}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={field("from")}>From</label>
            <input
              id={field("from")}
              type="date"
              value={form.from}
              onChange={(event) => setForm((current) => withFrom(current, event.target.value))}
              required
            />
          </div>
          <div>
            <label htmlFor={field("to")}>To</label>
            <input
              id={field("to")}
              type="date"
              value={form.to}
              min={form.from || undefined}
              onChange={(event) => update({ to: event.target.value })}
              required
            />
          </div>
          <div>
            <label htmlFor={field("year")}>Year</label>
            <input
              id={field("year")}
              type="number"
              inputMode="numeric"
              min={1900}
              max={2100}
              step={1}
              value={form.year}
              onChange={(event) => update({ year: event.target.value, yearEdited: true })}
              required
              aria-describedby={field("year-hint")}
            />
            <p className="hint" id={field("year-hint")}>
              Picks the factor edition; follows From.
            </p>
          </div>
          <div>
            <label htmlFor={field("gwp")}>GWP set</label>
            <select id={field("gwp")} value={form.gwp} onChange={(event) => update({ gwp: event.target.value })}>
              {GWP_SETS.map((set) => (
                <option key={set} value={set}>
                  {set} (100-year)
                </option>
              ))}
            </select>
          </div>
          {form.activity === DUAL_REPORTING_ACTIVITY && (
            <div>
              <label htmlFor={field("method")}>Method</label>
              <select id={field("method")} value={form.method} onChange={(event) => update({ method: event.target.value })}>
                <option value="location">Location-based</option>
                <option value="market">Market-based</option>
              </select>
            </div>
          )}
        </div>

        {fields.length > 0 && (
          <fieldset>
            <legend>Options of {form.activity}</legend>
            <div className="form-grid">
              {fields.map((option) => (
                <OptionInput
                  key={`${form.activity}:${option.name}`}
                  id={field(`option-${option.name}`)}
                  option={option}
                  value={form.options[option.name]}
                  onChange={(value) => setOption(option.name, value)}
                />
              ))}
            </div>
          </fieldset>
        )}

        {form.factorId && (
          <p className="hint">
            Pinned to factor <span className="factor-id">{form.factorId}</span>, as recorded.
          </p>
        )}
        {closed && (
          <p className="notice">
            The reporting period {closed.name} ({formatDate(closed.start)} – {formatDate(closed.end)}) is closed: activities
            covering it cannot be recorded or changed.
          </p>
        )}

        <div className="form-actions">
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save activity"}
          </button>
          <Link className="button secondary" to={cancelTo}>
            Cancel
          </Link>
        </div>
        {attempted && !reading.activity && (
          <div className="state state-error" role="alert">
            <p>{reading.invalid.length ? reading.invalid.join(". ") + "." : missingMessage(reading.missing, "to save")}</p>
          </div>
        )}
        {save.error && <ProblemNote error={save.error} lead="Not saved:" />}
      </form>
      <EstimatePreview reading={reading} preview={preview} />
    </div>
  );
}

function OptionInput({
  id,
  option,
  value,
  onChange,
}: {
  id: string;
  option: OptionField;
  value: string | boolean | undefined;
  onChange: (value: string | boolean) => void;
}) {
  const hint = `${id}-hint`;
  if (option.kind === "checkbox") {
    return (
      <div>
        <div className="checkbox-field">
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            onChange={(event) => onChange(event.target.checked)}
            aria-describedby={hint}
          />
          <label htmlFor={id}>{option.label}</label>
        </div>
        <p className="hint" id={hint}>
          {option.description}
        </p>
      </div>
    );
  }
  const text = typeof value === "string" ? value : "";
  return (
    <div>
      <label htmlFor={id}>{option.label}</label>
      {option.kind === "select" ? (
        <select id={id} value={text} onChange={(event) => onChange(event.target.value)} aria-describedby={hint} required={option.required}>
          {option.required && <option value="">Choose one</option>}
          {option.values.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
              {choice === option.defaultValue ? " (default)" : ""}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type={option.kind === "number" ? "number" : "text"}
          inputMode={option.kind === "number" ? (option.integer ? "numeric" : "decimal") : undefined}
          min={option.kind === "number" ? 0 : undefined}
          step={option.kind === "number" ? (option.integer ? 1 : "any") : undefined}
          value={text}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={hint}
        />
      )}
      <p className="hint" id={hint}>
        {option.description}
        {option.kind !== "select" && option.defaultValue === "" ? " Optional." : ""}
      </p>
    </div>
  );
}
