import { describe, expect, it } from "vitest";
import { ProblemError } from "../../api/problem";
import {
  badScopeProblem,
  badUnitProblem,
  catalogue,
  createdKey,
  createdWebhook,
  deliveries,
  instrument,
  privateFactor,
} from "./fixtures";
import {
  API_KEY_SCOPES,
  apiKeyBody,
  deliveryOutcome,
  emptyPrivateFactorForm,
  instrumentBody,
  instrumentKindLabel,
  optionsText,
  privateFactorBody,
  problemText,
  selectingOptions,
  unitSuggestions,
  webhookBody,
} from "./forms";

const activity = (id: string) => catalogue.find((a) => a.id === id);

describe("apiKeyBody", () => {
  it("offers exactly the scopes the API accepts (its 422 lists them)", () => {
    const listed = API_KEY_SCOPES.map((s) => `'${s.scope}'`);
    for (const scope of listed) expect(badScopeProblem.detail).toContain(scope);
    expect(badScopeProblem.detail?.match(/'[a-z_]+:[a-z]+'/g)).toEqual(listed);
  });
  it("builds the body of the captured key, scopes in the API's order", () => {
    expect(apiKeyBody({ name: "Site A meters", scopes: ["readings:write", "activities:read"] })).toEqual({
      ok: true,
      value: { name: createdKey.name, scopes: createdKey.scopes },
    });
  });
  it("wants a name and a scope", () => {
    expect(apiKeyBody({ name: " ", scopes: ["reports:read"] }).ok).toBe(false);
    expect(apiKeyBody({ name: "ETL", scopes: [] }).ok).toBe(false);
  });
});

describe("webhookBody", () => {
  it("builds the body of the captured webhook", () => {
    const checked = webhookBody({
      url: "http://127.0.0.1:8105/healthz",
      eventTypes: ["period.closed", "anomaly.detected"],
      description: "Ops channel",
    });
    expect(checked).toEqual({
      ok: true,
      value: { url: createdWebhook.url, event_types: createdWebhook.event_types, description: createdWebhook.description },
    });
  });
  it("wants a full http(s) URL and an event type", () => {
    expect(webhookBody({ url: "example.com/hook", eventTypes: ["period.closed"], description: "" }).ok).toBe(false);
    expect(webhookBody({ url: "ftp://example.com", eventTypes: ["period.closed"], description: "" }).ok).toBe(false);
    expect(webhookBody({ url: "https://example.com/hook", eventTypes: [], description: "" }).ok).toBe(false);
  });
});

describe("deliveryOutcome", () => {
  it("says the last answer of a delivery", () => {
    expect(deliveries.map(deliveryOutcome)).toEqual(["HTTP 405", "HTTP 405"]);
    const first = deliveries[0];
    if (!first) throw new Error("no delivery");
    expect(deliveryOutcome({ ...first, status: "delivered", last_error: null, last_status_code: 204 })).toBe("HTTP 204");
  });
});

describe("privateFactorBody", () => {
  it("builds the body of the docs' example, with the API's defaults", () => {
    const form = {
      ...emptyPrivateFactorForm(2026),
      activity: "fuel.natural_gas",
      region: "GB",
      year: "2024",
      unit: "kWh",
      value: "0.15",
      options: { calorific_basis: "gross" },
      gwpBasis: "AR5",
      dataset: "acme-gas",
      citation: "Acme Gas supplier statement 2024, biomethane blend",
    };
    const checked = privateFactorBody(form);
    expect(checked).toEqual({
      ok: true,
      value: {
        activity: privateFactor.activity,
        region: privateFactor.region,
        year: privateFactor.year,
        unit: privateFactor.unit,
        co2e_kg_per_unit: privateFactor.co2e?.value,
        options: privateFactor.options,
        gwp_basis: privateFactor.gwp_basis,
        electricity_basis: null, // for electricity.grid only
        citation: privateFactor.citation,
        label: "",
        dataset: privateFactor.dataset,
        dataset_version: privateFactor.dataset_version,
        source_url: privateFactor.source_url,
        licence: privateFactor.licence,
      },
    });
  });
  it("leaves unchosen options out and refuses what the API would", () => {
    const base = {
      ...emptyPrivateFactorForm(2026),
      activity: "electricity.grid",
      region: "*",
      unit: "kWh",
      value: "0.2",
      electricityBasis: "supplier_specific",
      citation: "x",
    };
    const checked = privateFactorBody({ ...base, options: { supply: "" } });
    expect(checked.ok && checked.value.options).toEqual({});
    expect(checked.ok && checked.value.dataset).toBe("private");
    expect(checked.ok && checked.value.electricity_basis).toBe("supplier_specific");
    // grid electricity must say what the factor is; other activities never send it
    expect(privateFactorBody({ ...base, electricityBasis: "" }).ok).toBe(false);
    const gas = privateFactorBody({ ...base, activity: "fuel.natural_gas" });
    expect(gas.ok && gas.value.electricity_basis).toBeNull();
    expect(privateFactorBody({ ...base, value: "-1" }).ok).toBe(false);
    expect(privateFactorBody({ ...base, citation: "  " }).ok).toBe(false);
    expect(privateFactorBody({ ...base, dataset: "Acme Gas" }).ok).toBe(false);
    expect(privateFactorBody({ ...base, year: "2101" }).ok).toBe(false);
  });
  it("offers the catalogue's selecting options and units", () => {
    expect(selectingOptions(activity("fuel.natural_gas")).map((o) => o.name)).toEqual(["calorific_basis"]);
    // A free number (the contract factor) selects nothing.
    expect(selectingOptions(activity("electricity.grid"))).toEqual([]);
    expect(unitSuggestions(activity("fuel.natural_gas"))).toContain("kWh");
    // Travel factors are per passenger: the API accepts passenger distances only.
    expect(unitSuggestions(activity("travel.flight"))).toEqual(["passenger_km", "passenger_mile"]);
    expect(optionsText(privateFactor.options)).toBe("calorific_basis: gross");
    expect(optionsText({})).toBe("–");
  });
});

describe("instrumentBody", () => {
  it("builds the body of the docs' example", () => {
    const checked = instrumentBody({
      kind: "energy_attribute_certificate",
      factor: "0",
      region: "GB",
      year: "2024",
      description: "REGOs covering 2024 supply",
    });
    const { id: _id, created_at: _created, ...asStored } = instrument;
    expect(checked).toEqual({ ok: true, value: asStored });
  });
  it("sends null for an instrument limited to no region or year", () => {
    const checked = instrumentBody({ kind: "ppa", factor: "0.012", region: " ", year: "", description: "Solar PPA" });
    expect(checked).toEqual({
      ok: true,
      value: { kind: "ppa", factor_kg_per_kwh: 0.012, region: null, year: null, description: "Solar PPA" },
    });
    expect(instrumentBody({ kind: "ppa", factor: "", region: "", year: "", description: "" }).ok).toBe(false);
    expect(instrumentKindLabel(instrument.kind)).toBe("Energy attribute certificate (REGO, GO, REC)");
  });
});

describe("problemText", () => {
  it("adds what the API says is accepted", () => {
    const text = problemText(new ProblemError(422, badUnitProblem));
    expect(text.startsWith("unit 'furlong' is not accepted for fuel.natural_gas factors. Accepted units: kWh, Wh, MWh")).toBe(true);
    expect(text.endsWith("short_ton, lb.")).toBe(true);
  });
  it("keeps a plain problem as it is", () => {
    expect(problemText(new ProblemError(422, badScopeProblem))).toBe(`${badScopeProblem.detail}.`);
  });
});
