"""US EPA Supply Chain GHG Emission Factors v1.3 by NAICS-6: spend-based, kg CO2e per 2022 USD
at purchaser price (AR5), and by gas. Three factors per code, as EPA publishes them: supply
chain emissions without margins (to the factory gate), the margins alone (transport,
wholesale, retail) and with margins (to the point of sale). Only ``with_margins`` is for
ordinary purchase spend; adding the other two to it would count the margins twice.

Each factor holds EPA's published CO2e (the CO2e file) and its rows of the by-gas file: kg of
each of 17 gases per 2022 USD, no GWP applied, under the GWP tables' names (``Methane`` is
CH4, ``Perfluorocyclobutane`` cC4F8), and "HFCs and PFCs, unspecified", which EPA gives in kg
CO2e only (:data:`~ecotrack.carbon.factors.model.CO2E_UNIT`). The by-gas values are rounded to
3 significant figures and the CO2e to 3 decimals, so the masses times AR5 GWPs give the
published CO2e only within that rounding (tests/carbon/test_supply_chain_by_gas.py).

The by-gas file is read once and grouped by code; each distinct value it prints (5,454 of
its 54,864 cells, with their unit) is parsed once and shared between the factors.
"""

from __future__ import annotations

import csv
import io
from typing import Final

from ecotrack.carbon import gwp
from ecotrack.carbon.data import read_rows, read_text
from ecotrack.carbon.factors.model import CO2E_UNIT, Factor, GasValue
from ecotrack.carbon.factors.sources import DataError, factor, number, provenance

DATASET: Final = "epa-supply-chain"
EDITION: Final = "epa-supply-chain-1.3"
ACTIVITY: Final = "spend.naics"
DOLLAR_YEAR: Final = 2022
GWP_BASIS: Final = "AR5"
BY_GAS_FILE: Final = "epa_supply_chain_v1_3_naics_by_gas_usd2022.csv"
MARGINS: Final = {
    "with_margins": ("sef_with_margins", "supply chain emissions with margins"),
    "without_margins": ("sef_without_margins", "supply chain emissions without margins"),
    "margins_only": ("mef_margins", "margin emissions only"),
}
UNSPECIFIED: Final = "HFCs and PFCs, unspecified"
"""The by-gas row EPA gives in kg CO2e (GWP not restated), kept under its own name."""
# (unit, gwp_basis) of the by-gas rows, as published: masses of gas, and the CO2e-only row
_MASS: Final = ("kg/2022 USD, purchaser price", "none (kg of gas)")
_CO2E_ONLY: Final = ("kg CO2e/2022 USD, purchaser price", "kg CO2e as published (GWP not restated)")
# EPA's gas names to the GWP tables' names, in the order results list them; a name not here
# must be one the GWP tables know (gwp.canonical_gas), or the load stops
GASES: Final = {
    "Carbon dioxide": "CO2",
    "Methane": "CH4",
    "Nitrous oxide": "N2O",
    "HFC-23": "HFC-23",
    "HFC-32": "HFC-32",
    "HFC-125": "HFC-125",
    "HFC-134a": "HFC-134a",
    "HFC-143a": "HFC-143a",
    "HFC-236fa": "HFC-236fa",
    "Carbon tetrafluoride": "CF4",
    "Hexafluoroethane": "C2F6",
    "Perfluoropropane": "C3F8",
    "Perfluorobutane": "C4F10",
    "Perfluorocyclobutane": "cC4F8",
    "Perfluorohexane": "C6F14",
    "Sulfur hexafluoride": "SF6",
    "Nitrogen trifluoride": "NF3",
}
_COLUMNS: Final = ("naics_code", "ghg", "unit", "gwp_basis", "dollar_year")
_RANK: Final = {name: i for i, name in enumerate([*GASES.values(), UNSPECIFIED])}

# one by-gas row of a code: (line, gas name as the GWP tables write it, the three values)
_GasRow = tuple[int, str, tuple[GasValue, GasValue, GasValue]]


