"""Wire models for estimates: what a caller sends and what the engine answers."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Final, Generic, Literal, Self, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ecotrack.carbon.events import FactorApplied, GasFigures
from ecotrack.carbon.factors import Factor
from ecotrack.core.numbers import Kg
from ecotrack.core.validation import Day, Name, NonBlankText, SingleLine, Text, in_range

# Numbers and booleans in request bodies are strict (a JSON number, a JSON true/false):
# "12" or true for a quantity is refused, not coerced. File imports, whose cells are text
# by nature, validate with strict=False (carbon/imports.py).
#
# Results in kg (CO2e, gas masses, totals) are ``Kg``: unrounded in Python, where they are
# summed and stored, and rounded to the milligram in JSON answers (core/numbers.py).

MAX_PERIOD_DAYS: Final = 366
"""The longest period one activity record may cover, both ends included."""
MAX_FACTOR_KG_PER_UNIT: Final = 1e9
"""The largest private factor (kg CO2e per unit); SF6 is about 2.4e7 kg per tonne."""
MAX_INSTRUMENT_KG_PER_KWH: Final = 100.0
"""The largest contractual factor; the dirtiest grids are about 1 kg CO2e per kWh."""
MAX_FLOOR_AREA_M2: Final = 1e9
STORED: Final = {"stored": True}
"""Validation context for inputs read back from the database: the limits on new input
(period length) were not always there, so a stored record is taken as it was stored."""


class EstimateRequest(BaseModel):
    """One activity to turn into emissions.

    ``gwp`` and ``method`` are plain strings so that a bad value comes back as a problem
    naming the accepted values, like every other bad input, rather than a schema error.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    activity: str | None = Field(
        default=None,
        examples=["fuel.natural_gas"],
        description="What was done; may be left out when factor_id pins a factor (the "
        "activity is then the factor's own)",
    )
    quantity: StrictFloat = Field(
        description="Amount of activity: finite, not negative, and at most 1e12 of the "
        "unit type's base unit (kWh, m3, kg, km, passenger-km, tonne-km, USD, ...)"
    )
    unit: str = Field(examples=["kWh", "therm", "km"])
    region: str | None = Field(
        default=None,
        examples=["GB", "US-TX", "US-CAMX", "DE"],
        description="Where it was done; may be left out when factor_id pins a factor of one "
        "region (the region is then the factor's own)",
    )
    year: StrictInt = Field(ge=1900, le=2100, description="Year the activity took place")
    gwp: str = Field(default="AR5", description="AR4, AR5 or AR6 (100-year)")
    method: str = Field(default="location", description="location or market; electricity only")
    options: dict[str, str | bool | int | float] = Field(default_factory=dict)
    factor_id: str | None = Field(default=None, description="Pin one factor instead of choosing")
    allow_later_year: StrictBool = Field(
        default=False,
        description="Use the earliest later edition (with a notice) when none predates the year",
    )
    data_version: str | None = Field(
        default=None,
        examples=["2026.12"],
        description="Choose factors from this version of the library (its datasets and "
        "editions); the latest when left out. A pinned version's results never change when "
        "the library grows",
    )

    @model_validator(mode="after")
    def _names_an_activity(self) -> Self:
        if self.activity is None and self.factor_id is None:
            raise ValueError("give an activity, or a factor_id to use that factor's activity")
        return self


class ActivityRequest(EstimateRequest):
    """An estimate request with its activity and region settled (the pinned factor's when the
    caller left them out) and its data version named: what the engine resolves."""

    activity: str
    region: str
    data_version: str


class PrivateFactor(Factor):
    """A private factor as its organisation sees it: the factor plus when it was added."""

    created_at: datetime


