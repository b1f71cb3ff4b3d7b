import { describe, expect, it } from "vitest";
import { findActivity } from "./catalogue";
import { CATALOGUE, ESTIMATE_GAS, FACILITIES, PERIODS, PROBLEM_CLOSED_PERIOD, RECORD_CREATED } from "./fixtures";
import {
  closedPeriodOverlapping,
  emptyForm,
  formFromRecord,
  missingMessage,
  readForm,
  withActivity,
  withFacility,
  withFrom,
  type ActivityForm,
} from "./form";

const london = FACILITIES[0]!;
const austin = FACILITIES[1]!;

function gasForm(): ActivityForm {
  let form = withActivity(emptyForm(), findActivity(CATALOGUE, "fuel.natural_gas"));
  form = withFacility(form, london.id, FACILITIES);
  form = withFrom({ ...form, quantity: "1200", to: "2024-01-31" }, "2024-01-01");
  return form;
}

describe("readForm", () => {
  it("asks for nothing from the API until the required fields are filled", () => {
    const reading = readForm(emptyForm(), CATALOGUE);
    expect(reading.estimate).toBeNull();
    expect(reading.activity).toBeNull();
    expect(reading.missing).toEqual(["Activity", "Quantity", "Unit", "Region", "From", "To", "Year"]);
    expect(missingMessage(reading.missing)).toBe("Fill in Activity, Quantity, Unit, Region, From, To and Year to see an estimate.");
  });

  it("makes the estimate request the API answered ESTIMATE_GAS for", () => {
    const { estimate, activity, missing, invalid } = readForm(gasForm(), CATALOGUE);
    expect(missing).toEqual([]);
    expect(invalid).toEqual([]);
    expect(estimate).toEqual({
      activity: ESTIMATE_GAS.activity,
      quantity: ESTIMATE_GAS.quantity,
      unit: ESTIMATE_GAS.unit,
      region: ESTIMATE_GAS.region,
      year: ESTIMATE_GAS.year,
      gwp: ESTIMATE_GAS.gwp_requested,
      method: ESTIMATE_GAS.method,
      options: {},
      allow_later_year: false,
    });
    expect(activity).toMatchObject({ period_start: "2024-01-01", period_end: "2024-01-31", facility_id: london.id });
  });

  it("needs a haul for a flight, as the API does", () => {
    let form = withActivity(gasForm(), findActivity(CATALOGUE, "travel.flight"));
    form = { ...form, quantity: "800" };
    expect(form.unit).toBe("m");
    expect(readForm(form, CATALOGUE).missing).toEqual(["Haul"]);
    form = { ...form, unit: "km", options: { ...form.options, haul: "short", radiative_forcing: true, passengers: "2" } };
    expect(readForm(form, CATALOGUE).estimate?.options).toEqual({ haul: "short", radiative_forcing: true, passengers: 2 });
  });

  it("refuses what the API would refuse, without asking it", () => {
    const reading = readForm({ ...gasForm(), quantity: "-4", to: "2023-12-31" }, CATALOGUE);
    expect(reading.estimate).toBeNull();
    expect(reading.invalid).toEqual(["Quantity must be a number of zero or more", "To is before From"]);
  });

  it("sends a method only for grid electricity", () => {
    const form = { ...gasForm(), method: "market" };
    expect(readForm(form, CATALOGUE).estimate?.method).toBe("location");
    const electricity = { ...withActivity(form, findActivity(CATALOGUE, "electricity.grid")), method: "market" };
    expect(readForm(electricity, CATALOGUE).estimate?.method).toBe("market");
  });
});

describe("following fields", () => {
  it("takes the region from the facility until the person types one", () => {
    const form = withFacility(gasForm(), austin.id, FACILITIES);
    expect(form.region).toBe("US-TX");
    const typed = withFacility({ ...form, region: "DE", regionEdited: true }, london.id, FACILITIES);
    expect(typed.region).toBe("DE");
  });

  it("takes the year from the From date until the person types one", () => {
    expect(withFrom(gasForm(), "2025-03-01").year).toBe("2025");
    expect(withFrom({ ...gasForm(), year: "2024", yearEdited: true }, "2025-03-01").year).toBe("2024");
  });

  it("keeps the unit when the new activity accepts it, and resets the options", () => {
    const form = withActivity({ ...gasForm(), options: { calorific_basis: "net" } }, findActivity(CATALOGUE, "fuel.diesel"));
    expect(form.unit).toBe("kWh");
    expect(form.options).toEqual({ calorific_basis: "gross", biofuel_blend: "average" });
  });
});

describe("correcting a recorded activity", () => {
  it("gives back the inputs as recorded", () => {
    const form = formFromRecord(RECORD_CREATED, CATALOGUE);
    expect(form.options).toEqual({ calorific_basis: "net" });
    const { activity } = readForm(form, CATALOGUE);
    const { factor_id, ...inputs } = RECORD_CREATED.inputs;
    expect(factor_id).toBeNull();
    expect(activity).toEqual(inputs);
  });
});

describe("closedPeriodOverlapping", () => {
  it("finds the closed period the API's 409 names", () => {
    const period = closedPeriodOverlapping(PERIODS, "2023-04-01", "2023-04-30");
    expect(period?.name).toBe("FY2023");
    expect(PROBLEM_CLOSED_PERIOD.detail).toContain(`'${period?.name}'`);
    expect(closedPeriodOverlapping(PERIODS, "2023-12-31", "2024-01-31")?.name).toBe("FY2023");
    expect(closedPeriodOverlapping(PERIODS, "2024-01-01", "2024-01-31")).toBeUndefined();
  });
});
