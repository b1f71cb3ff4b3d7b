"""The activity catalogue and the calculation: activity data in, kg CO2e and its audit trail out.

Resolution of a request to one factor, in order:

1. ``factor_id`` pins a factor outright.
2. Otherwise the caller's private factors for the activity and region are tried first, then the
   public dataset that serves the region (see :func:`_route`). For grid electricity only the
   private grid averages are tried, with a notice: supplier-specific and residual-mix factors
   count only in the market-based figure, which follows the Scope 2 Guidance's hierarchy
   (see :func:`_market_based`).
3. Among those, the factor must accept the unit's type (energy, volume, ...), match every
   option the dataset distinguishes (the option's default when the caller gave none), and be
   from the latest edition not after the activity year. A later edition is only used when the
   request sets ``allow_later_year``, and then the result says so.

Resolutions, and what each factor contributes under each GWP set (numbers and wording), are
cached per library; unit conversions per (unit, target) pair.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Final, Literal

from pydantic import ValidationError

from ecotrack.carbon import gwp, units
from ecotrack.carbon.factors import (
    ANY_REGION,
    ELECTRICITY_BASES,
    ElectricityBasis,
    Factor,
    FactorLibrary,
    GasValue,
    make_id,
)
from ecotrack.carbon.schemas import (
    ActivityInfo,
    BatchItem,
    ContractualInstrument,
    EstimateRequest,
    EstimateResult,
    OptionInfo,
    PrivateFactorCreate,
    Scope3Category,
)
from ecotrack.core.errors import PayloadTooLarge, Problem, UnprocessableContent, problem_body

MAX_BATCH_ITEMS: Final = 10_000
MAX_CO2E_KG: Final = 1e12
"""The most CO2e one estimate or record may come to: a gigatonne, about a fiftieth of the
world's yearly emissions. Analytics keeps milligrams in 64-bit integers (up to 9.2e18 mg)."""
MAX_PASSENGERS: Final = 1_000_000_000
MAX_OPTION_NUMBER: Final = 1e6
"""The largest free number an option takes (a contractual factor in kg CO2e per kWh)."""
METHODS: Final = ("location", "market")
SCOPE3_CATEGORIES: Final = {
    3: "Fuel- and energy-related activities (not included in scope 1 or scope 2)",
    5: "Waste generated in operations",
    6: "Business travel",
    7: "Employee commuting",
}
_PASSENGER_DISTANCE: Final = {"passenger_km": "km", "passenger_mile": "mile"}


@dataclass(frozen=True, slots=True)
class OptionSpec:
    name: str
    description: str
    kind: Literal["choice", "bool", "count", "number"] = "choice"
    default: str | bool | int | None = None
    selector: bool = True  # matched against factor options, rather than used in the arithmetic
    match_as: Mapping[str, str] = field(default_factory=dict)  # value -> factor option value
    values: tuple[str, ...] = ()  # accepted values not read from the factors
    normalise: Callable[[str], str] | None = None


@dataclass(frozen=True, slots=True)
class ActivitySpec:
    id: str
    description: str
    unit_types: tuple[str, ...]
    scope: Literal[1, 2, 3]
    scope3_category: int | None = None
    options: tuple[OptionSpec, ...] = ()
    # outside GB and the US, may the UK (DESNZ) factors stand in? Yes only where they are
    # physical properties (fuels) or published for non-UK use (international flights, cars)
    global_default: bool = False
    per_passenger: bool = False
    # purpose option value -> (scope, scope 3 category)
    purposes: Mapping[str, tuple[Literal[1, 2, 3], int | None]] = field(default_factory=dict)

    def option(self, name: str) -> OptionSpec | None:
        return next((o for o in self.options if o.name == name), None)


def _canonical_gas(name: str) -> str:
    return gwp.canonical_gas(name) or name


