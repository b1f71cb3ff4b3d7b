"""US EPA eGRID2023 grid electricity: subregion and national per-gas total output rates (via
the EPA Hub's Table 6) and the state CO2e total output rates."""

from __future__ import annotations

from typing import Final

from ecotrack.carbon.data import read_rows
from ecotrack.carbon.factors.model import Factor, GasValue
from ecotrack.carbon.factors.sources import factor, number, provenance

DATASET: Final = "egrid"


def load_subregions(file: str) -> list[Factor]:
    factors = []
    for line, row in read_rows(file):
        code = row["egrid_subregion"]
        year = int(row["egrid_edition"].split()[-1].rstrip(")"))
        factors.append(
            factor(
                DATASET,
                year,
                f"{row['egrid_edition']}, EPA Hub {row['edition']}",
                "electricity.grid",
                "US" if code == "US Average" else f"US-{code}",
                {},
                "MWh",
                f"eGRID total output emission rate: {row['egrid_subregion_name']} (lb/MWh)",
                provenance(file),
                gas_basis="mass",
                gases={
                    gas: GasValue(
                        value=number(file, line, row, f"total_output_{gas.lower()}_lb_per_mwh"),
                        unit="lb",
                    )
                    for gas in ("CO2", "CH4", "N2O")
                },
                edition=f"{DATASET}-{year}",
                source_ref=f"EPA Hub Table 6: {code}, total output emission rates",
                scope=2,
            )
        )
    return factors


def load_states(file: str) -> list[Factor]:
    return [
        factor(
            DATASET,
            int(row["data_year"]),
            f"eGRID{row['data_year']} ({row['egrid_field']})",
            "electricity.grid",
            f"US-{row['state_code']}",
            {},
            "MWh",
            f"eGRID state CO2e total output emission rate: {row['state']} ({row['unit']})",
            provenance(file),
            co2e=GasValue(value=number(file, line, row, "co2e_rate"), unit="lb"),
            edition=f"{DATASET}-{row['data_year']}",
            source_ref=f"{row['egrid_field'].split()[0]}: {row['state_code']}",
            scope=2,
        )
        for line, row in read_rows(file)
    ]