class InstrumentCreate(BaseModel):
    """A market-based scope 2 instrument the organisation holds (REGO, PPA, supplier rate...)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal[
        "energy_attribute_certificate", "ppa", "supplier_specific", "green_tariff", "other"
    ]
    factor_kg_per_kwh: StrictFloat = Field(ge=0, le=MAX_INSTRUMENT_KG_PER_KWH, allow_inf_nan=False)
    region: SingleLine | None = Field(
        default=None, max_length=20, description="Applies only in this region"
    )
    year: StrictInt | None = Field(
        default=None, ge=1900, le=2100, description="Applies only to this activity year"
    )
    description: Text = Field(default="", max_length=500)


class ContractualInstrument(InstrumentCreate):
    # what was stored is read back as it is: the limits on new input do not apply
    factor_kg_per_kwh: float
    region: str | None = Field(default=None, description="Applies only in this region")
    year: int | None = Field(default=None, description="Applies only to this activity year")
    description: str = ""
    id: str


class InstrumentRecord(ContractualInstrument):
    created_at: datetime


Item = TypeVar("Item")
NonBlank = Name


class PrivateFactorCreate(BaseModel):
    """An organisation's own emission factor, in kg CO2e per ``unit`` of the activity."""

    model_config = ConfigDict(extra="forbid")

    activity: str = Field(examples=["electricity.grid"])
    region: str = Field(examples=["GB"], description="As for estimates, or '*' for any region")
    year: StrictInt = Field(ge=1900, le=2100, description="Year the factor describes")
    unit: str = Field(
        examples=["kWh"], description="Denominator; per passenger for travel activities"
    )
    co2e_kg_per_unit: StrictFloat = Field(
        ge=0, le=MAX_FACTOR_KG_PER_UNIT, allow_inf_nan=False, examples=[0.05]
    )
    options: dict[str, str | bool] = Field(
        default_factory=dict, description="Values of the activity's selecting options"
    )
    gwp_basis: str | None = Field(
        default=None, description="AR4, AR5 or AR6 if the value is CO2e on that GWP set"
    )
    electricity_basis: str | None = Field(
        default=None,
        description="Required for electricity.grid, refused for other activities: "
        "grid_average (a regional or national grid average you source yourself; used "
        "location-based, ahead of the published grid factor, and said so), supplier_specific "
        "(a supplier's or utility's emission rate, or other contractual data) or residual_mix "
        "(the grid's residual mix); the last two count only in the market-based figure",
        examples=["supplier_specific"],
    )
    citation: NonBlankText = Field(max_length=1000, description="Where the number comes from")
    label: SingleLine = Field(default="", max_length=300)
    dataset: str = Field(default="private", pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=64)
    dataset_version: SingleLine = Field(default="", max_length=100)
    source_url: SingleLine = Field(default="", max_length=2000)
    licence: SingleLine = Field(default="proprietary", max_length=200)


class GasResult(BaseModel):
    gas: str
    mass_kg: Kg | None = Field(description="None where the source publishes CO2e only")
    co2e_kg: Kg
    gwp: float | None = Field(description="GWP applied; None where the factor was already CO2e")


class Scope3Category(BaseModel):
    number: int
    name: str


class FactorUsed(BaseModel):
    id: str
    value: float = Field(description="kg CO2e per factor unit, as applied")
    unit: str = Field(description="Denominator unit of the factor")
    dataset: str
    dataset_version: str
    year: int | None
    region: str
    citation: str
    licence: str
    source_url: str
    gwp_basis: str | None = Field(description="GWP set baked into a published CO2e value")
    private: bool = False


class Scope2Figures(BaseModel):
    location_based_kg: Kg
    market_based_kg: Kg
    market_basis: str = Field(description="What the market-based figure rests on")


class OutsideOfScopes(BaseModel):
    biogenic_co2_kg: Kg
    per_unit_kg: float = Field(description="Published kg of biogenic CO2 per factor unit")


class EstimateResult(BaseModel):
    activity: str
    quantity: float
    unit: str
    region: str
    year: int
    co2e_kg: Kg
    gases: list[GasResult]
    scope: Literal[1, 2, 3]
    scope3_category: Scope3Category | None
    factor: FactorUsed
    gwp_requested: str
    gwp_applied: str | None = Field(
        description="GWP set behind co2e_kg: the requested one for per-gas masses, else the "
        "factor's own basis (None when the source does not state it)"
    )
    method: str
    scope2: Scope2Figures | None = None
    selection: str = Field(description="Which dataset and edition were chosen, and why")
    data_version: str = Field(description="The version of the library the factor came from")
    outside_of_scopes: OutsideOfScopes | None = Field(
        default=None,
        description="Biogenic CO2 the factor's publisher reports outside the scopes: shown "
        "beside co2e_kg, never included in it or in any scope total",
    )
    notices: list[str] = Field(default_factory=list)
    steps: list[str]


