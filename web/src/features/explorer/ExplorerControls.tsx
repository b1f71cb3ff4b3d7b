import { useEffect, useState } from "react";
import { formatDate } from "../../lib/format";
import { SCOPE3_CATEGORIES } from "../../lib/ghg";
import { DIMENSION_LABELS, GAS_LABELS, scopeLabel } from "./labels";
import type { Update } from "./useExplorer";
import { GASES, QUICK_PICKS, quickPickOf, quickRange, rangeProblem } from "./params";
import {
  DIMENSIONS,
  PLAIN_DIMENSIONS,
  type Dimension,
  type ExplorerState,
  type FacilityRecord,
  type PlainDimension,
} from "./types";

interface ControlsProps {
  state: ExplorerState;
  update: Update;
  facilities: FacilityRecord[];
}

function toggle<T>(values: readonly T[], value: T, on: boolean): T[] {
  return on ? [...values, value] : values.filter((existing) => existing !== value);
}

function Segmented<T extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: { value: T; label: string }[];
  value: T | null;
  onChange: (value: T) => void;
}) {
  return (
    <div className="explorer-choice">
      <span className="explorer-choice-label" id={`choice-${label.replace(/\W+/g, "-")}`}>
        {label}
      </span>
      <div className="segmented" role="group" aria-labelledby={`choice-${label.replace(/\W+/g, "-")}`}>
        {options.map((option) => (
          <button
            key={option.value}
            type="button"
            aria-pressed={value === option.value}
            onClick={() => onChange(option.value)}
          >
            {option.label}
          </button>
        ))}
      </div>
    </div>
  );
}

