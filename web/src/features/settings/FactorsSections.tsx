import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { messageOf } from "../../api/problem";
import { useSession } from "../../auth/SessionProvider";
import { ConfirmButton } from "../../components/ConfirmButton";
import { DataTable, type Column } from "../../components/DataTable";
import { EmptyState, ErrorState, Loading } from "../../components/States";
import { formatDateTime } from "../../lib/format";
import {
  ELECTRICITY_BASES,
  emptyPrivateFactorForm,
  GRID_ELECTRICITY,
  GWP_SETS,
  INSTRUMENT_KINDS,
  instrumentBody,
  instrumentKindLabel,
  optionsText,
  privateFactorBody,
  problemText,
  selectingOptions,
  unitSuggestions,
  type InstrumentForm,
  type PrivateFactorForm,
} from "./forms";
import { Pager } from "./Pager";
import type { Instrument, InstrumentKind, PrivateFactor } from "./types";
import {
  CARBON_PAGE,
  useActivityCatalogue,
  useCreateInstrument,
  useCreatePrivateFactor,
  useDeleteInstrument,
  useDeletePrivateFactor,
  useInstruments,
  usePrivateFactors,
} from "./useSettings";

/** kg CO₂e per unit, with as many decimals as factors carry. */
function perUnit(value: number | undefined, unit: string): string {
  if (value === undefined) return "–";
  return `${new Intl.NumberFormat(undefined, { maximumSignificantDigits: 6 }).format(value)} kg CO₂e per ${unit}`;
}

// --- private factors -------------------------------------------------------------------------

export function PrivateFactorsSection() {
  const { can } = useSession();
  const [offset, setOffset] = useState(0);
  const factors = usePrivateFactors(offset);
  const remove = useDeletePrivateFactor();
  const mayWrite = can("factors:write");

  const columns: Column<PrivateFactor>[] = [
    {
      key: "factor",
      header: "Factor",
      cell: (f) => <Link to={`/factors/${encodeURIComponent(f.id)}`}>{f.label}</Link>,
    },
    { key: "activity", header: "Activity", cell: (f) => <code>{f.activity}</code> },
    { key: "where", header: "Region and year", cell: (f) => `${f.region === "*" ? "Any region" : f.region}, ${f.year ?? "–"}` },
    {
      key: "options",
      header: "Options",
      cell: (f) => optionsText(f.options),
    },
    { key: "value", header: "Value", numeric: true, cell: (f) => perUnit(f.co2e?.value, f.unit) },
    {
      key: "source",
      header: "Source",
      cell: (f) =>
        `${f.citation} (${[f.dataset, f.gwp_basis, f.electricity_basis?.replace("_", " ")].filter(Boolean).join(", ")})`,
    },
    { key: "created", header: "Added", cell: (f) => formatDateTime(f.created_at) },
  ];
  if (mayWrite) {
    columns.push({
      key: "actions",
      header: "Actions",
      cell: (f) => (
        <ConfirmButton
          text="Delete"
          label={`Delete private factor ${f.label}`}
          confirmText="Yes, delete"
          busy={remove.isPending && remove.variables === f.id}
          onConfirm={() => remove.mutate(f.id)}
        />
      ),
    });
  }

  return (
    <>
      <section className="panel" aria-labelledby="factors-title">
        <h2 id="factors-title">Private factors</h2>
        <p className="hint">
          Your organisation's own emission factors, in kg CO₂e per unit. Estimates prefer one over the published
          factors when it matches the activity, region, options and year. A factor is never edited: delete it and add
          another, so an id always means one number.
        </p>
        {remove.isError && (
          <p role="alert" className="field-error">
            Could not delete: {messageOf(remove.error)}
          </p>
        )}
        {factors.isPending ? (
          <Loading what="private factors" />
        ) : factors.isError ? (
          <ErrorState error={factors.error} retry={() => void factors.refetch()} />
        ) : (
          <>
            <DataTable
              caption="Your organisation's private emission factors, oldest first"
              columns={columns}
              rows={factors.data.items}
              rowKey={(f) => f.id}
              empty={
                <EmptyState title="No private factors yet">
                  <p>
                    {mayWrite
                      ? "Add one below when a supplier gives you a better number than the published factors."
                      : "Editors and admins add them when a supplier gives a better number than the published factors."}
                  </p>
                </EmptyState>
              }
            />
            <Pager
              what="private factors"
              page={Math.floor(offset / CARBON_PAGE) + 1}
              pages={Math.max(1, Math.ceil(factors.data.total / CARBON_PAGE))}
              hasPrevious={offset > 0}
              hasNext={offset + CARBON_PAGE < factors.data.total}
              busy={factors.isFetching}
              onPrevious={() => setOffset(Math.max(0, offset - CARBON_PAGE))}
              onNext={() => setOffset(offset + CARBON_PAGE)}
            />
          </>
        )}
      </section>
      {mayWrite && <NewPrivateFactor />}
    </>
  );
}

