"""Analytics' wire models."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

from ecotrack.analytics.webhooks import EventType

Metric = Literal["employees", "floor_area_m2", "revenue"]
METRIC_UNITS = {"employees": "FTE", "floor_area_m2": "m2", "revenue": "currency unit"}


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
    year: int = Field(ge=1900, le=2200)
    metric: Metric
    value: float = Field(gt=0)


class DenominatorOut(DenominatorIn):
    unit: str


class TargetIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    kind: Literal["absolute", "intensity"] = "absolute"
    metric: Metric | None = None
    scopes: list[Literal[1, 2, 3]] = Field(min_length=1)
    scope2_method: Literal["location", "market"] = "location"
    base_year: int = Field(ge=1900, le=2200)
    target_year: int = Field(ge=1900, le=2200)
    reduction_pct: float = Field(gt=0, le=100)

    @model_validator(mode="after")
    def _consistent(self) -> TargetIn:
        if self.target_year <= self.base_year:
            raise ValueError("target_year must be after base_year")
        if (self.kind == "intensity") != (self.metric is not None):
            raise ValueError("an intensity target needs a metric, and only it")
        self.scopes = sorted(set(self.scopes))
        return self


class TargetOut(TargetIn):
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
    description: str = Field(default="", max_length=200)


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
