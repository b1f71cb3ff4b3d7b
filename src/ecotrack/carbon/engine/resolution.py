"""Resolution of a request to one factor, in order:

1. ``factor_id`` pins a factor outright.
2. Otherwise the caller's private factors for the activity and region are tried first, then the
   public dataset that serves the region (see :func:`_route`). For grid electricity only the
   private grid averages are tried, with a notice: supplier-specific and residual-mix factors
   count only in the market-based figure, which follows the Scope 2 Guidance's hierarchy
   (see :func:`ecotrack.carbon.engine.market._market_based`). US T&D losses take the
   published grid factor US grid electricity would (same route, same year rule) with the
   eGRID grid gross loss rate of its edition (:func:`_with_loss_rate`).
3. Among those, the factor must accept the unit's type (energy, volume, ...), match every
   option the dataset distinguishes (the option's default when the caller gave none), and be
   from the latest edition not after the activity year. A later edition is only used when the
   request sets ``allow_later_year``, and then the result says so.

Resolutions, and what each factor contributes under each GWP set (numbers and wording), are
cached per library; unit conversions per (unit, target) pair.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ecotrack.carbon import units
from ecotrack.carbon.engine import spend
from ecotrack.carbon.engine.electricity import (
    _ELECTRICITY,
    _GRID,
    _MARKET_ONLY,
    _TD_LOSSES,
    _electricity_basis,
)
from ecotrack.carbon.engine.freight import _WORLDWIDE
from ecotrack.carbon.engine.gases import _DIRECT_MASS
from ecotrack.carbon.engine.memo import _memo, _Resolved
from ecotrack.carbon.engine.specs import ActivitySpec, OptionSpec, _option_text
from ecotrack.carbon.engine.travel import _BY_COUNTRY
from ecotrack.carbon.factors import (
    ANY_REGION,
    DATA_VERSIONS,
    LATEST_DATA_VERSION,
    Factor,
    FactorLibrary,
    ReferenceValue,
    tabular,
)
from ecotrack.carbon.schemas import ActivityRequest
from ecotrack.core.errors import UnprocessableContent


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


def _route(
    spec: ActivitySpec, region: str, data_version: str = LATEST_DATA_VERSION
) -> tuple[str, str, str]:
    """(dataset, factor region, why) for an activity in a region.

    Grid electricity outside GB and the US goes to a national inventory dataset where its
    manifest says it is one and it publishes factors for the region within the data version
    (:func:`ecotrack.carbon.factors.tabular.grid_route`), else to OWID.
    """
    in_us = _in_us(region)
    if spec.id in _DIRECT_MASS:
        return "direct-mass", ANY_REGION, "mass of gas times its GWP; the region does not matter"
    if spec.id in _BY_COUNTRY | _WORLDWIDE:
        what = "by the country of the stay" if spec.id in _BY_COUNTRY else "for use worldwide"
        return "desnz", "GB", f"the UK Government (DESNZ) factors for {spec.id} are {what}"
    if spec.id == spend.ACTIVITY:
        return spend.DATASET, "US", "spend uses the US EPA Supply Chain GHG Emission Factors"
    if spec.id == "electricity.grid":
        if region == "GB":
            return "desnz", "GB", "GB grid electricity uses the UK Government (DESNZ) factors"
        if in_us:
            return (
                "egrid",
                region,
                ("US grid electricity uses EPA eGRID (national, state or eGRID subregion)"),
            )
        inventory = tabular.grid_route(region, DATA_VERSIONS[data_version])
        if inventory is not None:
            return inventory[0], region, inventory[1]
        return (
            "owid",
            region,
            (
                "grid electricity outside GB and the US (and the regions a national inventory "
                "dataset serves) uses Our World in Data lifecycle intensities (not "
                "combustion-only)"
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


def _in_us(region: str) -> bool:
    return region == "US" or region.startswith("US-")


def _is_us_state(region: str) -> bool:
    """``US-XX`` is a state (ISO 3166-2); an eGRID subregion is ``US-`` and four letters."""
    return _in_us(region) and len(region) == len("US-XX")


def _resolve(
    library: FactorLibrary,
    spec: ActivitySpec,
    request: ActivityRequest,
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
        request.data_version,
    )
    memo = _memo(library)
    if key not in memo.resolved:
        memo.resolved[key] = _resolve_uncached(library, spec, request, options, unit_type)
    return memo.resolved[key]


def _resolve_uncached(
    library: FactorLibrary,
    spec: ActivitySpec,
    request: ActivityRequest,
    options: Mapping[str, str],
    unit_type: str,
) -> _Resolved:
    if request.factor_id is not None:
        factor = library.get(request.factor_id)
        # a per-passenger factor takes a distance with passengers, as resolution does
        fits = factor.unit_type == unit_type or (
            spec.per_passenger and factor.unit_type == "passenger_distance"
        )
        if factor.activity != spec.id or not fits:
            kinds = [factor.unit_type, *(["distance"] if spec.per_passenger else [])]
            raise UnprocessableContent(
                f"factor {factor.id} is for {factor.activity} per {factor.unit} "
                f"({units.describe(factor.unit_type)}), which does not fit a {spec.id} "
                f"quantity in {request.unit} ({units.describe(unit_type)})",
                accepted_units=units.accepted_units(kinds),
            )
        _check_in_version(factor, request.data_version)
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


def _check_in_version(factor: Factor, data_version: str) -> None:
    """A pinned factor must be one the data version holds (an organisation's own always is)."""
    if factor.private or factor.edition in DATA_VERSIONS[data_version]:
        return
    raise UnprocessableContent(
        f"factor {factor.id} is from edition {factor.edition}, which data version "
        f"{data_version} does not hold",
        accepted_values=[name for name, held in DATA_VERSIONS.items() if factor.edition in held],
    )


def _own_grid_average(
    library: FactorLibrary,
    spec: ActivitySpec,
    request: ActivityRequest,
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
    request: ActivityRequest,
    options: Mapping[str, str],
    unit_type: str,
) -> _Resolved:
    # US T&D losses are the electricity lost at the grid's rate: the grid factor is chosen
    # as for US grid electricity (same route, same year rule), then its loss rate
    us_losses = spec.id == _TD_LOSSES and _in_us(request.region)
    routed = _GRID if us_losses else spec
    dataset, region, why = _route(routed, request.region, request.data_version)
    editions = DATA_VERSIONS[request.data_version]
    public = [
        f
        for f in library.for_activity(routed.id)
        if not f.private and f.dataset == dataset and f.region == region and f.edition in editions
    ]
    if not public:
        served = {f.region for f in library.for_activity(spec.id) if not f.private}
        if spec.id == _TD_LOSSES:
            served |= _us_td_loss_regions(library, request.data_version)
        raise UnprocessableContent(
            f"no emission factors for {spec.id} in region {request.region}",
            accepted_regions=sorted(served),
        )
    if us_losses:
        why = (
            "US T&D losses are the electricity lost, by the eGRID grid gross loss rate (EPA "
            f"Hub Table 6), at the grid's eGRID output emission rate; {why}"
        )
        grid = _choose(spec, public, request, options, unit_type, why)
        return _with_loss_rate(library, grid, request.data_version)
    return _choose(spec, public, request, options, unit_type, why)


def _loss_rates(library: FactorLibrary, data_version: str) -> list[ReferenceValue]:
    editions = DATA_VERSIONS[data_version]
    return [r for r in library.references if r.kind == "loss_rate" and r.edition in editions]


def _us_td_loss_regions(library: FactorLibrary, data_version: str) -> set[str]:
    """The US regions whose T&D losses are estimated: each with a published loss rate, and
    the states with an eGRID output rate (they take the US average loss rate)."""
    rated = {r.region for r in _loss_rates(library, data_version)}
    if "US" not in rated:
        return rated
    editions = DATA_VERSIONS[data_version]
    states = {
        f.region
        for f in library.for_activity(_ELECTRICITY)
        if not f.private and _is_us_state(f.region) and f.edition in editions
    }
    return rated | states


def _with_loss_rate(library: FactorLibrary, grid: _Resolved, data_version: str) -> _Resolved:
    """The grid factor chosen for US T&D losses, with the loss rate of its eGRID edition: the
    region's own, or for a state (eGRID publishes none by state) the US average."""
    factor = grid.factor
    rates = {r.region: r for r in _loss_rates(library, data_version) if r.year == factor.year}
    state = _is_us_state(factor.region)
    rate = rates.get("US" if state else factor.region)
    if rate is None:
        raise UnprocessableContent(
            f"no grid gross loss rate is published for {factor.region} (eGRID{factor.year}, "
            "EPA Hub Table 6), so its T&D losses cannot be estimated; the regions with one are "
            "listed (a US state uses the US average)",
            accepted_regions=sorted(rates),
        )
    notices = grid.notices
    if state:
        notices += (
            f"eGRID publishes grid gross loss by eGRID subregion and for the US, not by state: "
            f"the US average loss rate {rate.value:g} ({rate.id}) is used with the "
            f"{factor.region} state output rate; record the site's eGRID subregion (US-XXXX) "
            "for its own loss rate",
        )
    return _Resolved(factor, grid.selection, notices, rate)


def _choose(
    spec: ActivitySpec,
    candidates: Sequence[Factor],
    request: ActivityRequest,
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
    fitting: Sequence[Factor], request: ActivityRequest, where: str
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
