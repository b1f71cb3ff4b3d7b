"""What the engine works out once per factor library and keeps on it (``FactorLibrary.memo``):
resolutions, the option values datasets accept, calculation templates, market-based choices
and the shapes of what it keeps."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ecotrack.carbon.factors import Factor, FactorLibrary, ReferenceValue


@dataclass(frozen=True, slots=True)
class _Resolved:
    factor: Factor
    selection: str
    notices: tuple[str, ...]
    # US T&D losses: the grid gross loss rate that turns the electricity used into the
    # electricity lost, to which ``factor`` (the grid's output emission rate) applies
    loss_rate: ReferenceValue | None = None
    # the audit lines every estimate resolved here shares, built once rather than per item
    steps: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        factor, rate = self.factor, self.loss_rate
        object.__setattr__(
            self,
            "steps",
            (
                f"Factor selection: {self.selection}",
                f"Factor {factor.id}: {factor.label} — {factor.citation}",
                *(
                    ()
                    if rate is None
                    else (
                        f"Loss rate {rate.id}: {rate.label}, {rate.source_ref}: {rate.value:g} "
                        f"({rate.unit}) — {rate.citation}",
                    )
                ),
            ),
        )


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
class _LibraryMemo:
    resolved: dict[tuple[Any, ...], _Resolved] = field(default_factory=dict)
    option_values: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    templates: dict[tuple[str, str], _Template] = field(default_factory=dict)
    market: dict[tuple[Any, ...], tuple[_Resolved | None, str | None]] = field(default_factory=dict)


def _memo(library: FactorLibrary) -> _LibraryMemo:
    memo = library.memo.get("engine")
    if memo is None:
        memo = library.memo["engine"] = _LibraryMemo()
    assert isinstance(memo, _LibraryMemo)
    return memo
