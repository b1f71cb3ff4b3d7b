"""Checking a request, and a private factor's electricity basis, before resolution: each
refusal a 422 saying what is accepted."""

from __future__ import annotations

import math
from typing import Final

from ecotrack.carbon import gwp, units
from ecotrack.carbon.engine.catalogue import ACTIVITIES
from ecotrack.carbon.engine.electricity import _ELECTRICITY
from ecotrack.carbon.engine.resolution import _option_values, _regions
from ecotrack.carbon.engine.specs import ActivitySpec, OptionSpec, _option_text
from ecotrack.carbon.engine.travel import MAX_PASSENGERS
from ecotrack.carbon.factors import ELECTRICITY_BASES, ElectricityBasis, FactorLibrary
from ecotrack.carbon.schemas import EstimateRequest
from ecotrack.core.errors import UnprocessableContent

MAX_OPTION_NUMBER: Final = 1e6
"""The largest free number an option takes (a contractual factor in kg CO2e per kWh)."""
METHODS: Final = ("location", "market")


def _activity(activity: str) -> ActivitySpec:
    spec = ACTIVITIES.get(activity)
    if spec is None:
        raise UnprocessableContent(
            f"unknown activity {activity!r}", accepted_activities=sorted(ACTIVITIES)
        )
    return spec


def check_region(library: FactorLibrary, region: str) -> None:
    """A 422 listing the regions with data unless ``region`` is one of them."""
    if region not in _regions(library):
        raise UnprocessableContent(
            f"unknown region {region!r}: use an ISO 3166-1 alpha-2 code, a US state "
            "as US-XX, or an eGRID subregion as US-XXXX",
            accepted_regions=sorted(_regions(library)),
        )


def _validate(
    library: FactorLibrary, request: EstimateRequest
) -> tuple[ActivitySpec, dict[str, str], dict[str, float], str]:
    """(spec, selector options as text, numeric options, unit type) or a 422 saying what fits."""
    spec = _activity(request.activity)
    if not math.isfinite(request.quantity) or request.quantity < 0:
        raise UnprocessableContent(
            f"quantity must be a finite number of zero or more, not {request.quantity}",
            accepted_values="finite numbers >= 0",
        )
    if request.gwp not in gwp.GWP_SETS:
        raise UnprocessableContent(
            f"GWP set {request.gwp!r} is not supported", accepted_values=list(gwp.GWP_SETS)
        )
    allowed_methods = list(METHODS) if spec.id == "electricity.grid" else ["location"]
    if request.method not in allowed_methods:
        raise UnprocessableContent(
            f"method {request.method!r} is not accepted for {spec.id}",
            accepted_values=allowed_methods,
        )
    check_region(library, request.region)
    unit_type = units.check_unit(request.unit, spec.unit_types, subject=spec.id)
    units.check_quantity(request.quantity, request.unit)
    texts: dict[str, str] = {}
    numbers: dict[str, float] = {}
    for name, value in request.options.items():
        option = spec.option(name)
        if option is None:
            raise UnprocessableContent(
                f"option {name!r} is not accepted for {spec.id}",
                accepted_options=[o.name for o in spec.options],
            )
        if option.kind in ("count", "number"):
            numbers[name] = _number_option(option, value)
        else:
            texts[name] = _text_option(library, spec, option, value)
    return spec, texts, numbers, unit_type


def _number_option(option: OptionSpec, value: object) -> float:
    # compared, never converted first: an integer too large for a float is refused, not raised
    if option.kind == "count":
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not 1 <= value <= MAX_PASSENGERS
        ):
            raise UnprocessableContent(
                f"option {option.name!r} must be a whole number from 1 to {MAX_PASSENGERS:,}, "
                f"not {_short(value)}",
                accepted_values=f"integers from 1 to {MAX_PASSENGERS}",
            )
        return float(value)
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not 0 <= value <= MAX_OPTION_NUMBER  # NaN and infinities fail this too
    ):
        raise UnprocessableContent(
            f"option {option.name!r} must be a finite number from 0 to {MAX_OPTION_NUMBER:g}, "
            f"not {_short(value)}",
            accepted_values=f"finite numbers from 0 to {MAX_OPTION_NUMBER:g}",
        )
    return float(value)


def _short(value: object) -> str:
    """``repr(value)``, cut short: a 4,000-digit integer is not worth echoing."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _text_option(
    library: FactorLibrary, spec: ActivitySpec, option: OptionSpec, value: object
) -> str:
    if option.kind == "bool":
        if not isinstance(value, bool):
            raise UnprocessableContent(
                f"option {option.name!r} must be true or false, not {value!r}",
                accepted_values=[True, False],
            )
        return _option_text(value)
    text = option.normalise(str(value)) if option.normalise else str(value)
    accepted = _option_values(library, spec, option)
    if not isinstance(value, str) or text not in accepted:
        raise UnprocessableContent(
            f"value {value!r} is not accepted for option {option.name!r} of {spec.id}",
            accepted_values=accepted,
        )
    return text


def _draft_basis(spec: ActivitySpec, basis: str | None) -> ElectricityBasis | None:
    """A private factor's ``electricity_basis``: required for grid electricity, else refused."""
    if spec.id != _ELECTRICITY:
        if basis is not None:
            raise UnprocessableContent(
                f"electricity_basis is for {_ELECTRICITY} factors only, not {spec.id}: "
                "leave it out",
                electricity_activities=[_ELECTRICITY],
            )
        return None
    accepted = list(ELECTRICITY_BASES)
    if basis is None:
        raise UnprocessableContent(
            f"{_ELECTRICITY} factors need an electricity_basis: grid_average for a grid "
            "average (location-based), supplier_specific for a supplier's or utility's "
            "emission rate or other contractual data, residual_mix for a residual mix (both "
            "market-based only)",
            accepted_values=accepted,
        )
    for known in ELECTRICITY_BASES:
        if basis == known:
            return known
    raise UnprocessableContent(
        f"electricity_basis {_short(basis)} is not accepted", accepted_values=accepted
    )