class BatchItem(BaseModel):
    index: int
    result: EstimateResult | None = None
    problem: dict[str, Any] | None = None


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    items: list[Any] = Field(
        description="Up to 10,000 estimate requests; a bad item gets a problem, not the batch"
    )


class BatchResponse(BaseModel):
    items: list[BatchItem] = Field(description="One answer per item, in order")
    succeeded: int
    failed: int


class OptionInfo(BaseModel):
    name: str
    description: str
    default: str | bool | int | None
    values: list[str] | None = Field(description="Accepted values, None for free numbers")


class ActivityInfo(BaseModel):
    id: str
    description: str
    scope: int
    scope3_category: Scope3Category | None
    accepted_units: list[str]
    options: list[OptionInfo]


class Page(BaseModel, Generic[Item]):
    items: list[Item]
    total: int
    limit: int
    offset: int


# --- the ledger ----------------------------------------------------------------------------

Source = Literal["manual", "api", "csv", "meter"]
Change = Literal["recorded", "corrected", "deleted", "recalculated"]


class UnitCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: NonBlank = Field(max_length=200)
    parent_id: SingleLine | None = Field(
        default=None, max_length=100, description="The unit this one belongs to"
    )


class UnitRecord(UnitCreate):
    name: str
    parent_id: str | None = Field(default=None, description="The unit this one belongs to")
    id: str
    created_at: datetime


class FacilityCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: NonBlank = Field(max_length=200)
    address: Text = Field(default="", max_length=500)
    region: str = Field(examples=["GB", "US-TX"], description="Country or grid region code")
    floor_area_m2: StrictFloat | None = Field(
        default=None, ge=0, le=MAX_FLOOR_AREA_M2, allow_inf_nan=False
    )
    type: Literal["office", "warehouse", "factory", "retail", "data_centre", "site", "other"] = (
        "office"
    )
    unit_id: SingleLine | None = Field(
        default=None, max_length=100, description="Organisational unit"
    )


class FacilityRecord(FacilityCreate):
    name: str
    address: str = ""
    floor_area_m2: float | None = None
    unit_id: str | None = Field(default=None, description="Organisational unit")
    id: str
    created_at: datetime


class PeriodCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: NonBlank = Field(max_length=200, examples=["FY2024"])
    start: Day = Field(description="First day, from 1900-01-01")
    end: Day = Field(description="Last day (inclusive), up to 2100-12-31")

    @model_validator(mode="after")
    def _ordered(self) -> PeriodCreate:
        if self.end < self.start:
            raise ValueError("end is before start")
        return self


class PeriodRecord(PeriodCreate):
    name: str = Field(examples=["FY2024"])
    start: date
    end: date
    id: str
    created_at: datetime
    closed_at: datetime | None
    closed_by: str | None


class ActivityCreate(EstimateRequest):
    """An activity to record: an estimate request plus the dates it covers."""

    period_start: date = Field(description="First day, from 1900-01-01")
    period_end: date = Field(
        description="Last day (inclusive), up to 2100-12-31; at most 366 days after the first"
    )
    facility_id: SingleLine | None = Field(default=None, max_length=100)

    @field_validator("period_start", "period_end")
    @classmethod
    def _in_range(cls, day: date, info: ValidationInfo) -> date:
        # a stored record is taken as it was stored, before these limits if need be
        return day if info.context == STORED else in_range(day)

    @model_validator(mode="after")
    def _ordered(self, info: ValidationInfo) -> ActivityCreate:
        if self.period_end < self.period_start:
            raise ValueError("period_end is before period_start")
        if info.context == STORED:
            return self
        days = (self.period_end - self.period_start).days + 1
        if days > MAX_PERIOD_DAYS:
            raise PydanticCustomError(
                "period_too_long",
                "an activity covers at most {max_days} days; {start} to {end} is {days} days: "
                "record it as one activity per year or shorter period",
                {
                    "max_days": MAX_PERIOD_DAYS,
                    "start": str(self.period_start),
                    "end": str(self.period_end),
                    "days": days,
                },
            )
        return self

    def estimate_request(self) -> EstimateRequest:
        return EstimateRequest.model_validate(
            self.model_dump(exclude={"period_start", "period_end", "facility_id"}), strict=False
        )