_CV = OptionSpec(
    "calorific_basis",
    "gross (HHV) or net (LHV) calorific value of energy quantities",
    "choice",
    "gross",
)
_BLEND = OptionSpec(
    "biofuel_blend",
    "average (UK forecourt biofuel blend) or none (100% mineral)",
    "choice",
    "average",
)
_PASSENGERS = OptionSpec(
    "passengers", "travellers who each covered the distance", "count", 1, selector=False
)
_TRAVEL_PURPOSE = OptionSpec(
    "purpose",
    "business_travel (scope 3 category 6) or commuting (category 7)",
    "choice",
    "business_travel",
    selector=False,
    values=("business_travel", "commuting"),
)
_TRAVEL_PURPOSES: Final[Mapping[str, tuple[Literal[1, 2, 3], int | None]]] = {
    "business_travel": (3, 6),
    "commuting": (3, 7),
}
_GAS = OptionSpec("gas", "gas name, e.g. CH4, HFC-134a, R-410A", normalise=_canonical_gas)
_FUEL_UNITS: Final = ("energy", "volume", "mass")


def _fuel(activity: str, name: str, *extra: OptionSpec) -> ActivitySpec:
    return ActivitySpec(
        activity,
        f"Stationary combustion of {name}",
        _FUEL_UNITS,
        1,
        options=(_CV, *extra),
        global_default=True,
    )


ACTIVITIES: Final[dict[str, ActivitySpec]] = {
    spec.id: spec
    for spec in (
        _fuel("fuel.natural_gas", "natural gas"),
        _fuel("fuel.diesel", "diesel (gas oil No. 2 in the US data)", _BLEND),
        _fuel("fuel.petrol", "petrol / motor gasoline", _BLEND),
        _fuel("fuel.propane", "propane"),
        _fuel("fuel.lpg", "LPG"),
        _fuel("fuel.fuel_oil", "fuel oil (residual fuel oil No. 6 in the US data)"),
        ActivitySpec(
            "fuel.coal",
            "Stationary combustion of coal",
            ("energy", "mass"),
            1,
            options=(_CV, OptionSpec("fuel_type", "kind of coal", default="industrial")),
            global_default=True,
        ),
        ActivitySpec(
            "electricity.grid",
            "Electricity taken from the grid (scope 2, dual reporting)",
            ("energy",),
            2,
            options=(
                OptionSpec(
                    "contract_factor_kg_per_kwh",
                    "market-based: the organisation's contractual kg CO2e/kWh",
                    "number",
                    selector=False,
                ),
            ),
        ),
        ActivitySpec(
            "electricity.td_losses",
            "Transmission and distribution losses of grid electricity",
            ("energy",),
            3,
            3,
        ),
        ActivitySpec(
            "heat.steam",
            "Purchased heat and steam",
            ("energy",),
            2,
            options=(OptionSpec("supply", "district or onsite (UK data)", default="district"),),
        ),
        ActivitySpec(
            "vehicle.car",
            "Car travel; the quantity is the distance the vehicle travelled, whoever was in it",
            ("distance",),
            1,
            options=(
                OptionSpec(
                    "size",
                    "small, medium, large, average (US: average, light_truck)",
                    default="average",
                ),
                OptionSpec("fuel", "fuel or powertrain (UK data)", default="unknown"),
                OptionSpec(
                    "purpose",
                    "company_vehicle (scope 1), business_travel (3.6) or commuting (3.7)",
                    default="company_vehicle",
                    match_as={"commuting": "business_travel"},
                ),
            ),
            global_default=True,
            purposes={"company_vehicle": (1, None), **_TRAVEL_PURPOSES},
        ),
        ActivitySpec(
            "travel.flight",
            "Air travel; the quantity is the distance each passenger flew",
            ("distance", "passenger_distance"),
            3,
            6,
            options=(
                OptionSpec(
                    "haul",
                    "UK: domestic, short, long, international; US: short, "
                    "medium, long (the two datasets define the bands differently)",
                ),
                OptionSpec(
                    "cabin_class",
                    "average, economy, premium_economy, business, first",
                    default="average",
                ),
                OptionSpec(
                    "radiative_forcing",
                    "include the non-CO2 uplift (UK data only)",
                    "bool",
                    default=False,
                ),
                _PASSENGERS,
                _TRAVEL_PURPOSE,
            ),
            global_default=True,
            per_passenger=True,
            purposes=_TRAVEL_PURPOSES,
        ),
        ActivitySpec(
            "travel.rail",
            "Rail travel; the quantity is the distance each passenger travelled",
            ("distance", "passenger_distance"),
            3,
            6,
            options=(
                OptionSpec("type", "kind of rail service", default="national_rail"),
                _PASSENGERS,
                _TRAVEL_PURPOSE,
            ),
            per_passenger=True,
            purposes=_TRAVEL_PURPOSES,
        ),
        ActivitySpec(
            "travel.bus",
            "Bus travel; the quantity is the distance each passenger travelled",
            ("distance", "passenger_distance"),
            3,
            6,
            options=(
                OptionSpec("type", "kind of bus service", default="local_average"),
                _PASSENGERS,
                _TRAVEL_PURPOSE,
            ),
            per_passenger=True,
            purposes=_TRAVEL_PURPOSES,
        ),
        ActivitySpec(
            "refrigerant.leak",
            "Refrigerant lost from equipment; the quantity is the mass leaked",
            ("mass",),
            1,
            options=(_GAS,),
        ),
        ActivitySpec(
            "gas.release",
            "Direct release of a greenhouse gas; the quantity is its mass",
            ("mass",),
            1,
            options=(_GAS,),
        ),
        ActivitySpec(
            "waste.disposal",
            "Waste sent for treatment; the quantity is the mass of waste",
            ("mass",),
            3,
            5,
            options=(
                OptionSpec("material", "material as named by the dataset"),
                OptionSpec("treatment", "landfill, combustion, recycling, composting, ..."),
            ),
        ),
    )
}
_DIRECT_MASS: Final = frozenset({"gas.release", "refrigerant.leak"})
_ELECTRICITY: Final = "electricity.grid"
_MARKET_ONLY: Final[Mapping[ElectricityBasis, str]] = {
    "supplier_specific": "supplier-specific",
    "residual_mix": "residual-mix",
}
"""Private electricity bases that count only in the market-based figure, in the order of
the Scope 2 Guidance's hierarchy, with how the result names them."""