def load(file: str, by_gas_file: str = BY_GAS_FILE) -> list[Factor]:
    """The factors of the CO2e ``file``, each with its rows of ``by_gas_file``."""
    source = provenance(file)
    by_gas = _by_gas(by_gas_file)
    expected: frozenset[str] | None = None
    factors = []
    seen: set[str] = set()
    for line, row in read_rows(file):
        if row["dollar_year"] != str(DOLLAR_YEAR) or row["gwp_basis"] != "AR5 GWP100":
            raise DataError(file, line, "expected 2022 USD and AR5 GWP100")
        code = row["naics_code"]
        if code in seen:
            raise DataError(file, line, f"NAICS code {code} appears twice")
        seen.add(code)
        gas_rows = by_gas.pop(code, None)
        if gas_rows is None:
            raise DataError(file, line, f"NAICS code {code} has no rows in {by_gas_file}")
        names = frozenset(gas for _, gas, _ in gas_rows)
        if expected is None:
            expected = names
        elif names != expected:
            missing = ", ".join(sorted(expected - names)) or "none"
            extra = ", ".join(sorted(names - expected)) or "none"
            raise DataError(
                by_gas_file,
                max(gas_line for gas_line, _, _ in gas_rows),
                f"NAICS code {code} has other gases than the codes before it "
                f"(missing: {missing}; not in the others: {extra})",
            )
        for i, (margins, (column, what)) in enumerate(MARGINS.items()):
            factors.append(
                factor(
                    DATASET,
                    DOLLAR_YEAR,
                    row["dataset_version"],
                    ACTIVITY,
                    "US",
                    {"naics": code, "margins": margins},
                    "USD",
                    f"{row['naics_title']} (NAICS {code}): {what}, kg CO2e per 2022 USD, "
                    "purchaser price",
                    source,
                    co2e=GasValue(value=number(file, line, row, column), unit="kg"),
                    gas_basis="mass",
                    gases={gas: values[i] for _, gas, values in gas_rows},
                    gwp_basis=GWP_BASIS,
                    edition=EDITION,
                    source_ref=f"NAICS {code} ({column}; USEEIO {row['reference_useeio_code']})",
                    scope=3,
                    scope3_category=1,
                )
            )
    if by_gas:
        code, gas_rows = next(iter(by_gas.items()))
        first = min(gas_line for gas_line, _, _ in gas_rows)
        raise DataError(by_gas_file, first, f"NAICS code {code} is not in {file}")
    return factors


def _by_gas(file: str) -> dict[str, list[_GasRow]]:
    """The by-gas rows of each code, in the order of :data:`GASES`, read once.

    Read with ``csv.reader`` rather than as dicts: 18,288 rows in half the time.
    """
    reader = csv.reader(io.StringIO(read_text(file), newline=""))
    header = next(reader)
    at = {column: i for i, column in enumerate(header)}
    missing = [c for c in (*_COLUMNS, *(c for c, _ in MARGINS.values())) if c not in at]
    if missing:
        raise DataError(file, 1, f"no column {', '.join(missing)}")
    code_at, gas_at, unit_at, basis_at, year_at = (at[c] for c in _COLUMNS)
    value_at = [(column, at[column]) for column, _ in MARGINS.values()]
    width = len(header)
    values: dict[tuple[str, str], GasValue] = {}  # (text, unit) -> value, shared
    names: dict[str, tuple[str, str]] = {}  # EPA's name -> (gas, unit of its values)
    grouped: dict[str, list[_GasRow]] = {}
    seen: set[tuple[str, str]] = set()
    for cells in reader:
        line = reader.line_num
        if len(cells) != width:
            raise DataError(file, line, f"{len(cells)} cells, not {width}")
        published = cells[gas_at]
        if published not in names:
            names[published] = _gas(file, line, published)
        gas, unit = names[published]
        expected = _CO2E_ONLY if gas == UNSPECIFIED else _MASS
        if (cells[unit_at], cells[basis_at]) != expected:
            raise DataError(
                file,
                line,
                f"{published}: expected unit {expected[0]!r} and gwp_basis {expected[1]!r}, "
                f"not {cells[unit_at]!r} and {cells[basis_at]!r}",
            )
        if cells[year_at] != str(DOLLAR_YEAR):
            raise DataError(file, line, f"expected 2022 USD, not {cells[year_at]!r}")
        code = cells[code_at]
        if (code, gas) in seen:
            raise DataError(file, line, f"NAICS code {code} gives {published} twice")
        seen.add((code, gas))
        parsed = []
        for column, i in value_at:
            text = cells[i]
            value = values.get((text, unit))
            if value is None:
                # a DataError naming the column for what is not a finite number
                number_value = number(file, line, {column: text}, column)
                value = values[(text, unit)] = GasValue(value=number_value, unit=unit)
            parsed.append(value)
        grouped.setdefault(code, []).append((line, gas, (parsed[0], parsed[1], parsed[2])))
    for rows in grouped.values():
        rows.sort(key=lambda gas_row: _RANK.get(gas_row[1], len(_RANK)))
    return grouped


def _gas(file: str, line: int, published: str) -> tuple[str, str]:
    """The GWP tables' name of EPA's gas and the unit of its values; a DataError if none."""
    if published == UNSPECIFIED:
        return UNSPECIFIED, CO2E_UNIT
    name = GASES.get(published) or published
    gas = gwp.canonical_gas(name)
    known = {info.name: info for info in gwp.gases()}
    if gas is None or known[gas].is_blend or GWP_BASIS not in known[gas].gwp_sets:
        raise DataError(file, line, f"gas {published!r} has no {GWP_BASIS} GWP entry")
    return gas, "kg"
