"""The calculation: a factor applied to an amount in its unit, gas by gas, with the steps."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ecotrack.carbon import gwp, units
from ecotrack.carbon.engine.memo import _GasLine, _memo, _Template
from ecotrack.carbon.engine.specs import ActivitySpec
from ecotrack.carbon.engine.travel import _PASSENGER_DISTANCE
from ecotrack.carbon.factors import Factor, FactorLibrary, ReferenceValue
from ecotrack.carbon.schemas import ActivityRequest
from ecotrack.core.errors import UnprocessableContent


def _fmt(value: float) -> str:
    return f"{value:.10g}"


@dataclass(slots=True)
class _Calc:
    co2e_kg: float
    per_unit_kg: float
    gases: list[dict[str, Any]]
    gwp_applied: str | None
    steps: list[str]


def _template(library: FactorLibrary, factor: Factor, gwp_set: str) -> _Template:
    templates = _memo(library).templates
    key = (factor.id, gwp_set)
    if key not in templates:
        templates[key] = _template_uncached(factor, gwp_set)
    return templates[key]


def _template_uncached(factor: Factor, gwp_set: str) -> _Template:
    per = f"per {factor.unit}"
    if factor.gas_basis == "mass":
        lines, per_unit = [], 0.0
        for gas, published in factor.gases.items():
            if published.published_as_co2e:
                # given as CO2e only (EPA Supply Chain's "HFCs and PFCs, unspecified"): no
                # GWP restates it, so it counts as published in every set
                per_unit += published.value
                as_published = (
                    f"{gas}: ",
                    f" {factor.unit} × {_fmt(published.value)} {published.unit} {per} = ",
                    f" kg CO2e (published as CO2e on {factor.gwp_basis or 'an unstated basis'}; "
                    "no GWP applied)",
                )
                lines.append(_GasLine(gas, published.value, None, as_published))
                continue
            per_kg = published.value * units.conversion_factor(published.unit, "kg")
            potential = gwp.gwp(gas, gwp_set)
            per_unit += per_kg * potential.value
            # a computed blend shows its arithmetic and sources in a step before this one
            source = (
                f"{gas} {gwp_set}, computed above"
                if potential.derivation is not None
                else potential.source
            )
            step = (
                f"{gas}: ",
                f" {factor.unit} × {_fmt(published.value)} {published.unit} {per} = ",
                f" kg {gas}; × GWP {_fmt(potential.value)} ({source}) = ",
                " kg CO2e",
            )
            derivation = potential.source if potential.derivation is not None else None
            lines.append(_GasLine(gas, per_kg, potential.value, step, derivation))
        co2e = factor.co2e
        if co2e is not None and factor.gwp_basis == gwp_set:
            # the publisher's CO2e on the requested set stays the total (EPA Supply Chain:
            # AR5); the gases, rounded one by one, sum to it only within their rounding
            kept = (
                "Total = published CO2e: ",
                f" {factor.unit} × {_fmt(co2e.value)} {co2e.unit} CO2e {per} = ",
                f" kg CO2e ({gwp_set}, the requested set, as published; the gases above, each "
                "as published, sum to ",
                " kg CO2e)",
            )
            per_co2e = co2e.value * units.conversion_factor(co2e.unit, "kg")
            return _Template(per_co2e, gwp_set, tuple(lines), kept)
        return _Template(per_unit, gwp_set, tuple(lines), ())
    basis = factor.gwp_basis or "not stated by the source"
    shares = tuple(
        _GasLine(
            gas,
            published.value * units.conversion_factor(published.unit, "kg"),
            None,
            (
                f"{gas} share: ",
                f" {factor.unit} × {_fmt(published.value)} {published.unit} CO2e {per} = ",
                " kg CO2e (published as CO2e)",
            ),
        )
        for gas, published in factor.gases.items()
    )
    if factor.co2e is None:
        # a few DESNZ 2019-2021 rows publish each gas's CO2e share but not their sum
        per_unit = sum(line.per_unit for line in shares)
        total_step = (
            "CO2e = ",
            f" {factor.unit} × {_fmt(per_unit)} kg CO2e {per} (the sum of the published "
            "per-gas shares) = ",
            f" kg CO2e (GWP basis {basis})",
        )
        return _Template(per_unit, factor.gwp_basis, shares, total_step)
    total_step = (
        "CO2e = ",
        f" {factor.unit} × {_fmt(factor.co2e.value)} {factor.co2e.unit} CO2e {per} = ",
        f" kg CO2e (published CO2e; GWP basis {basis})",
    )
    per_unit = factor.co2e.value * units.conversion_factor(factor.co2e.unit, "kg")
    return _Template(per_unit, factor.gwp_basis, shares, total_step)


def _apply(library: FactorLibrary, factor: Factor, amount: float, gwp_set: str) -> _Calc:
    """CO2e of ``amount`` factor units, per gas where the factor publishes gases."""
    template = _template(library, factor, gwp_set)
    quantity = _fmt(amount)
    gases: list[dict[str, Any]] = []
    steps: list[str] = []
    if factor.gas_basis == "mass":
        for line in template.gases:
            if line.gwp is None:  # a gas published as CO2e only: counted as published
                co2e = line.per_unit * amount
                gases.append({"gas": line.gas, "mass_kg": None, "co2e_kg": co2e, "gwp": None})
                head, unit, tail = line.text
                steps.append(head + quantity + unit + _fmt(co2e) + tail)
                continue
            if line.derivation is not None:
                steps.append(line.derivation)
            mass = line.per_unit * amount
            co2e = mass * line.gwp
            gases.append({"gas": line.gas, "mass_kg": mass, "co2e_kg": co2e, "gwp": line.gwp})
            head, unit, gwp_text, tail = line.text
            steps.append(head + quantity + unit + _fmt(mass) + gwp_text + _fmt(co2e) + tail)
        summed = sum(g["co2e_kg"] for g in gases)
        if template.text:  # a published CO2e on the requested set is the total
            total = template.per_unit_kg * amount
            head, unit, middle, tail = template.text
            steps.append(head + quantity + unit + _fmt(total) + middle + _fmt(summed) + tail)
        else:
            total = summed
            steps.append(f"Total = sum of the gases = {_fmt(total)} kg CO2e")
        return _Calc(total, template.per_unit_kg, gases, gwp_set, steps)
    total = template.per_unit_kg * amount
    head, unit, tail = template.text
    steps.append(head + quantity + unit + _fmt(total) + tail)
    for line in template.gases:
        share = line.per_unit * amount
        gases.append({"gas": line.gas, "mass_kg": None, "co2e_kg": share, "gwp": None})
        head, unit, tail = line.text
        steps.append(head + quantity + unit + _fmt(share) + tail)
    return _Calc(total, template.per_unit_kg, gases, template.gwp_applied, steps)


def _restated(factor: Factor, gwp_set: str) -> str | None:
    """The notice of a per-gas factor whose published CO2e is not on the requested set, so
    that the CO2e is computed from its masses, with any gas it can only count as published."""
    co2e = factor.co2e
    if factor.gas_basis != "mass" or co2e is None or factor.gwp_basis == gwp_set:
        return None
    basis = factor.gwp_basis
    notice = (
        f"the CO2e is computed from the factor's published per-gas masses with {gwp_set} GWPs; "
        f"its published CO2e, {_fmt(co2e.value)} {co2e.unit} CO2e per {factor.unit}, is "
        + (f"on {basis} (the total when {basis} is requested)" if basis else "on an unstated basis")
    )
    as_published = [gas for gas, value in factor.gases.items() if value.published_as_co2e]
    if as_published:
        notice += (
            f"; {', '.join(as_published)}: published as CO2e only (on "
            f"{basis or 'an unstated basis'}), counted as published, not restated in {gwp_set}"
        )
    return notice


def _amount_in_factor_unit(
    spec: ActivitySpec, request: ActivityRequest, factor: Factor, passengers: float
) -> tuple[float, list[str]]:
    """Convert the quantity to the factor's unit; passengers multiply a per-passenger distance."""
    unit = request.unit
    target = factor.unit
    steps: list[str] = []
    if spec.per_passenger and units.unit_type(unit) == "distance":
        target = _PASSENGER_DISTANCE[factor.unit]
        if passengers != 1:
            steps.append(
                f"{_fmt(passengers)} passengers each travelled {_fmt(request.quantity)} {unit}"
            )
    elif passengers != 1:
        raise UnprocessableContent(
            f"passengers={_fmt(passengers)} cannot be combined with a passenger-distance unit "
            f"({unit}); give the distance each passenger travelled in km or mile",
            accepted_units=units.accepted_units(["distance"]),
        )
    ratio = units.conversion_factor(unit, target)
    amount = request.quantity * ratio * passengers
    if unit != target or passengers != 1:
        conversion = f" × {_fmt(ratio)} {target}/{unit}" if unit != target else ""
        people = f" × {_fmt(passengers)} passengers" if passengers != 1 else ""
        steps.append(
            f"Quantity: {_fmt(request.quantity)} {unit}{conversion}{people} = "
            f"{_fmt(amount)} {factor.unit}"
        )
    return amount, steps