# --- resolution ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Resolved:
    factor: Factor
    selection: str
    notices: tuple[str, ...]
    # the audit lines every estimate resolved here shares, built once rather than per item
    steps: tuple[str, str] = field(init=False)

    def __post_init__(self) -> None:
        factor = self.factor
        object.__setattr__(
            self,
            "steps",
            (
                f"Factor selection: {self.selection}",
                f"Factor {factor.id}: {factor.label} — {factor.citation}",
            ),
        )


@dataclass(slots=True)
class _LibraryMemo:
    resolved: dict[tuple[Any, ...], _Resolved] = field(default_factory=dict)
    option_values: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    templates: dict[tuple[str, str], _Template] = field(default_factory=dict)
    market: dict[tuple[Any, ...], tuple[_Resolved | None, str | None]] = field(default_factory=dict)
    regions: frozenset[str] | None = None


def _memo(library: FactorLibrary) -> _LibraryMemo:
    memo = library.memo.get("engine")
    if memo is None:
        memo = library.memo["engine"] = _LibraryMemo()
    assert isinstance(memo, _LibraryMemo)
    return memo


def _option_values(library: FactorLibrary, spec: ActivitySpec, option: OptionSpec) -> list[str]:
    """Every value any dataset accepts for the option (region-specific checks come later)."""
    memo = _memo(library)
    key = (spec.id, option.name)
    if key not in memo.option_values:
        found = {
            f.options[option.name]
            for f in library.for_activity(spec.id)
            if option.name in f.options
        }
        memo.option_values[key] = sorted(found | set(option.match_as) | set(option.values))
    return memo.option_values[key]


def _regions(library: FactorLibrary) -> frozenset[str]:
    memo = _memo(library)
    if memo.regions is None:
        memo.regions = frozenset(f.region for f in library if f.region != ANY_REGION)
    return memo.regions


