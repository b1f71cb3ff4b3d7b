import { useId, useState, type FormEvent } from "react";
import { messageOf } from "../../api/problem";
import { defaultUnit, FACILITY_TYPES, METER_KINDS, unitChoices } from "./facilities";
import type { Facility, FacilityType, MeterKind } from "./types";
import { useAddFacility, useAddMeter, useCatalogue, useRegionChoices } from "./useFacilities";

function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="field-error" role="alert">
      Not saved: {messageOf(error)}
    </p>
  );
}

export function FacilityForm({ onDone }: { onDone: (added: Facility | null) => void }) {
  const id = useId();
  const regions = useRegionChoices();
  const add = useAddFacility();
  const [name, setName] = useState("");
  const [region, setRegion] = useState("");
  const [type, setType] = useState<FacilityType>("office");
  const [area, setArea] = useState("");
  const [address, setAddress] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { name, region, type, address, floor_area_m2: area.trim() === "" ? null : Number(area) },
      { onSuccess: (facility) => onDone(facility) },
    );
  };

  return (
    <form className="form meters-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Add a facility</h3>
      <div className="form-grid">
        <div>
          <label htmlFor={`${id}-name`}>Facility name</label>
          <input id={`${id}-name`} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </div>
        <div>
          <label htmlFor={`${id}-region`}>Region</label>
          <select id={`${id}-region`} required value={region} onChange={(e) => setRegion(e.target.value)} aria-describedby={`${id}-region-hint`}>
            <option value="">{regions.isPending ? "Loading regions…" : "Choose a region"}</option>
            {regions.data?.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-type`}>Facility type</label>
          <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as FacilityType)}>
            {FACILITY_TYPES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-area`}>Floor area (m², optional)</label>
          <input id={`${id}-area`} type="number" min={0} step="any" inputMode="decimal" value={area} onChange={(e) => setArea(e.target.value)} />
        </div>
        <div>
          <label htmlFor={`${id}-address`}>Address (optional)</label>
          <input id={`${id}-address`} maxLength={500} value={address} onChange={(e) => setAddress(e.target.value)} />
        </div>
      </div>
      <p className="hint" id={`${id}-region-hint`}>
        The region picks the grid and fuel factors: a country, a US state (US-XX) or a US eGRID subregion (US-XXXX).
      </p>
      {regions.error && <FormError error={regions.error} />}
      <FormError error={add.error} />
      <div className="meters-form-actions">
        <button type="submit" disabled={add.isPending}>
          {add.isPending ? "Adding…" : "Add facility"}
        </button>
        <button type="button" className="secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function MeterForm({ facility, onDone }: { facility: Facility; onDone: (added: boolean) => void }) {
  const id = useId();
  const catalogue = useCatalogue();
  const regions = useRegionChoices();
  const add = useAddMeter();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<MeterKind>("electricity");
  const [unit, setUnit] = useState<string | null>(null);
  const [region, setRegion] = useState("");
  const units = unitChoices(kind, catalogue.data ?? []);
  const shownUnit = unit ?? defaultUnit(kind, catalogue.data ?? []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { facility_id: facility.id, name, kind, unit: shownUnit.trim(), region: region || null },
      { onSuccess: () => onDone(true) },
    );
  };

  return (
    <form className="form meters-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Add a meter to {facility.name}</h3>
      <div className="form-grid">
        <div>
          <label htmlFor={`${id}-name`}>Meter name</label>
          <input id={`${id}-name`} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </div>
        <div>
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as MeterKind);
              setUnit(null);
            }}
          >
            {METER_KINDS.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-unit`}>Unit</label>
          <input
            id={`${id}-unit`}
            required
            list={units.length > 0 ? `${id}-units` : undefined}
            value={shownUnit}
            onChange={(e) => setUnit(e.target.value)}
            aria-describedby={`${id}-unit-hint`}
          />
          {units.length > 0 && (
            <datalist id={`${id}-units`}>
              {units.map((choice) => (
                <option key={choice} value={choice} />
              ))}
            </datalist>
          )}
        </div>
        <div>
          <label htmlFor={`${id}-region`}>Region</label>
          <select id={`${id}-region`} value={region} onChange={(e) => setRegion(e.target.value)}>
            <option value="">The facility’s ({facility.region})</option>
            {regions.data?.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="hint" id={`${id}-unit-hint`}>
        {units.length > 0
          ? `Readings become emissions, so the unit must be one the activity takes (${units.slice(0, 6).join(", ")}…).`
          : "This kind rolls up no emissions: any unit the readings are in (m3, kg…)."}
      </p>
      <FormError error={add.error} />
      <div className="meters-form-actions">
        <button type="submit" disabled={add.isPending}>
          {add.isPending ? "Adding…" : "Add meter"}
        </button>
        <button type="button" className="secondary" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
