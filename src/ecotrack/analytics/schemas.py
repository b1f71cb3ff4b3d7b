"""Analytics' wire models."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    StrictFloat,
    StrictInt,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ecotrack.analytics.webhooks import EventType
from ecotrack.core.validation import EARLIEST_YEAR, LATEST_YEAR, Name, Text

Metric = Literal["employees", "floor_area_m2", "revenue"]
METRIC_UNITS = {"employees": "FTE", "floor_area_m2": "m2", "revenue": "currency unit"}
# The largest denominator per metric: more than any organisation has (the largest employer
# has about 3 million people), small enough that kg per unit stays a sane number.
MAX_DENOMINATORS: dict[str, float] = {
    "employees": 1e8,
    "floor_area_m2": 1e12,
    "revenue": 1e18,
}


class EmissionsAnswer(BaseModel):
    from_: date = Field(alias="from")
    to: date
    group_by: list[str]
    scope2_method: str
    total_co2e_kg: float
    rows: list[dict[str, Any]]

    model_config = ConfigDict(populate_by_name=True)


class ChangeRow(BaseModel):
    key: dict[str, Any]
    co2e_kg: float
    previous_co2e_kg: float
    change_kg: float
    change_pct: float | None


class ChangeAnswer(BaseModel):
    compare: str
    current: dict[str, date]
    previous: dict[str, date]
    total: ChangeRow
    rows: list[ChangeRow]


class IntensityRow(BaseModel):
    year: int
    co2e_kg: float
    denominator: float | None
    intensity: float | None


class IntensityAnswer(BaseModel):
    metric: Metric
    unit: str
    rows: list[IntensityRow]


class DenominatorIn(BaseModel):
    year: StrictInt = Field(ge=EARLIEST_YEAR, le=LATEST_YEAR)
    metric: Metric
    value: StrictFloat = Field(
        gt=0,
        allow_inf_nan=False,
        description="Finite and above 0; at most 1e8 employees, 1e12 m2 or 1e18 of revenue",
    )

    @model_validator(mode="after")
    def _within_limit(self) -> DenominatorIn:
        limit = MAX_DENOMINATORS[self.metric]
        if self.value > limit:
            raise PydanticCustomError(
                "denominator_too_large",
                "{metric} is at most {limit}, not {value}",
                {"metric": self.metric, "limit": f"{limit:g}", "value": f"{self.value:g}"},
            )
        return self


class DenominatorOut(BaseModel):
    year: int
    metric: Metric
    value: float
    unit: str


class TargetIn(BaseModel):
    name: Name = Field(max_length=200)
    kind: Literal["absolute", "intensity"] = "absolute"
    metric: Metric | None = None
    scopes: list[Literal[1, 2, 3]] = Field(min_length=1)
    scope2_method: Literal["location", "market"] = "location"
    base_year: StrictInt = Field(ge=EARLIEST_YEAR, le=LATEST_YEAR)
    target_year: StrictInt = Field(ge=EARLIEST_YEAR, le=LATEST_YEAR)
    reduction_pct: StrictFloat = Field(gt=0, le=100, allow_inf_nan=False)

    @model_validator(mode="after")
    def _consistent(self) -> TargetIn:
        if self.target_year <= self.base_year:
            raise ValueError("target_year must be after base_year")
        if (self.kind == "intensity") != (self.metric is not None):
            raise ValueError("an intensity target needs a metric, and only it")
        self.scopes = sorted(set(self.scopes))
        return self


class TargetOut(TargetIn):
    # what was stored is read back as it is: the limits on new input do not apply
    name: str
    base_year: int
    target_year: int
    reduction_pct: float
    id: str
    created_at: datetime


class ForecastPointOut(BaseModel):
    year: int
    value: float
    lower: float
    upper: float


class ForecastAnswer(BaseModel):
    method: str
    confidence: float
    unit: str
    history: dict[int, float]
    points: list[ForecastPointOut]


class AnomalyOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    meter_id: str
    hour: datetime
    value: float
    expected: float
    score: float
    detected_at: datetime
    acknowledged_at: datetime | None
    acknowledged_by: str | None


class MeterHourOut(BaseModel):
    period: datetime
    count: int
    sum: float
    min: float
    max: float


class ReadingsAnswer(BaseModel):
    meter_id: str
    granularity: Literal["hour", "day"]
    kind: str | None
    unit: str | None
    rows: list[MeterHourOut]


class WebhookIn(BaseModel):
    url: HttpUrl
    event_types: list[EventType] = Field(min_length=1)
    description: Text = Field(default="", max_length=200)


class WebhookOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    url: str
    event_types: list[str]
    description: str
    created_at: datetime


class WebhookCreated(WebhookOut):
    secret: str = Field(description="Shown once: sign-check deliveries with it.")


class DeliveryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    event_id: str
    event_type: str
    status: str
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    last_status_code: int | None
    delivered_at: datetime | None
    created_at: datetime
