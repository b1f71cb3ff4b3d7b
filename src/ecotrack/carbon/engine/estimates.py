"""Estimates one at a time or in batches, private factors checked for use, and the catalogue as
the API lists it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import Any, Final

from pydantic import ValidationError

from ecotrack.carbon import gwp, units
from ecotrack.carbon.engine import spend
from ecotrack.carbon.engine.calculation import (
    _amount_in_factor_unit,
    _apply,
    _factor_used,
    _fmt,
    _lost_in_td,
    _restated,
)
from ecotrack.carbon.engine.catalogue import ACTIVITIES, SCOPE3_CATEGORIES
from ecotrack.carbon.engine.market import _market_based
from ecotrack.carbon.engine.resolution import _option_values, _resolve
from ecotrack.carbon.engine.validation import (
    _activity,
    _draft_basis,
    _text_option,
    _validate,
    check_region,
    settle,
)
from ecotrack.carbon.factors import ANY_REGION, Factor, FactorLibrary, GasValue, make_id
from ecotrack.carbon.schemas import (
    ActivityInfo,
    ActivityRequest,
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


@cache
def _activity_step(activity: str, description: str, scope: int, category: int | None) -> str:
    line = f"Activity {activity}: {description}; scope {scope}"
    return line + (f", category {category} {SCOPE3_CATEGORIES[category]}" if category else "")


def _check_finite(request: ActivityRequest, kg: float) -> None:
    # a quantity within its limit can still come to more than any record could hold, with
    # a large factor (a private one, a refrigerant's GWP) or many passengers
    if not kg <= MAX_CO2E_KG:
        raise UnprocessableContent(
            f"{request.quantity:g} {request.unit} of {request.activity} comes to more than "
            f"{MAX_CO2E_KG:g} kg CO2e, the most one record may hold",
            max_co2e_kg=MAX_CO2E_KG,
        )


def _estimate(
    given: EstimateRequest,
    library: FactorLibrary,
    instruments: Sequence[ContractualInstrument],
) -> EstimateResult:
    request = settle(library, given)
    spec, texts, numbers, unit_type = _validate(library, request)
    resolved = _resolve(library, spec, request, texts, unit_type)
    factor = resolved.factor
    amount, steps = _amount_in_factor_unit(spec, request, factor, numbers.get("passengers", 1.0))
    if resolved.loss_rate is not None:  # US T&D losses: the grid's rate on the electricity lost
        amount, lost = _lost_in_td(amount, factor, resolved.loss_rate)
        steps += lost
    purpose = texts.get(spec.purpose_option, "")
    scope, category = spec.purposes.get(purpose, (spec.scope, spec.scope3_category))
    purpose_note = spec.purpose_notes.get(purpose)
    notices = list(resolved.notices)
    if purpose_note is not None:
        notices.append(purpose_note)
    if spec.id == spend.ACTIVITY:  # to the factor's currency and dollar year
        amount, spent, said = spend.in_factor_dollars(request, factor, amount, category)
        steps += spent
        notices += said
    calc = _apply(library, factor, amount, request.gwp)
    _check_finite(request, calc.co2e_kg)
    if factor.gas_basis != "mass" and factor.gwp_basis != request.gwp:
        notices.append(
            f"the factor is published as CO2e on {factor.gwp_basis or 'an unstated GWP basis'}; "
            f"the requested {request.gwp} could not be applied"
        )
    elif (restated := _restated(factor, request.gwp)) is not None:
        notices.append(restated)
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
        data_version=request.data_version,
        outside_of_scopes=_outside_of_scopes(factor, amount),
        notices=notices,
        steps=[
            _activity_step(spec.id, spec.description, scope, category),
            *([purpose_note] if purpose_note is not None else []),
            *resolved.steps,
            *steps,
            *calc.steps,
            f"Result: {_fmt(co2e)} kg CO2e ({request.method})",
        ],
    )


def _outside_of_scopes(factor: Factor, amount: float) -> dict[str, float] | None:
    biogenic = factor.outside_of_scopes
    if biogenic is None:
        return None
    per_unit = biogenic.value * units.conversion_factor(biogenic.unit, "kg")
    return {"biogenic_co2_kg": per_unit * amount, "per_unit_kg": per_unit}


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