def _route(spec: ActivitySpec, region: str) -> tuple[str, str, str]:
    """(dataset, factor region, why) for an activity in a region."""
    in_us = region == "US" or region.startswith("US-")
    if spec.id in _DIRECT_MASS:
        return "direct-mass", ANY_REGION, "mass of gas times its GWP; the region does not matter"
    if spec.id == "electricity.grid":
        if region == "GB":
            return "desnz", "GB", "GB grid electricity uses the UK Government (DESNZ) factors"
        if in_us:
            return (
                "egrid",
                region,
                ("US grid electricity uses EPA eGRID (national, state or eGRID subregion)"),
            )
        return (
            "owid",
            region,
            (
                "grid electricity outside GB and the US uses Our World in Data lifecycle "
                "intensities (not combustion-only)"
            ),
        )
    if in_us:
        why = "US activities use the EPA GHG Emission Factors Hub"
        if region != "US":
            why += f" national factors (there are none specific to {region})"
        return "epa-hub", "US", why
    if region == "GB":
        return "desnz", "GB", "GB activities use the UK Government (DESNZ) factors"
    if spec.global_default:
        return (
            "desnz",
            "GB",
            (
                f"no dataset specific to {region} is shipped for {spec.id}; the UK Government "
                "(DESNZ) factors are used as the default outside the US"
            ),
        )
    return "desnz", region, ""


def _resolve(
    library: FactorLibrary,
    spec: ActivitySpec,
    request: EstimateRequest,
    options: Mapping[str, str],
    unit_type: str,
) -> _Resolved:
    key = (
        spec.id,
        request.region,
        request.year,
        unit_type,
        tuple(sorted(options.items())),
        request.allow_later_year,
        request.factor_id,
    )
    memo = _memo(library)
    if key not in memo.resolved:
        memo.resolved[key] = _resolve_uncached(library, spec, request, options, unit_type)
    return memo.resolved[key]


def _resolve_uncached(
    library: FactorLibrary,
    spec: ActivitySpec,
    request: EstimateRequest,
    options: Mapping[str, str],
    unit_type: str,
) -> _Resolved:
    if request.factor_id is not None:
        factor = library.get(request.factor_id)
        if factor.activity != spec.id or factor.unit_type != unit_type:
            raise UnprocessableContent(
                f"factor {factor.id} is for {factor.activity} per {factor.unit}, which does not "
                f"fit a {spec.id} quantity in {request.unit}",
                accepted_units=units.accepted_units([factor.unit_type]),
            )
        basis = _electricity_basis(factor)
        if factor.activity == _ELECTRICITY and basis in _MARKET_ONLY:
            raise UnprocessableContent(
                f"factor {factor.id} is a {_MARKET_ONLY[basis]} electricity factor: it counts "
                "only in the market-based figure, where the Scope 2 hierarchy chooses it; pin "
                "a grid-average factor, or none",
                accepted_values=["grid_average"],
            )
        return _Resolved(factor, f"factor {factor.id} was pinned by the request", ())
    pool = library.for_activity(spec.id)
    private = [f for f in pool if f.private and f.region in (request.region, ANY_REGION)]
    why = "the organisation's own (private) factor matches and is preferred"
    if spec.id == _ELECTRICITY:
        # location-based figures use grid averages only (Scope 2 Guidance, chapter 6)
        private = [f for f in private if _electricity_basis(f) == "grid_average"]
        why = (
            "the organisation's own grid-average (private) factor matches and is preferred "
            "to the published grid factor for the location-based figure"
        )
    if private:
        try:
            own = _choose(spec, private, request, options, unit_type, why)
        except UnprocessableContent:
            pass  # none of the private factors fit this request; the public dataset decides
        else:
            if spec.id != _ELECTRICITY:
                return own
            return _own_grid_average(library, spec, request, options, unit_type, own)
    return _published(library, spec, request, options, unit_type)


def _electricity_basis(factor: Factor) -> ElectricityBasis:
    """What an electricity factor is; published ones are grid averages.

    A private one always says so when stored through the API (which requires it), and the
    migration took the ones stored before as grid averages; one handed to the engine
    directly without a basis is taken as a grid average likewise.
    """
    return factor.electricity_basis or "grid_average"


def _own_grid_average(
    library: FactorLibrary,
    spec: ActivitySpec,
    request: EstimateRequest,
    options: Mapping[str, str],
    unit_type: str,
    own: _Resolved,
) -> _Resolved:
    """The organisation's grid average, with a notice naming the published factor it displaces."""
    try:
        published = _published(library, spec, request, options, unit_type).factor
        instead = f"instead of the published {published.id}"
    except UnprocessableContent:
        instead = "(no published grid factor fits this request)"
    factor = own.factor
    notice = (
        f"location-based: the organisation's own grid-average factor {factor.id} "
        f"({factor.dataset}, {factor.year}) is used {instead}"
    )
    return _Resolved(factor, own.selection, (*own.notices, notice))


