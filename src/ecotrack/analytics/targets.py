"""Reduction targets, their progress, and the forecast of annual emissions.

The forecast is an ordinary least-squares linear trend on annual totals with a 95 %
prediction interval from Student's t distribution (docs/api.md, "Analytics", has the formulas).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from ecotrack.analytics.models import Denominator, Target
from ecotrack.analytics.queries import Scope2Method, annual_totals, kg
from ecotrack.core.errors import UnprocessableContent
from ecotrack.core.events import Event
from ecotrack.core.events.outbox import Outbox
from ecotrack.core.numbers import round_kg

MIN_FORECAST_YEARS = 3
CONFIDENCE = 0.95


@dataclass(frozen=True)
class ForecastPoint:
    year: int
    value: float
    lower: float
    upper: float


def linear_forecast(history: dict[int, float], years: list[int]) -> list[ForecastPoint]:
    """OLS trend through ``history`` (year → value), with 95 % prediction intervals.

    ŷ(x0) = a + b·x0;  half-width = t(0.975, n−2) · s · √(1 + 1/n + (x0 − x̄)² / Sxx),
    where s² = Σ residuals² / (n − 2) and Sxx = Σ (x − x̄)².
    """
    if len(history) < MIN_FORECAST_YEARS:
        raise UnprocessableContent(
            f"a forecast needs at least {MIN_FORECAST_YEARS} years with data; "
            f"there are {len(history)}",
            years_with_data=sorted(history),
        )
    x = np.array(sorted(history), dtype=float)
    y = np.array([history[int(year)] for year in x], dtype=float)
    n = len(x)
    x_mean = x.mean()
    sxx = float(((x - x_mean) ** 2).sum())
    slope = float(((x - x_mean) * (y - y.mean())).sum() / sxx)
    intercept = float(y.mean() - slope * x_mean)
    residuals = y - (intercept + slope * x)
    s = float(np.sqrt((residuals**2).sum() / (n - 2)))
    # Imported here: scipy.stats takes seconds to import, and only forecasts need it.
    from scipy import stats

    t = float(stats.t.ppf(0.5 + CONFIDENCE / 2, n - 2))
    points = []
    for year in years:
        value = intercept + slope * year
        half = t * s * float(np.sqrt(1 + 1 / n + (year - x_mean) ** 2 / sxx))
        points.append(
            ForecastPoint(year, round_kg(value), round_kg(value - half), round_kg(value + half))
        )
    return points


async def denominators(
    session: AsyncSession, organization_id: str, metric: str
) -> dict[int, float]:
    rows = await session.execute(
        sa.select(Denominator.year, Denominator.value).where(
            Denominator.organization_id == organization_id, Denominator.metric == metric
        )
    )
    return {row.year: row.value for row in rows}


async def target_series(session: AsyncSession, target: Target) -> dict[int, float]:
    """The target's measure per year with data: kg CO2e, or kg per denominator unit."""
    method: Scope2Method = "market" if target.scope2_method == "market" else "location"
    totals = {
        year: kg(pg)
        for year, pg in (
            await annual_totals(session, target.organization_id, tuple(target.scopes), method)
        ).items()
    }
    if target.kind == "absolute" or target.metric is None:
        return totals
    per = await denominators(session, target.organization_id, target.metric)
    return {year: value / per[year] for year, value in totals.items() if per.get(year)}


def path_value(target: Target, base: float, year: int) -> float:
    """The straight line from the base-year value to the target-year value."""
    goal = base * (1 - target.reduction_pct / 100)
    share = (year - target.base_year) / (target.target_year - target.base_year)
    return base - (base - goal) * min(max(share, 0.0), 1.0)


async def progress(session: AsyncSession, target: Target) -> dict[str, Any]:
    series = await target_series(session, target)
    base = series.get(target.base_year)
    if not base:
        raise UnprocessableContent(
            f"no emissions{' intensity' if target.kind == 'intensity' else ''} "
            f"for the base year {target.base_year}",
            years_with_data=sorted(series),
        )
    goal = base * (1 - target.reduction_pct / 100)
    since = {year: value for year, value in series.items() if year >= target.base_year}
    latest_year = max(since)
    latest = since[latest_year]
    remaining = target.target_year - latest_year
    years = [
        {
            "year": year,
            "actual": since.get(year),
            "target_path": round_kg(path_value(target, base, year)),
        }
        for year in range(target.base_year, max(latest_year, target.base_year) + 1)
    ]
    linear = (latest - goal) / remaining if remaining > 0 else None
    compound = (1 - (goal / latest) ** (1 / remaining)) * 100 if remaining > 0 and latest else None
    forecast = None
    if len(since) >= MIN_FORECAST_YEARS:
        point = linear_forecast(since, [target.target_year])[0]
        forecast = {
            "year": point.year,
            "value": point.value,
            "lower": point.lower,
            "upper": point.upper,
            "meets_target": point.value <= goal,
        }
    path_now = path_value(target, base, latest_year)
    return {
        "target_id": target.id,
        "unit": "kg CO2e" if target.kind == "absolute" else f"kg CO2e per {target.metric}",
        "base_value": base,
        "target_value": round_kg(goal),
        "latest_year": latest_year,
        "latest_value": latest,
        "target_path_value": round_kg(path_now),
        "reduction_achieved_pct": round((1 - latest / base) * 100, 4),
        "required_annual_reduction": {
            "linear_per_year": None if linear is None else round_kg(linear),
            "compound_pct_per_year": None if compound is None else round(compound, 4),
        },
        "on_track": latest <= path_now + 1e-9,
        "years": years,
        "forecast": forecast,
    }


async def report_off_track(session: AsyncSession, outbox: Outbox, organization_id: str) -> None:
    """Publish ``target.off_track`` once per target and year that is behind its path."""
    targets = (
        await session.scalars(sa.select(Target).where(Target.organization_id == organization_id))
    ).all()
    for target in targets:
        try:
            result = await progress(session, target)
        except UnprocessableContent:
            continue  # no base year yet: nothing to be off track against
        if result["on_track"] or target.off_track_reported_year == result["latest_year"]:
            continue
        target.off_track_reported_year = result["latest_year"]
        await outbox.add(
            session,
            Event.new(
                "target.off_track",
                source="analytics",
                tenant=organization_id,
                data={
                    "target_id": target.id,
                    "organization_id": organization_id,
                    "year": result["latest_year"],
                    "projected_kg": result["latest_value"],
                    "target_path_kg": result["target_path_value"],
                },
            ),
        )
