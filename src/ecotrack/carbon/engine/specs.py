"""What the catalogue says of an activity and its options: ``ActivitySpec``, ``OptionSpec``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True, slots=True)
class OptionSpec:
    name: str
    description: str
    # text: free text, checked but never matched nor listed (a source's name, a currency code)
    kind: Literal["choice", "bool", "count", "number", "text"] = "choice"
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
    # value of the purpose option (named by purpose_option) -> (scope, scope 3 category)
    purposes: Mapping[str, tuple[Literal[1, 2, 3], int | None]] = field(default_factory=dict)
    # purpose option value -> a notice (and step) the result carries when that value is given
    purpose_notes: Mapping[str, str] = field(default_factory=dict)
    purpose_option: str = "purpose"  # the option whose value ``purposes`` maps

    def option(self, name: str) -> OptionSpec | None:
        return next((o for o in self.options if o.name == name), None)


def _option_text(value: str | bool | int) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