function NewPrivateFactor() {
  const thisYear = new Date().getFullYear();
  const catalogue = useActivityCatalogue();
  const create = useCreatePrivateFactor();
  const [form, setForm] = useState<PrivateFactorForm>(() => emptyPrivateFactorForm(thisYear));
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<PrivateFactor | null>(null);
  const activity = catalogue.data?.find((a) => a.id === form.activity);
  const options = selectingOptions(activity);
  const units = unitSuggestions(activity);

  const set = <K extends keyof PrivateFactorForm>(key: K, value: PrivateFactorForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = privateFactorBody(form);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    setError(null);
    setAdded(null);
    create.mutate(checked.value, {
      onSuccess: (factor) => {
        setAdded(factor);
        setForm(emptyPrivateFactorForm(thisYear));
      },
      onError: (failure) => setError(problemText(failure)),
    });
  };

  return (
    <section className="panel" aria-labelledby="new-factor-title">
      <h2 id="new-factor-title">Add a private factor</h2>
      {catalogue.isError && <ErrorState error={catalogue.error} retry={() => void catalogue.refetch()} />}
      <form className="form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <div>
            <label htmlFor="factor-activity">Activity</label>
            <select
              id="factor-activity"
              required
              value={form.activity}
              onChange={(e) =>
                setForm((f) => ({ ...f, activity: e.target.value, options: {}, unit: "", electricityBasis: "" }))
              }
            >
              <option value="">{catalogue.isPending ? "Loading activities…" : "Choose an activity"}</option>
              {(catalogue.data ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.id}: {a.description}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="factor-region">Region</label>
            <input
              id="factor-region"
              required
              placeholder="GB"
              value={form.region}
              onChange={(e) => set("region", e.target.value)}
              aria-describedby="factor-region-hint"
            />
            <p className="hint" id="factor-region-hint">
              ISO code, eGRID subregion (US-CAMX), or * for any
            </p>
          </div>
          <div>
            <label htmlFor="factor-year">Year</label>
            <input
              id="factor-year"
              type="number"
              inputMode="numeric"
              min={1900}
              max={2100}
              required
              value={form.year}
              onChange={(e) => set("year", e.target.value)}
            />
          </div>
          <div>
            <label htmlFor="factor-unit">Denominator unit</label>
            <input
              id="factor-unit"
              required
              list="factor-units"
              placeholder={units[0] ?? "kWh"}
              value={form.unit}
              onChange={(e) => set("unit", e.target.value)}
            />
            <datalist id="factor-units">
              {units.map((unit) => (
                <option key={unit} value={unit} />
              ))}
            </datalist>
          </div>
          <div>
            <label htmlFor="factor-value">Value in kg CO₂e per unit</label>
            <input
              id="factor-value"
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              required
              value={form.value}
              onChange={(e) => set("value", e.target.value)}
            />
          </div>
          <div>
            <label htmlFor="factor-gwp">GWP set of the CO₂e value</label>
            <select id="factor-gwp" value={form.gwpBasis} onChange={(e) => set("gwpBasis", e.target.value)}>
              <option value="">Not stated</option>
              {GWP_SETS.map((set) => (
                <option key={set} value={set}>
                  {set}
                </option>
              ))}
            </select>
          </div>
          {form.activity === GRID_ELECTRICITY && (
            <div>
              <label htmlFor="factor-electricity-basis">What the factor is</label>
              <select
                id="factor-electricity-basis"
                required
                value={form.electricityBasis}
                onChange={(e) => set("electricityBasis", e.target.value)}
              >
                <option value="">Choose</option>
                {ELECTRICITY_BASES.map(({ basis, label }) => (
                  <option key={basis} value={basis}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
          )}
          {options.map((option) => (
            <div key={option.name}>
              <label htmlFor={`factor-option-${option.name}`}>Option: {option.name}</label>
              <select
                id={`factor-option-${option.name}`}
                value={form.options[option.name] ?? ""}
                onChange={(e) => set("options", { ...form.options, [option.name]: e.target.value })}
                title={option.description}
              >
                <option value="">Any</option>
                {(option.values ?? []).map((value) => (
                  <option key={value} value={value}>
                    {value}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <div className="wide">
            <label htmlFor="factor-citation">Citation</label>
            <textarea
              id="factor-citation"
              required
              rows={2}
              maxLength={1000}
              placeholder="Acme Gas supplier statement 2024, biomethane blend"
              value={form.citation}
              onChange={(e) => set("citation", e.target.value)}
            />
          </div>
        </div>
        <details className="more">
          <summary>More about the source (optional)</summary>
          <div className="form-grid">
            <div>
              <label htmlFor="factor-label">Label</label>
              <input id="factor-label" maxLength={300} value={form.label} onChange={(e) => set("label", e.target.value)} />
            </div>
            <div>
              <label htmlFor="factor-dataset">Dataset name</label>
              <input
                id="factor-dataset"
                maxLength={64}
                placeholder="private"
                value={form.dataset}
                onChange={(e) => set("dataset", e.target.value)}
              />
            </div>
            <div>
              <label htmlFor="factor-dataset-version">Dataset version</label>
              <input
                id="factor-dataset-version"
                maxLength={100}
                value={form.datasetVersion}
                onChange={(e) => set("datasetVersion", e.target.value)}
              />
            </div>
            <div>
              <label htmlFor="factor-source-url">Source URL</label>
              <input
                id="factor-source-url"
                type="url"
                maxLength={2000}
                value={form.sourceUrl}
                onChange={(e) => set("sourceUrl", e.target.value)}
              />
            </div>
            <div>
              <label htmlFor="factor-licence">Licence</label>
              <input
                id="factor-licence"
                maxLength={200}
                placeholder="proprietary"
                value={form.licence}
                onChange={(e) => set("licence", e.target.value)}
              />
            </div>
          </div>
        </details>
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        {added && (
          <p role="status" className="notice">
            Added <Link to={`/factors/${encodeURIComponent(added.id)}`}>{added.label}</Link>.
          </p>
        )}
        <div>
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? "Adding…" : "Add factor"}
          </button>
        </div>
      </form>
    </section>
  );
}

// --- contractual instruments ---------------------------------------------------------------

const EMPTY_INSTRUMENT: InstrumentForm = { kind: "energy_attribute_certificate", factor: "", region: "", year: "", description: "" };

export function InstrumentsSection() {
  const { can } = useSession();
  const [offset, setOffset] = useState(0);
  const instruments = useInstruments(offset);
  const remove = useDeleteInstrument();
  const mayWrite = can("factors:write");

  const columns: Column<Instrument>[] = [
    { key: "kind", header: "Kind", cell: (i) => instrumentKindLabel(i.kind) },
    { key: "factor", header: "Factor", numeric: true, cell: (i) => perUnit(i.factor_kg_per_kwh, "kWh") },
    { key: "region", header: "Region", cell: (i) => i.region ?? "Any region" },
    { key: "year", header: "Year", cell: (i) => (i.year === null || i.year === undefined ? "Every year" : i.year) },
    { key: "description", header: "Description", cell: (i) => i.description || "–" },
    { key: "created", header: "Added", cell: (i) => formatDateTime(i.created_at) },
  ];
  if (mayWrite) {
    columns.push({
      key: "actions",
      header: "Actions",
      cell: (i) => (
        <ConfirmButton
          text="Delete"
          label={`Delete instrument ${instrumentKindLabel(i.kind)}${i.description ? ` ${i.description}` : ""}`}
          confirmText="Yes, delete"
          busy={remove.isPending && remove.variables === i.id}
          onConfirm={() => remove.mutate(i.id)}
        />
      ),
    });
  }

  return (
    <>
      <section className="panel" aria-labelledby="instruments-title">
        <h2 id="instruments-title">Contractual instruments</h2>
        <p className="hint">
          Certificates, PPAs, supplier rates and green tariffs set the market-based scope 2 figure of grid
          electricity: the first instrument that matches an activity's region and year counts (limited to a region
          and a year first, then a region, then a year, then unlimited).
        </p>
        {remove.isError && (
          <p role="alert" className="field-error">
            Could not delete: {messageOf(remove.error)}
          </p>
        )}
        {instruments.isPending ? (
          <Loading what="instruments" />
        ) : instruments.isError ? (
          <ErrorState error={instruments.error} retry={() => void instruments.refetch()} />
        ) : (
          <>
            <DataTable
              caption="Your organisation's contractual instruments, oldest first"
              columns={columns}
              rows={instruments.data.items}
              rowKey={(i) => i.id}
              empty={
                <EmptyState title="No instruments yet">
                  <p>
                    Without one, market-based scope 2 falls back to the location-based figure.
                    {mayWrite ? " Record one below." : " Editors and admins record them."}
                  </p>
                </EmptyState>
              }
            />
            <Pager
              what="instruments"
              page={Math.floor(offset / CARBON_PAGE) + 1}
              pages={Math.max(1, Math.ceil(instruments.data.total / CARBON_PAGE))}
              hasPrevious={offset > 0}
              hasNext={offset + CARBON_PAGE < instruments.data.total}
              busy={instruments.isFetching}
              onPrevious={() => setOffset(Math.max(0, offset - CARBON_PAGE))}
              onNext={() => setOffset(offset + CARBON_PAGE)}
            />
          </>
        )}
      </section>
      {mayWrite && <NewInstrument />}
    </>
  );
}

function NewInstrument() {
  const create = useCreateInstrument();
  const [form, setForm] = useState<InstrumentForm>(EMPTY_INSTRUMENT);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<Instrument | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = instrumentBody(form);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    setError(null);
    setAdded(null);
    create.mutate(checked.value, {
      onSuccess: (instrument) => {
        setAdded(instrument);
        setForm(EMPTY_INSTRUMENT);
      },
      onError: (failure) => setError(problemText(failure)),
    });
  };

  return (
    <section className="panel" aria-labelledby="new-instrument-title">
      <h2 id="new-instrument-title">Record an instrument</h2>
      <form className="form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <div>
            <label htmlFor="instrument-kind">Kind</label>
            <select
              id="instrument-kind"
              value={form.kind}
              onChange={(e) => setForm({ ...form, kind: e.target.value as InstrumentKind })}
            >
              {INSTRUMENT_KINDS.map(({ kind, label }) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="instrument-factor">kg CO₂e per kWh</label>
            <input
              id="instrument-factor"
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              required
              placeholder="0"
              value={form.factor}
              onChange={(e) => setForm({ ...form, factor: e.target.value })}
            />
          </div>
          <div>
            <label htmlFor="instrument-region">Region (optional)</label>
            <input
              id="instrument-region"
              placeholder="GB"
              value={form.region}
              onChange={(e) => setForm({ ...form, region: e.target.value })}
            />
          </div>
          <div>
            <label htmlFor="instrument-year">Year (optional)</label>
            <input
              id="instrument-year"
              type="number"
              inputMode="numeric"
              min={1900}
              max={2100}
              value={form.year}
              onChange={(e) => setForm({ ...form, year: e.target.value })}
            />
          </div>
          <div className="wide">
            <label htmlFor="instrument-description">Description</label>
            <input
              id="instrument-description"
              maxLength={500}
              placeholder="REGOs covering 2024 supply"
              value={form.description}
              onChange={(e) => setForm({ ...form, description: e.target.value })}
            />
          </div>
        </div>
        <p className="hint">Leave region or year empty for an instrument that applies everywhere or every year.</p>
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        {added && (
          <p role="status" className="notice">
            Recorded: {instrumentKindLabel(added.kind)}, {perUnit(added.factor_kg_per_kwh, "kWh")}. It applies to
            grid electricity recorded or recalculated from now on.
          </p>
        )}
        <div>
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? "Recording…" : "Record instrument"}
          </button>
        </div>
      </form>
    </section>
  );
}