def _published(
    library: FactorLibrary,
    spec: ActivitySpec,
    request: EstimateRequest,
    options: Mapping[str, str],
    unit_type: str,
) -> _Resolved:
    pool = library.for_activity(spec.id)
    dataset, region, why = _route(spec, request.region)
    public = [f for f in pool if not f.private and f.dataset == dataset and f.region == region]
    if not public:
        served = sorted({f.region for f in pool if not f.private})
        raise UnprocessableContent(
            f"no emission factors for {spec.id} in region {request.region}",
            accepted_regions=served,
        )
    return _choose(spec, public, request, options, unit_type, why)


def _choose(
    spec: ActivitySpec,
    candidates: Sequence[Factor],
    request: EstimateRequest,
    options: Mapping[str, str],
    unit_type: str,
    why: str,
) -> _Resolved:
    where = f"{candidates[0].dataset} factors for {spec.id} in {candidates[0].region}"
    wanted_type = "passenger_distance" if spec.per_passenger else unit_type
    fitting = [f for f in candidates if f.unit_type == wanted_type]
    if not fitting:
        kinds = sorted({f.unit_type for f in candidates})
        if spec.per_passenger:
            kinds.append("distance")
        raise UnprocessableContent(
            f"unit {request.unit!r} does not fit the {where}",
            accepted_units=units.accepted_units(kinds),
        )
    notices: list[str] = []
    for option in spec.options:
        if option.selector:
            fitting = _match_option(option, fitting, options, where, notices)
    year, year_note = _pick_year(fitting, request, where)
    if year_note:
        notices.append(year_note)
    chosen = sorted((f for f in fitting if f.year == year), key=lambda f: f.id)[0]
    selection = (
        f"{why}; {_year_reason(fitting, request.year, year)}"
        if why
        else (_year_reason(fitting, request.year, year))
    )
    if chosen.region not in (request.region, ANY_REGION):
        notices.append(
            f"factor region {chosen.region} differs from activity region {request.region}"
        )
    return _Resolved(chosen, selection, tuple(notices))


def _match_option(
    option: OptionSpec,
    fitting: list[Factor],
    options: Mapping[str, str],
    where: str,
    notices: list[str],
) -> list[Factor]:
    carried = sorted({f.options[option.name] for f in fitting if option.name in f.options})
    given = options.get(option.name)
    if not carried:
        if given is not None:
            notices.append(
                f"the {where} do not distinguish {option.name}; {option.name}={given} changes "
                "nothing in the factor"
            )
        return fitting
    wanted = option.match_as.get(given, given) if given is not None else None
    if wanted is None:
        default = None if option.default is None else _option_text(option.default)
        if default in carried:
            wanted = default
        elif len(carried) == 1:
            wanted = carried[0]
        else:
            raise UnprocessableContent(
                f"option {option.name!r} is required for the {where}", accepted_values=carried
            )
    if wanted not in carried:
        raise UnprocessableContent(
            f"{option.name}={given!r} has no factor among the {where}", accepted_values=carried
        )
    return [f for f in fitting if f.options.get(option.name) == wanted]


def _pick_year(
    fitting: Sequence[Factor], request: EstimateRequest, where: str
) -> tuple[int | None, str | None]:
    years = sorted({f.year for f in fitting if f.year is not None})
    if not years:
        return None, None
    earlier = [y for y in years if y <= request.year]
    if earlier:
        return earlier[-1], None
    if request.allow_later_year:
        return years[0], (
            f"no {where} predates {request.year}; the {years[0]} edition is used because the "
            "request allowed a later year"
        )
    raise UnprocessableContent(
        f"no {where} is from {request.year} or earlier; set allow_later_year to use the "
        f"{years[0]} edition",
        available_years=years,
    )


