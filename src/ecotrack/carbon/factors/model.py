"""What a factor is: a published value per unit of activity, with where it came from.

Every factor keeps its values exactly as published, in the published units (lb/MWh stays
lb/MWh), and records what its per-gas numbers mean: ``gas_basis="mass"`` for masses of each
gas (EPA Hub, eGRID, EPA Supply Chain) or ``"co2e"`` for each gas's CO2e contribution (DESNZ,
whose per-gas rows are CO2e even where 2019-2021 label them "kg CH4"). A mass-basis factor may
hold one entry its publisher gives as CO2e only, in :data:`CO2E_UNIT` (EPA Supply Chain's "HFCs
and PFCs, unspecified"), and a published CO2e beside its masses. Ids are built from the dataset,
edition, activity, region, options and unit, so they read well and never change between loads.

Published numbers that are not emission factors (biogenic CO2 "outside of scopes", SECR
energy conversions, grid loss rates) are :class:`ReferenceValue` rows of their own kinds.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ecotrack.carbon import units

ANY_REGION: Final = "*"
ElectricityBasis = Literal["grid_average", "supplier_specific", "residual_mix"]
ELECTRICITY_BASES: Final[tuple[ElectricityBasis, ...]] = (
    "grid_average",
    "supplier_specific",
    "residual_mix",
)
"""What a private ``electricity.grid`` factor is, in the GHG Protocol Scope 2 Guidance's
terms: a grid average (location-based, and the market-based last resort), a supplier's or
utility's emission rate, or a residual mix (both market-based only)."""
Scope = Literal[1, 2, 3]
ReferenceKind = Literal["outside_of_scopes", "energy_conversion", "loss_rate"]


CO2E_UNIT: Final = "kg CO2e"
"""The unit of an entry of a mass-basis factor's ``gases`` that its publisher gives as CO2e, not
as a mass of gas (EPA Supply Chain v1.3's "HFCs and PFCs, unspecified"): it counts as published
whatever GWP set is requested, since no single GWP restates it."""


class GasValue(BaseModel):
    """A published number: ``value`` in ``unit`` (a mass unit, or "kg CO2e" for a gas published
    as CO2e only) per one unit of activity."""

    model_config = ConfigDict(frozen=True)

    value: float
    unit: str

    @property
    def published_as_co2e(self) -> bool:
        """True for a gas of a mass-basis factor that the publisher gives as kg CO2e only."""
        return self.unit == CO2E_UNIT


class Factor(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    dataset: str
    dataset_version: str
    edition: str | None = Field(
        default=None,
        description="The dataset edition the factor belongs to (a part of the library's data "
        "version), e.g. desnz-2024 or owid-2026; null for private factors",
    )
    year: int | None = Field(description="Year the values describe; None for pure GWP maths")
    region: str = Field(description="ISO 3166 code, 'US-' + eGRID subregion, or '*' for any")
    activity: str
    options: dict[str, str] = Field(default_factory=dict)
    unit: str = Field(description="Denominator unit, an accepted spelling in units.ALIASES")
    gas_basis: Literal["mass", "co2e"] | None = None
    gases: dict[str, GasValue] = Field(default_factory=dict)
    co2e: GasValue | None = None
    gwp_basis: str | None = Field(
        default=None, description="GWP set already applied in CO2e values; None if not stated"
    )
    source_ref: str | None = Field(
        default=None,
        description="The publisher's own reference of the row: the DESNZ ID (2023 onwards) or "
        "its category path, the NAICS code, the table and row",
    )
    scope: Scope | None = Field(default=None, description="GHG Protocol scope of the activity")
    scope3_category: int | None = Field(default=None, ge=1, le=15)
    outside_of_scopes: GasValue | None = Field(
        default=None,
        description="Biogenic CO2 per unit that the publisher reports outside the scopes; "
        "results show it beside the scope totals, never inside them",
    )
    label: str
    source_url: str
    licence: str
    citation: str
    private: bool = False
    electricity_basis: ElectricityBasis | None = Field(
        default=None,
        description="Private electricity.grid factors only: grid_average, supplier_specific or "
        "residual_mix (docs/methodology.md, scope 2); null for published factors, whose grid "
        "factors are all grid averages, and for other activities",
    )

    @model_validator(mode="after")
    def _has_values(self) -> Factor:
        if not self.gases and self.co2e is None:
            raise ValueError(f"factor {self.id} has neither per-gas values nor a CO2e value")
        if self.gases and self.gas_basis is None:
            raise ValueError(f"factor {self.id} has per-gas values but no gas_basis")
        units.unit_type(self.unit)  # raises for a unit the engine could not convert to
        if self.electricity_basis is not None and self.activity != "electricity.grid":
            raise ValueError(f"factor {self.id} has an electricity_basis but is {self.activity}")
        return self

    @property
    def unit_type(self) -> str:
        return units.unit_type(self.unit)


class ReferenceValue(BaseModel):
    """A published number that is not an emission factor, kept with its provenance.

    ``outside_of_scopes``: kg of biogenic CO2 per ``per_unit`` (DESNZ "Outside of scopes");
    ``energy_conversion``: kWh per ``per_unit`` (DESNZ "SECR kWh" rows);
    ``loss_rate``: a fraction of the electricity put on the grid that is lost (eGRID).
    """

    model_config = ConfigDict(frozen=True)

    id: str
    kind: ReferenceKind
    dataset: str
    edition: str
    year: int | None
    region: str
    source_ref: str
    label: str
    value: float
    unit: str = Field(description="What the value is: kg CO2, kWh (Net CV), or fraction")
    per_unit: str | None = Field(description="The unit of activity it applies to, if any")
    source_url: str
    licence: str
    citation: str


def make_id(
    dataset: str,
    year: int | None,
    activity: str,
    region: str,
    options: Mapping[str, str],
    unit: str,
) -> str:
    edition = dataset if year is None else f"{dataset}-{year}"
    parts = [edition, activity, region, *(options[key] for key in sorted(options)), unit]
    return ":".join(parts)


@cache
def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
