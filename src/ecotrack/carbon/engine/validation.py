"""Checking a request, and a private factor's electricity basis, before resolution: each
refusal a 422 saying what is accepted."""

from __future__ import annotations

import math
from functools import cache
from typing import Final

from ecotrack.carbon import gwp, units
from ecotrack.carbon.engine.catalogue import ACTIVITIES
from ecotrack.carbon.engine.electricity import _ELECTRICITY
from ecotrack.carbon.engine.resolution import _option_values
from ecotrack.carbon.engine.specs import ActivitySpec, OptionSpec, _option_text
from ecotrack.carbon.engine.travel import MAX_PASSENGERS
from ecotrack.carbon.factors import (
    ANY_REGION,
    DATA_VERSIONS,
    ELECTRICITY_BASES,
    LATEST_DATA_VERSION,
    ElectricityBasis,
    FactorLibrary,
)
from ecotrack.carbon.factors.model import Scope
from ecotrack.carbon.schemas import ActivityRequest, EstimateRequest
from ecotrack.core.errors import UnprocessableContent

MAX_OPTION_NUMBER: Final = 1e6
"""The largest free number an option takes (a contractual factor in kg CO2e per kWh)."""
MAX_OPTION_TEXT: Final = 300
"""The longest free text an option takes (where an exchange rate comes from)."""
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
    if region not in library.regions():
        raise UnprocessableContent(
            f"unknown region {region!r}: use an ISO 3166-1 alpha-2 code, a US state "
            "as US-XX, an eGRID subregion as US-XXXX, an Australian state, territory or grid "
            "as AU-XX (AU-WA-SWIS) or a Canadian province or territory as CA-XX",
            accepted_regions=sorted(library.regions()),
        )


def settle(library: FactorLibrary, request: EstimateRequest) -> ActivityRequest:
    """The request with its activity and region (the pinned factor's, where left out) and a
    known data version (the latest, where left out)."""
    version = request.data_version or LATEST_DATA_VERSION
    if version not in DATA_VERSIONS:
        raise UnprocessableContent(
            f"unknown data version {version!r}", accepted_values=list(DATA_VERSIONS)
        )
    activity, region = request.activity, request.region
    factor = None if request.factor_id is None else library.get(request.factor_id)
    if factor is not None and request.data_version is None:
        # a pinned factor of an older edition answers in the newest version that holds it
        holding = [name for name, held in DATA_VERSIONS.items() if factor.edition in held]
        version = holding[-1] if holding and not factor.private else version
    if activity is None or region is None:
        assert factor is not None  # the request's validator requires one or both
        activity = activity or factor.activity
        if region is None:
            if factor.region == ANY_REGION:
                raise UnprocessableContent(
                    f"factor {factor.id} serves any region: give the activity's region",
                    accepted_regions=sorted(library.regions()),
                )
            region = factor.region
    fields = request.__dict__ | {"activity": activity, "region": region, "data_version": version}
    return ActivityRequest.model_construct(**fields)


def _spec(library: FactorLibrary, request: ActivityRequest) -> ActivitySpec:
    """The catalogue's activity, or for a factor pinned outside it one built from the factor."""
    spec = ACTIVITIES.get(request.activity)
    if spec is not None or request.factor_id is None:
        return _activity(request.activity)
    factor = library.get(request.factor_id)
    if factor.activity != request.activity:
        return _activity(request.activity)
    return _pinned_spec(factor.activity, factor.unit_type, factor.scope, factor.scope3_category)


@cache
def _pinned_spec(
    activity: str, unit_type: str, scope: Scope | None, category: int | None
) -> ActivitySpec:
    return ActivitySpec(
        activity,
        f"{activity} (a published factor outside the activity catalogue, pinned by id)",
        (unit_type,),
        scope or 3,  # every published factor states its scope; a private one is in the catalogue
        category,
    )


def _validate(
    library: FactorLibrary, request: ActivityRequest
) -> tuple[ActivitySpec, dict[str, str], dict[str, float], str]:
    """(spec, selector options as text, numeric options, unit type) or a 422 saying what fits."""
    spec = _spec(library, request)
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
    subject = spec.id if request.factor_id is None else f"{spec.id} (factor {request.factor_id})"
    unit_type = units.check_unit(request.unit, spec.unit_types, subject=subject)
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
        elif option.kind == "text":
            _free_text(option, value)  # read where it is used; kept out of resolution's keys
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


def _free_text(option: OptionSpec, value: object) -> None:
    if (
        not isinstance(value, str)
        or not value.strip()
        or len(value) > MAX_OPTION_TEXT
        or not value.isprintable()
    ):
        raise UnprocessableContent(
            f"option {option.name!r} must be one line of text, up to {MAX_OPTION_TEXT} "
            f"characters, not {_short(value)}",
            accepted_values=f"text of 1 to {MAX_OPTION_TEXT} printable characters",
        )


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
    # a whole number names a numbered choice as well as its digits do ("category": 10)
    numbered = isinstance(value, int) and not isinstance(value, bool)
    if not (isinstance(value, str) or numbered) or text not in accepted:
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