class RecordedGas(GasFigures):
    """A gas of a recorded version as answers show it (the event keeps it unrounded)."""

    mass_kg: Kg | None
    co2e_kg: Kg


class ActivityRecord(BaseModel):
    """One version of an activity as stored; ``id`` names the activity across versions."""

    id: str
    version: int
    supersedes: int | None
    change: Change
    deleted: bool
    organization_id: str
    facility_id: str | None
    meter_id: str | None = None
    activity: str
    quantity: float
    unit: str
    region: str
    year: int
    period_start: date
    period_end: date
    scope: int
    category: int | None
    co2e_kg: Kg
    location_based_kg: Kg | None
    market_based_kg: Kg | None
    gases: dict[str, RecordedGas]
    gwp: str
    factor: FactorApplied
    inputs: dict[str, Any] = Field(description="The request as recorded")
    calculation: EstimateResult = Field(
        description="The engine's answer as stored with this version: the factor with its "
        "source, the GWP set applied, why that factor was chosen, notices and the steps"
    )
    source: Source
    recorded_by: str | None
    recorded_at: datetime


class TotalGroup(BaseModel):
    key: str
    co2e_kg: Kg = Field(description="Summed unrounded, then rounded to the milligram")
    activities: int


class Totals(BaseModel):
    co2e_kg: Kg = Field(description="Summed unrounded, then rounded to the milligram")
    activities: int
    group_by: str | None
    groups: list[TotalGroup]


class RowError(BaseModel):
    row: int = Field(description="Line of the file (the header is line 1), or index of a reading")
    column: str | None = None
    detail: str
    accepted: Any = None


class ImportReport(BaseModel):
    mode: Literal["all_or_nothing", "valid_rows"]
    rows: int
    imported: int
    failed: int = Field(description="Rows with at least one error")
    error_count: int = Field(description="Every error found; `errors` lists the first 100")
    activity_ids: list[str]
    errors: list[RowError] = Field(description="The first 100 errors, in row order")


class RecalculationRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    activity_ids: list[Annotated[SingleLine, Field(max_length=100)]] | None = Field(
        default=None, description="Only these activities; all current ones when absent"
    )


class RecalculationItem(BaseModel):
    activity_id: str
    version: int = Field(description="The version recalculated (the new one is version + 1)")
    old_co2e_kg: Kg
    new_co2e_kg: Kg
    old_factor_id: str
    new_factor_id: str


class RecalculationSkipped(BaseModel):
    activity_id: str
    detail: str = Field(description="Why not: a closed period, a pinned factor that is gone...")


class RecalculationReport(BaseModel):
    applied: bool
    items: list[RecalculationItem]
    skipped: list[RecalculationSkipped]


MeterKind = Literal["electricity", "natural_gas", "water", "waste", "heat", "other"]


class MeterCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    facility_id: SingleLine = Field(max_length=100)
    name: NonBlank = Field(max_length=200)
    kind: MeterKind
    unit: str = Field(examples=["kWh", "m3"])
    region: str | None = Field(default=None, description="Default: the facility's region")
    activity: str | None = Field(
        default=None,
        description="The activity its readings are; default by kind (electricity.grid, "
        "fuel.natural_gas); a water meter has none and rolls up no emissions",
    )
    options: dict[str, str | bool | int | float] = Field(default_factory=dict)


class MeterRecord(BaseModel):
    id: str
    facility_id: str
    name: str
    kind: str
    unit: str
    region: str
    activity: str | None
    options: dict[str, str | bool | int | float]
    created_at: datetime


class IngestReport(BaseModel):
    batch_id: str
    meter_id: str
    accepted: int
    rejected: int
    errors: list[RowError]
    days: list[str] = Field(description="Days whose emissions were recorded or corrected")
    activity_ids: list[str]


class Reading(BaseModel):
    ts: datetime
    value: float
