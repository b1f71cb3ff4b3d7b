"""Spend: money spent on goods and services by NAICS-6 code, with the US EPA Supply Chain GHG
Emission Factors v1.3 (kg CO2e per 2022 USD, purchaser price), in scope 3 category 1, 2 or 15.

A factor is per US dollar of its own dollar year, so the spend is brought to it first: another
currency is converted to US dollars at the exchange rate the request gives (with its source),
then the US dollars of the price year are moved to the factor's dollar year with the BLS CPI-U
all-items annual average: amount = spend × CPI(factor year) / CPI(price year). The CPI-U is a
general consumer index, an approximation of the commodity-specific indexes EPA recommends, and
it is for US dollars only, so it is never applied before the conversion.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

from ecotrack.carbon.engine.calculation import _fmt
from ecotrack.carbon.engine.specs import ActivitySpec, OptionSpec
from ecotrack.carbon.factors import Factor
from ecotrack.carbon.factors.prices import cpi_u
from ecotrack.carbon.schemas import ActivityRequest
from ecotrack.core.errors import UnprocessableContent

ACTIVITY: Final = "spend.naics"
DATASET: Final = "epa-supply-chain"
CURRENCY: Final = "USD"
CATEGORIES: Final[Mapping[str, tuple[Literal[1, 2, 3], int | None]]] = {
    "1": (3, 1),
    "2": (3, 2),
    "15": (3, 15),
}
_MARGINS: Final = {
    "without_margins": "supply chain emissions to the factory gate, without the margins",
    "margins_only": "the transport, wholesale and retail margins alone",
}


SPECS: Final[tuple[ActivitySpec, ...]] = (
    ActivitySpec(
        ACTIVITY,
        "Spend on goods and services by NAICS-6 code (US EPA Supply Chain GHG Emission Factors "
        "v1.3, kg CO2e per 2022 USD at purchaser price); the quantity is the amount spent, in "
        "unit USD, of the currency option's currency; a spend-based screening estimate",
        ("money",),
        3,
        1,
        options=(
            OptionSpec("naics", "2017 NAICS-6 code of what was bought (327310: cement)"),
            OptionSpec(
                "margins",
                "with_margins (to the point of sale: ordinary purchases), without_margins (to "
                "the factory gate) or margins_only (transport, wholesale and retail margins)",
                default="with_margins",
            ),
            OptionSpec(
                "price_year",
                "dollar year of the spend, default the activity year; moved to the factor's "
                "dollar year with the BLS CPI-U annual average",
                "number",
                selector=False,
            ),
            OptionSpec(
                "category",
                "scope 3 category: 1 purchased goods and services, 2 capital goods, "
                "15 investments (a screening method)",
                default="1",
                selector=False,
                values=tuple(CATEGORIES),
            ),
            OptionSpec(
                "currency",
                "ISO 4217 code of the amount spent; other than USD needs exchange_rate and "
                "exchange_rate_source",
                "text",
                CURRENCY,
                selector=False,
            ),
            OptionSpec(
                "exchange_rate",
                "US dollars per unit of the currency, for the price year",
                "number",
                selector=False,
            ),
            OptionSpec(
                "exchange_rate_source",
                "where the exchange rate comes from (cited in the result)",
                "text",
                selector=False,
            ),
        ),
        purposes=CATEGORIES,
        purpose_option="category",
    ),
)

SCREENING: Final = (
    "spend-based screening estimate: the GHG Protocol ranks the spend-based method (average "
    "emission factors per unit of money, from input-output data) the least precise; use "
    "supplier-specific or physical activity data where they exist"
)
INVESTMENTS: Final = (
    "category 15 investments: a spend-based factor applied to the amount invested is a "
    "screening method only, not an investment-specific (investee or financed-emissions) "
    "calculation"
)
CPI_APPROXIMATION: Final = (
    "the all-items CPI-U (BLS, a general US consumer price index) is used as an approximation "
    "of the commodity-specific price indexes EPA recommends for moving its factors between "
    "dollar years"
)


def in_factor_dollars(
    request: ActivityRequest, factor: Factor, amount: float, category: int | None
) -> tuple[float, list[str], list[str]]:
    """The spend in the factor's currency and dollar year, with the steps and notices.

    ``amount`` is the quantity in the factor's unit (USD), read as the currency option's
    currency of the price year.
    """
    options = request.options
    steps: list[str] = []
    notices: list[str] = []
    price_year = _price_year(options.get("price_year"), request.year)
    usd = _in_usd(options, amount, price_year, steps, notices)
    dollar_year = factor.year if factor.year is not None else price_year
    index = cpi_u()
    for year in (price_year, dollar_year):
        if year not in index.values:
            years = index.years()
            raise UnprocessableContent(
                f"no CPI-U annual average for {year}: the shipped BLS CPI-U covers "
                f"{years[0]} to {years[-1]}; give the spend's dollar year as price_year",
                available_years=years,
            )
    if price_year == dollar_year:
        converted = usd
        steps.append(
            f"Price year: {_fmt(usd)} USD of {price_year}, the factor's dollar year; no price "
            "adjustment"
        )
    else:
        ratio = index.values[dollar_year] / index.values[price_year]
        converted = usd * ratio
        steps.append(
            f"Price year: {_fmt(usd)} USD of {price_year} × CPI-U {dollar_year} "
            f"{index.printed[dollar_year]} / CPI-U {price_year} {index.printed[price_year]} "
            f"(BLS {index.series}, annual averages) = {_fmt(usd)} × {_fmt(ratio)} = "
            f"{_fmt(converted)} USD of {dollar_year}"
        )
        notices.append(
            f"the spend was moved from {price_year} to {dollar_year} US dollars: "
            f"{CPI_APPROXIMATION}"
        )
        notices.extend(
            f"CPI-U {year}: {index.notes[year]}"
            for year in sorted({price_year, dollar_year})
            if year in index.notes
        )
    margins = factor.options.get("margins")
    if margins in _MARGINS:
        notices.append(
            f"margins={margins}: {_MARGINS[margins]}; only with_margins is for ordinary "
            "purchase spend, and adding this figure to a with_margins one counts the margins "
            "twice"
        )
    notices.append(SCREENING)
    if category == 15:
        notices.append(INVESTMENTS)
    return converted, steps, notices


def _price_year(value: object, activity_year: int) -> int:
    if value is None:
        return activity_year
    # a number option (validated as 0 to 1e6); only a whole year names a CPI average
    assert isinstance(value, int | float)
    if isinstance(value, float) and not value.is_integer():
        raise UnprocessableContent(
            f"option 'price_year' must be a whole year, not {value!r}",
            accepted_values=cpi_u().years(),
        )
    return int(value)


def _in_usd(
    options: Mapping[str, object],
    amount: float,
    price_year: int,
    steps: list[str],
    notices: list[str],
) -> float:
    """``amount`` of the currency option's currency in US dollars (of the same year)."""
    given = options.get("currency", CURRENCY)
    currency = str(given).strip().upper()
    rate, source = options.get("exchange_rate"), options.get("exchange_rate_source")
    if not (len(currency) == 3 and currency.isascii() and currency.isalpha()):
        raise UnprocessableContent(
            f"currency {given!r} is not an ISO 4217 code (three letters, such as USD or EUR)",
            accepted_values="ISO 4217 alphabetic codes",
        )
    if currency == CURRENCY:
        if rate is not None or source is not None:
            raise UnprocessableContent(
                "exchange_rate and exchange_rate_source are for spend in another currency; "
                "leave them out for USD",
                accepted_options=["naics", "margins", "price_year", "category"],
            )
        return amount
    if rate is None or source is None:
        raise UnprocessableContent(
            f"spend in {currency} needs exchange_rate (US dollars per {currency}, for "
            f"{price_year}) and exchange_rate_source: the factors are per US dollar, and the "
            "US price index applies to US dollars only",
            required_options=["exchange_rate", "exchange_rate_source"],
        )
    assert isinstance(rate, int | float)  # a number option, validated
    if rate <= 0:
        raise UnprocessableContent(
            f"exchange_rate must be more than 0 US dollars per {currency}, not {rate!r}",
            accepted_values="finite numbers above 0",
        )
    usd = amount * rate
    steps.append(
        f"Currency: {_fmt(amount)} {currency} × {_fmt(rate)} USD/{currency} = {_fmt(usd)} USD "
        f"of {price_year} (exchange rate from {source})"
    )
    notices.append(
        f"converted from {currency} to US dollars at {_fmt(rate)} USD/{currency}, the rate the "
        f"request gave (source: {source}), before any price-year adjustment"
    )
    return usd
