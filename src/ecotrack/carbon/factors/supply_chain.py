"""US EPA Supply Chain GHG Emission Factors v1.3 by NAICS-6: spend-based, kg CO2e per 2022 USD
at purchaser price (AR5). Three factors per code, as EPA publishes them: supply chain
emissions without margins (to the factory gate), the margins alone (transport, wholesale,
retail) and with margins (to the point of sale). Only ``with_margins`` is for ordinary
purchase spend; adding the other two to it would count the margins twice.
"""

from __future__ import annotations

from typing import Final

from ecotrack.carbon.data import read_rows
from ecotrack.carbon.factors.model import Factor, GasValue
from ecotrack.carbon.factors.sources import DataError, factor, number, provenance

DATASET: Final = "epa-supply-chain"
EDITION: Final = "epa-supply-chain-1.3"
ACTIVITY: Final = "spend.naics"
DOLLAR_YEAR: Final = 2022
MARGINS: Final = {
    "with_margins": ("sef_with_margins", "supply chain emissions with margins"),
    "without_margins": ("sef_without_margins", "supply chain emissions without margins"),
    "margins_only": ("mef_margins", "margin emissions only"),
}


def load(file: str) -> list[Factor]:
    source = provenance(file)
    factors = []
    for line, row in read_rows(file):
        if row["dollar_year"] != str(DOLLAR_YEAR) or row["gwp_basis"] != "AR5 GWP100":
            raise DataError(file, line, "expected 2022 USD and AR5 GWP100")
        code = row["naics_code"]
        for margins, (column, what) in MARGINS.items():
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
                    gwp_basis="AR5",
                    edition=EDITION,
                    source_ref=f"NAICS {code} ({column}; USEEIO {row['reference_useeio_code']})",
                    scope=3,
                    scope3_category=1,
                )
            )
    return factors