def _lost_in_td(amount: float, factor: Factor, loss: ReferenceValue) -> tuple[float, list[str]]:
    """The electricity lost in transmission and distribution to deliver ``amount`` (in the
    grid factor's unit) by a grid gross loss rate: a fraction L of the electricity put on
    the grid, so the loss per unit delivered is L / (1 - L) (docs/methodology.md)."""
    rate = loss.value
    per_unit = rate / (1 - rate)
    lost = amount * per_unit
    unit = factor.unit
    return lost, [
        f"Grid gross loss L = {_fmt(rate)}, the fraction of the electricity put on the grid "
        f"that is lost; lost per {unit} used: L / (1 − L) = {_fmt(rate)} / {_fmt(1 - rate)} = "
        f"{_fmt(per_unit)} {unit}",
        f"Electricity lost: {_fmt(amount)} {unit} × {_fmt(per_unit)} = {_fmt(lost)} {unit}, "
        f"at the grid's output emission rate {factor.id} (edition {factor.edition}, "
        f"{factor.dataset_version})",
    ]


def _factor_used(factor: Factor, per_unit_kg: float) -> dict[str, Any]:
    """A :class:`FactorUsed` as fields, validated with the result that holds it."""
    return {
        "id": factor.id,
        "value": per_unit_kg,
        "unit": factor.unit,
        "dataset": factor.dataset,
        "dataset_version": factor.dataset_version,
        "year": factor.year,
        "region": factor.region,
        "citation": factor.citation,
        "licence": factor.licence,
        "source_url": factor.source_url,
        "gwp_basis": factor.gwp_basis,
        "private": factor.private,
    }