/** The window, grouping, method and filters; every change goes into the URL. */
export function ExplorerControls({ state, update, facilities }: ControlsProps) {
  const [draft, setDraft] = useState({ from: state.from, to: state.to });
  useEffect(() => setDraft({ from: state.from, to: state.to }), [state.from, state.to]);
  const problem = rangeProblem(draft.from, draft.to);

  const changeDate = (name: "from" | "to", value: string) => {
    const next = { ...draft, [name]: value };
    setDraft(next);
    // Typing a date passes through many valid ones: one history entry, not one per key.
    if (rangeProblem(next.from, next.to) === null) update(next, { replace: true });
  };

  const setGroup = (group: Dimension) =>
    update({ group, split: state.split === group ? null : state.split, chart: "bar" });

  const filtered = state.scopes.length + state.facilities.length + state.categories.length + state.gases.length > 0;
  const isTime = state.group === "month" || state.group === "year";

  return (
    <section className="panel explorer-controls" aria-labelledby="explorer-view">
      <h2 id="explorer-view">What to show</h2>
      <div className="explorer-row">
        <div className="explorer-field">
          <label htmlFor="explorer-from">Start date</label>
          <input
            id="explorer-from"
            type="date"
            value={draft.from}
            max={draft.to || undefined}
            aria-invalid={problem !== null}
            aria-describedby={problem ? "explorer-range-problem" : undefined}
            onChange={(event) => changeDate("from", event.target.value)}
          />
        </div>
        <div className="explorer-field">
          <label htmlFor="explorer-to">End date</label>
          <input
            id="explorer-to"
            type="date"
            value={draft.to}
            min={draft.from || undefined}
            aria-invalid={problem !== null}
            aria-describedby={problem ? "explorer-range-problem" : undefined}
            onChange={(event) => changeDate("to", event.target.value)}
          />
        </div>
        <Segmented
          label="Quick picks"
          options={QUICK_PICKS.map((pick) => ({ value: pick.id, label: pick.label }))}
          value={quickPickOf(state)}
          onChange={(pick) => update(quickRange(pick))}
        />
      </div>
      {problem ? (
        <p id="explorer-range-problem" className="field-error" role="alert">
          {problem} Showing {formatDate(state.from)} to {formatDate(state.to)} until it is fixed.
        </p>
      ) : null}

      <div className="explorer-row">
        <div className="explorer-field">
          <label htmlFor="explorer-group">Group by</label>
          <select id="explorer-group" value={state.group} onChange={(event) => setGroup(event.target.value as Dimension)}>
            {DIMENSIONS.map((dimension) => (
              <option key={dimension} value={dimension}>
                {DIMENSION_LABELS[dimension]}
              </option>
            ))}
          </select>
        </div>
        <div className="explorer-field">
          <label htmlFor="explorer-split">Split by</label>
          <select
            id="explorer-split"
            value={state.split ?? ""}
            onChange={(event) => update({ split: (event.target.value || null) as PlainDimension | null })}
          >
            <option value="">Nothing</option>
            {PLAIN_DIMENSIONS.filter((dimension) => dimension !== state.group).map((dimension) => (
              <option key={dimension} value={dimension}>
                {DIMENSION_LABELS[dimension]}
              </option>
            ))}
          </select>
        </div>
        <Segmented
          label="Scope 2 method"
          options={[
            { value: "location", label: "Location-based" },
            { value: "market", label: "Market-based" },
          ]}
          value={state.method}
          onChange={(method) => update({ method })}
        />
        {isTime ? (
          <Segmented
            label="Chart"
            options={[
              { value: "bar", label: state.split ? "Stacked bars" : "Bars" },
              { value: "line", label: "Lines" },
            ]}
            value={state.chart}
            onChange={(chart) => update({ chart })}
          />
        ) : null}
      </div>

      <div className="explorer-filters">
        <fieldset>
          <legend>Scopes</legend>
          <div className="explorer-checks">
            {[1, 2, 3].map((scope) => (
              <label key={scope}>
                <input
                  type="checkbox"
                  checked={state.scopes.includes(scope)}
                  onChange={(event) => update({ scopes: toggle(state.scopes, scope, event.target.checked).sort() })}
                />
                {scopeLabel(scope)}
              </label>
            ))}
          </div>
        </fieldset>
        {facilities.length > 0 ? (
          <fieldset>
            <legend>Facilities</legend>
            <div className="explorer-checks">
              {facilities.map((facility) => (
                <label key={facility.id}>
                  <input
                    type="checkbox"
                    checked={state.facilities.includes(facility.id)}
                    onChange={(event) =>
                      update({ facilities: toggle(state.facilities, facility.id, event.target.checked) })
                    }
                  />
                  {facility.name}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        <fieldset>
          <legend>Gases</legend>
          <div className="explorer-checks">
            {GASES.map((gas) => (
              <label key={gas}>
                <input
                  type="checkbox"
                  checked={state.gases.includes(gas)}
                  onChange={(event) =>
                    update({ gases: GASES.filter((g) => (g === gas ? event.target.checked : state.gases.includes(g))) })
                  }
                />
                {GAS_LABELS[gas]}
              </label>
            ))}
          </div>
        </fieldset>
        <details className="explorer-categories" open={state.categories.length > 0 || undefined}>
          <summary>
            Scope 3 categories{state.categories.length ? ` (${state.categories.length} chosen)` : ""}
          </summary>
          <fieldset>
            <legend className="visually-hidden">Scope 3 categories</legend>
            <div className="explorer-checks explorer-checks-column">
              {Object.entries(SCOPE3_CATEGORIES).map(([number, name]) => (
                <label key={number}>
                  <input
                    type="checkbox"
                    checked={state.categories.includes(Number(number))}
                    onChange={(event) =>
                      update({
                        categories: toggle(state.categories, Number(number), event.target.checked).sort((a, b) => a - b),
                      })
                    }
                  />
                  {number}. {name}
                </label>
              ))}
            </div>
          </fieldset>
        </details>
      </div>
      {filtered ? (
        <button
          type="button"
          className="secondary"
          onClick={() => update({ scopes: [], facilities: [], categories: [], gases: [] })}
        >
          Clear filters
        </button>
      ) : null}
    </section>
  );
}
