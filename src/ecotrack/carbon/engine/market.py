"""The market-based Scope 2 figure of grid electricity, by the Scope 2 Guidance's hierarchy."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ecotrack.carbon import units
from ecotrack.carbon.engine.calculation import _amount_in_factor_unit, _apply, _factor_used
from ecotrack.carbon.engine.electricity import _MARKET_ONLY, _electricity_basis
from ecotrack.carbon.engine.memo import _memo, _Resolved
from ecotrack.carbon.engine.resolution import _choose
from ecotrack.carbon.engine.specs import ActivitySpec
from ecotrack.carbon.factors import ANY_REGION, ElectricityBasis, FactorLibrary
from ecotrack.carbon.schemas import ActivityRequest, ContractualInstrument
from ecotrack.core.errors import UnprocessableContent


@dataclass(slots=True)
class _Market:
    """The market-based figure, what it rests on, and how it was reached."""

    kg: float
    basis: str
    used: dict[str, Any] | None  # None: the grid average of the location-based figure
    gases: list[dict[str, Any]] = field(default_factory=list)
    gwp_applied: str | None = None
    steps: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def _market_based(
    library: FactorLibrary,
    spec: ActivitySpec,
    request: ActivityRequest,
    texts: Mapping[str, str],
    numbers: Mapping[str, float],
    instruments: Sequence[ContractualInstrument],
    unit_type: str,
    location_kg: float,
) -> _Market:
    """The Scope 2 Guidance's market-based hierarchy, first that applies.

    Contractual instruments (a factor given with the request, then the organisation's
    instruments), supplier-specific emission rates, the residual mix (both private factors of
    that basis), and last the grid average of the location-based figure. Every step below
    the instruments says so in a notice.
    """
    kwh = request.quantity * units.conversion_factor(request.unit, "kWh")
    contract = numbers.get("contract_factor_kg_per_kwh")
    if contract is not None:
        return _contractual(
            request, kwh, contract, "contract factor given in options", "request option", "contract"
        )
    instrument = next(
        (
            i
            for i in instruments
            if i.region in (None, request.region) and i.year in (None, request.year)
        ),
        None,
    )
    if instrument is not None:
        return _contractual(
            request,
            kwh,
            instrument.factor_kg_per_kwh,
            f"contractual instrument {instrument.id} ({instrument.kind})",
            instrument.description or instrument.kind,
            f"instrument:{instrument.id}",
        )
    missing = ["contractual instrument"]
    notices: list[str] = []
    for basis, name in _MARKET_ONLY.items():
        resolved, unfit = _market_factor(library, spec, request, texts, unit_type, basis)
        if unfit is not None:
            notices.append(f"market-based: the organisation's {name} factors do not fit: {unfit}")
        if resolved is None:
            missing.append("residual mix" if basis == "residual_mix" else f"{name} factor")
            continue
        factor = resolved.factor
        amount, steps = _amount_in_factor_unit(spec, request, factor, 1.0)
        calc = _apply(library, factor, amount, request.gwp)
        notices.append(
            f"market-based: no {_none_of(missing)} covers this; the {name} factor {factor.id} "
            "is used, as the Scope 2 Guidance's hierarchy has it next"
        )
        notices.extend(f"market-based: {notice}" for notice in resolved.notices)
        if factor.gwp_basis != request.gwp:
            notices.append(
                f"market-based: the factor is published as CO2e on "
                f"{factor.gwp_basis or 'an unstated GWP basis'}; the requested {request.gwp} "
                "could not be applied"
            )
        return _Market(
            calc.co2e_kg,
            f"{name} factor {factor.id} ({factor.dataset})",
            _factor_used(factor, calc.per_unit_kg),
            calc.gases,
            calc.gwp_applied,
            [
                f"Market-based factor selection: {resolved.selection}",
                f"Market-based factor {factor.id}: {factor.label} — {factor.citation}",
                *(f"Market-based: {step}" for step in (*steps, *calc.steps)),
            ],
            notices,
        )
    notices.append(
        f"market-based: no {_none_of(missing)} covers this; the grid average (the "
        "location-based figure) is used, which the Scope 2 Guidance allows only as a last "
        "resort (EcoTrack ships no residual mix: add the grid's as a residual_mix private "
        "factor where one is published)"
    )
    return _Market(
        location_kg,
        f"grid-average fallback: no {_none_of(missing)} applies",
        None,
        notices=notices,
    )


def _none_of(kinds: Sequence[str]) -> str:
    return kinds[0] if len(kinds) == 1 else f"{', '.join(kinds[:-1])} or {kinds[-1]}"


def _contractual(
    request: ActivityRequest, kwh: float, factor: float, basis: str, label: str, used_id: str
) -> _Market:
    used = {
        "id": used_id,
        "value": factor,
        "unit": "kWh",
        "dataset": "contractual-instrument",
        "dataset_version": "supplied by the organisation",
        "year": request.year,
        "region": request.region,
        "citation": label,
        "licence": "n/a",
        "source_url": "",
        "gwp_basis": None,
    }
    return _Market(kwh * factor, basis, used)


def _market_factor(
    library: FactorLibrary,
    spec: ActivitySpec,
    request: ActivityRequest,
    options: Mapping[str, str],
    unit_type: str,
    basis: ElectricityBasis,
) -> tuple[_Resolved | None, str | None]:
    """The organisation's private factor of a market-only basis for the request, if one fits,
    and why none did when there were some."""
    key = (
        basis,
        request.region,
        request.year,
        unit_type,
        tuple(sorted(options.items())),
        request.allow_later_year,
    )
    memo = _memo(library).market
    if key not in memo:
        memo[key] = _market_factor_uncached(library, spec, request, options, unit_type, basis)
    return memo[key]


def _market_factor_uncached(
    library: FactorLibrary,
    spec: ActivitySpec,
    request: ActivityRequest,
    options: Mapping[str, str],
    unit_type: str,
    basis: ElectricityBasis,
) -> tuple[_Resolved | None, str | None]:
    name = _MARKET_ONLY[basis]
    candidates = [
        f
        for f in library.for_activity(spec.id)
        if f.private and f.region in (request.region, ANY_REGION) and _electricity_basis(f) == basis
    ]
    if not candidates:
        return None, None
    why = f"the organisation's {name} (private) factor applies to the market-based figure"
    try:
        resolved = _choose(spec, candidates, request, options, unit_type, why)
    except UnprocessableContent as unfit:
        return None, unfit.detail
    factor = resolved.factor
    if factor.year != request.year:
        vintage = (
            f"the {name} factor describes {factor.year}, not the activity year "
            f"{request.year}; the Scope 2 Quality Criteria ask for contractual data from as "
            "close as possible to the period of consumption"
        )
        resolved = _Resolved(factor, resolved.selection, (*resolved.notices, vintage))
    return resolved, None