def _year_reason(fitting: Sequence[Factor], year: int, chosen: int | None) -> str:
    if chosen is None:
        return "GWPs are metrics, not yearly data, so no edition year applies"
    years = ", ".join(str(y) for y in sorted({f.year for f in fitting if f.year is not None}))
    rule = "the latest not after" if chosen <= year else "none predates"
    return f"editions with this factor: {years}; chose {chosen}, {rule} the activity year {year}"


# --- validation ----------------------------------------------------------------------------


def _option_text(value: str | bool | int) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


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


# --- calculation ---------------------------------------------------------------------------


def _fmt(value: float) -> str:
    return f"{value:.10g}"


@dataclass(frozen=True, slots=True)
class _GasLine:
    """One gas of a factor under one GWP set, with the amount-independent text preformatted."""

    gas: str
    per_unit: float  # kg of the gas (mass basis) or kg CO2e (co2e basis) per factor unit
    gwp: float | None  # None where the source publishes the gas as CO2e already
    text: tuple[str, ...]  # the step, split where the amount-dependent numbers go
    # a step of its own before this one: how a blend's GWP was computed from its composition
    derivation: str | None = None


@dataclass(frozen=True, slots=True)
class _Template:
    """What ``_apply`` needs of a factor under a GWP set; the same for every quantity."""

    per_unit_kg: float
    gwp_applied: str | None
    gases: tuple[_GasLine, ...]
    text: tuple[str, ...]  # the CO2e step of a published-CO2e factor, split like _GasLine.text


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
        return _Template(per_unit, gwp_set, tuple(lines), ())
    assert factor.co2e is not None  # the Factor validator guarantees one or the other
    basis = factor.gwp_basis or "not stated by the source"
    total_step = (
        "CO2e = ",
        f" {factor.unit} × {_fmt(factor.co2e.value)} {factor.co2e.unit} CO2e {per} = ",
        f" kg CO2e (published CO2e; GWP basis {basis})",
    )
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
            assert line.gwp is not None  # mass-basis lines always carry their GWP
            if line.derivation is not None:
                steps.append(line.derivation)
            mass = line.per_unit * amount
            co2e = mass * line.gwp
            gases.append({"gas": line.gas, "mass_kg": mass, "co2e_kg": co2e, "gwp": line.gwp})
            head, unit, gwp_text, tail = line.text
            steps.append(head + quantity + unit + _fmt(mass) + gwp_text + _fmt(co2e) + tail)
        total = sum(g["co2e_kg"] for g in gases)
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


def _amount_in_factor_unit(
    spec: ActivitySpec, request: EstimateRequest, factor: Factor, passengers: float
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
    request: EstimateRequest,
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
    request: EstimateRequest, kwh: float, factor: float, basis: str, label: str, used_id: str
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
    request: EstimateRequest,
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
    request: EstimateRequest,
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


@cache
def _activity_step(activity: str, scope: int, category: int | None) -> str:
    spec = ACTIVITIES[activity]
    line = f"Activity {spec.id}: {spec.description}; scope {scope}"
    return line + (f", category {category} {SCOPE3_CATEGORIES[category]}" if category else "")


def _check_finite(request: EstimateRequest, kg: float) -> None:
    # a quantity within its limit can still come to more than any record could hold, with
    # a large factor (a private one, a refrigerant's GWP) or many passengers
    if not kg <= MAX_CO2E_KG:
        raise UnprocessableContent(
            f"{request.quantity:g} {request.unit} of {request.activity} comes to more than "
            f"{MAX_CO2E_KG:g} kg CO2e, the most one record may hold",
            max_co2e_kg=MAX_CO2E_KG,
        )


def _estimate(
    request: EstimateRequest,
    library: FactorLibrary,
    instruments: Sequence[ContractualInstrument],
) -> EstimateResult:
    spec, texts, numbers, unit_type = _validate(library, request)
    resolved = _resolve(library, spec, request, texts, unit_type)
    factor = resolved.factor
    amount, steps = _amount_in_factor_unit(spec, request, factor, numbers.get("passengers", 1.0))
    calc = _apply(library, factor, amount, request.gwp)
    _check_finite(request, calc.co2e_kg)
    scope, category = spec.purposes.get(
        texts.get("purpose", ""), (spec.scope, spec.scope3_category)
    )
    notices = list(resolved.notices)
    if factor.gas_basis != "mass" and factor.gwp_basis != request.gwp:
        notices.append(
            f"the factor is published as CO2e on {factor.gwp_basis or 'an unstated GWP basis'}; "
            f"the requested {request.gwp} could not be applied"
        )
    used = _factor_used(factor, calc.per_unit_kg)
    co2e, gases, gwp_applied = calc.co2e_kg, calc.gases, calc.gwp_applied
    scope2: dict[str, Any] | None = None
    if spec.id == "electricity.grid":
        market = _market_based(library, spec, request, texts, numbers, instruments, unit_type, co2e)
        _check_finite(request, market.kg)
        scope2 = {
            "location_based_kg": co2e,
            "market_based_kg": market.kg,
            "market_basis": market.basis,
        }
        notices.extend(market.notices)
        calc.steps.extend(market.steps)
        calc.steps.append(
            f"Scope 2: location-based {_fmt(co2e)} kg; market-based {_fmt(market.kg)} kg "
            f"({market.basis})"
        )
        if request.method == "market" and market.used is not None:
            co2e, gases, gwp_applied = market.kg, market.gases, market.gwp_applied
            used = market.used
    # nested parts go in as plain fields: one validation builds them all, about twice as
    # fast as building each model first, which counts in a batch of 10,000
    return EstimateResult(
        activity=spec.id,
        quantity=request.quantity,
        unit=request.unit,
        region=request.region,
        year=request.year,
        co2e_kg=co2e,
        gases=gases,
        scope=scope,
        scope3_category=(
            {"number": category, "name": SCOPE3_CATEGORIES[category]} if category else None
        ),
        factor=used,
        gwp_requested=request.gwp,
        gwp_applied=gwp_applied,
        method=request.method,
        scope2=scope2,
        selection=resolved.selection,
        notices=notices,
        steps=[
            _activity_step(spec.id, scope, category),
            *resolved.steps,
            *steps,
            *calc.steps,
            f"Result: {_fmt(co2e)} kg CO2e ({request.method})",
        ],
    )


# --- public API ----------------------------------------------------------------------------


def private_factor(library: FactorLibrary, edition: str, draft: PrivateFactorCreate) -> Factor:
    """The factor an organisation asked for, if the engine can use it; else a 422 saying why.

    ``edition`` takes the place of a dataset edition in the id (``<edition>-<year>:...``).

    Every check mirrors what resolution needs, so a stored private factor is never one that
    cannot be chosen: a known activity and region, a unit of the type the activity's factors
    are in (per passenger for travel), option values the activity accepts, a known GWP set.
    """
    spec = _activity(draft.activity)
    if draft.region != ANY_REGION:
        check_region(library, draft.region)
    kinds = ("passenger_distance",) if spec.per_passenger else spec.unit_types
    units.check_unit(draft.unit, kinds, subject=f"{spec.id} factors")
    if draft.gwp_basis is not None and draft.gwp_basis not in gwp.GWP_SETS:
        raise UnprocessableContent(
            f"GWP set {draft.gwp_basis!r} is not supported", accepted_values=list(gwp.GWP_SETS)
        )
    basis = _draft_basis(spec, draft.electricity_basis)
    public = sorted({f.dataset for f in library if not f.private})
    if draft.dataset in public:
        raise UnprocessableContent(
            f"dataset {draft.dataset!r} names a published dataset; name your own source",
            reserved_datasets=public,
        )
    selectors = [o for o in spec.options if o.selector]
    options: dict[str, str] = {}
    for name, value in draft.options.items():
        option = next((o for o in selectors if o.name == name), None)
        if option is None:
            raise UnprocessableContent(
                f"option {name!r} does not select {spec.id} factors",
                accepted_options=[o.name for o in selectors],
            )
        text = _text_option(library, spec, option, value)
        # stored as resolution compares it (a commuting car trip matches business_travel rows)
        options[name] = option.match_as.get(text, text)
    return Factor(
        id=make_id(edition, draft.year, spec.id, draft.region, options, draft.unit),
        dataset=draft.dataset,
        dataset_version=draft.dataset_version,
        year=draft.year,
        region=draft.region,
        activity=spec.id,
        options=options,
        unit=draft.unit,
        co2e=GasValue(value=draft.co2e_kg_per_unit, unit="kg"),
        gwp_basis=draft.gwp_basis,
        label=draft.label or f"{draft.dataset}: {spec.id} in {draft.region}, {draft.year}",
        source_url=draft.source_url,
        licence=draft.licence,
        citation=draft.citation,
        private=True,
        electricity_basis=basis,
    )


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


def estimate(
    request: EstimateRequest,
    library: FactorLibrary,
    *,
    private_factors: Iterable[Factor] = (),
    instruments: Sequence[ContractualInstrument] = (),
) -> EstimateResult:
    """Estimate one activity; raises a :class:`Problem` (422, 404) for bad input."""
    private = list(private_factors)
    return _estimate(request, library.with_private(private) if private else library, instruments)


def estimate_batch(
    items: Sequence[object],
    library: FactorLibrary,
    *,
    private_factors: Iterable[Factor] = (),
    instruments: Sequence[ContractualInstrument] = (),
) -> list[BatchItem]:
    """Answer up to :data:`MAX_BATCH_ITEMS` items in order; a bad item gets a problem dict.

    Items are estimate requests or their JSON-like mappings; anything else is a bad
    item like any other.
    """
    return list(
        iter_batch(items, library, private_factors=private_factors, instruments=instruments)
    )


def iter_batch(
    items: Sequence[object],
    library: FactorLibrary,
    *,
    private_factors: Iterable[Factor] = (),
    instruments: Sequence[ContractualInstrument] = (),
) -> Iterator[BatchItem]:
    """:func:`estimate_batch` one answer at a time; the size limit is checked at once.

    A caller that serialises each answer and drops it keeps few objects alive, which spares
    the garbage collector from walking thousands of results again and again.
    """
    if len(items) > MAX_BATCH_ITEMS:
        raise PayloadTooLarge(
            f"a batch holds at most {MAX_BATCH_ITEMS} items, not {len(items)}",
            max_items=MAX_BATCH_ITEMS,
            received_items=len(items),
        )
    private = list(private_factors)
    lib = library.with_private(private) if private else library
    return _answers(items, lib, instruments)


def _answers(
    items: Sequence[object], library: FactorLibrary, instruments: Sequence[ContractualInstrument]
) -> Iterator[BatchItem]:
    for index, item in enumerate(items):
        try:
            request = (
                item if isinstance(item, EstimateRequest) else EstimateRequest.model_validate(item)
            )
            yield BatchItem(index=index, result=_estimate(request, library, instruments))
        except Problem as problem:
            yield BatchItem(index=index, problem=problem.to_dict())
        except ValidationError as error:
            yield BatchItem(index=index, problem=_validation_problem(error))


def _validation_problem(error: ValidationError) -> dict[str, Any]:
    errors = [
        {"location": [str(p) for p in e["loc"]], "message": e["msg"], "type": e["type"]}
        for e in error.errors()
    ]
    return problem_body(
        status=422,
        slug="validation-error",
        title="Request validation failed",
        detail="; ".join(f"{'.'.join(e['location'])}: {e['message']}" for e in errors),
        errors=errors,
    )


def list_activities(library: FactorLibrary | None = None) -> list[ActivityInfo]:
    """The activity catalogue with options, accepted values and units, from the shipped data."""
    from ecotrack.carbon.factors import load_factor_library

    lib = library or load_factor_library()
    return [
        ActivityInfo(
            id=spec.id,
            description=spec.description,
            scope=spec.scope,
            scope3_category=(
                Scope3Category(
                    number=spec.scope3_category, name=SCOPE3_CATEGORIES[spec.scope3_category]
                )
                if spec.scope3_category
                else None
            ),
            accepted_units=units.accepted_units(spec.unit_types),
            options=[
                OptionInfo(
                    name=o.name,
                    description=o.description,
                    default=o.default,
                    values=(
                        ["true", "false"]
                        if o.kind == "bool"
                        else _option_values(lib, spec, o)
                        if o.kind == "choice"
                        else None
                    ),
                )
                for o in spec.options
            ],
        )
        for spec in ACTIVITIES.values()
    ]
