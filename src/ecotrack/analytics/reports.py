"""The GHG inventory of a reporting year (GHG Protocol Corporate Standard layout).

Totals come from the same aggregates as the query API, so a report and a dashboard never
disagree; the calculation export lists every current activity version behind them with
its factor and citation, so an auditor can recompute each line.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from ecotrack.analytics.models import ActivityVersion, Target
from ecotrack.analytics.queries import Filters, Scope2Method, Totals, coverage, emissions, kg
from ecotrack.core import tabular
from ecotrack.core.numbers import round_kg

SCOPE3_CATEGORIES = {
    1: "Purchased goods and services",
    2: "Capital goods",
    3: "Fuel- and energy-related activities",
    4: "Upstream transportation and distribution",
    5: "Waste generated in operations",
    6: "Business travel",
    7: "Employee commuting",
    8: "Upstream leased assets",
    9: "Downstream transportation and distribution",
    10: "Processing of sold products",
    11: "Use of sold products",
    12: "End-of-life treatment of sold products",
    13: "Downstream leased assets",
    14: "Franchises",
    15: "Investments",
}

METHODOLOGY = (
    "Emissions are calculated activity by activity as quantity x emission factor, with "
    "greenhouse gases converted to CO2e by the GWP set named on each activity. Scope 2 is "
    "reported both location-based (grid-average factors) and market-based (contractual "
    "instruments, else the residual or grid factor), as the GHG Protocol Scope 2 Guidance "
    "requires. An activity covering several days is spread evenly over them, so a year "
    "holds the share of each activity that falls in it."
)


async def _scope_totals(session: AsyncSession, organization_id: str, year: int) -> dict[str, float]:
    start, end = date(year, 1, 1), date(year, 12, 31)
    # exact amounts (pg), each total rounded once: the scopes' kg need not add up to it
    by_method: dict[Scope2Method, Totals] = {}
    for method in ("location", "market"):
        by_method[method] = await emissions(
            session, organization_id, Filters(start, end, scope2_method=method), ("scope",)
        )
    location, market = (
        {int(key[0]): pg for key, pg in by_method[method].rows.items()}
        for method in ("location", "market")
    )
    return {
        "scope1_kg": kg(location.get(1, 0)),
        "scope2_location_based_kg": kg(location.get(2, 0)),
        "scope2_market_based_kg": kg(market.get(2, 0)),
        "scope3_kg": kg(location.get(3, 0)),
        "total_location_based_kg": kg(by_method["location"].total_pg),
        "total_market_based_kg": kg(by_method["market"].total_pg),
    }


async def current_activities(
    session: AsyncSession, organization_id: str, year: int
) -> list[dict[str, Any]]:
    """The current version of every activity with days in ``year``, oldest period first."""
    rows = await session.scalars(
        sa.select(ActivityVersion)
        .where(
            ActivityVersion.organization_id == organization_id,
            ActivityVersion.deleted.is_(False),
            ActivityVersion.period_start <= date(year, 12, 31),
            ActivityVersion.period_end >= date(year, 1, 1),
        )
        .order_by(ActivityVersion.period_start, ActivityVersion.activity_id)
    )
    return [row.record for row in rows]


def _share_in_year(record: dict[str, Any], year: int) -> float:
    start = date.fromisoformat(record["period_start"])
    end = date.fromisoformat(record["period_end"])
    inside = min(end, date(year, 12, 31)) - max(start, date(year, 1, 1))
    return (inside.days + 1) / ((end - start).days + 1)


def _sources(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counted: Counter[tuple[str, str, str, str, str]] = Counter()
    for record in records:
        factor = record.get("factor") or {}
        counted[
            tuple(  # type: ignore[index]
                str(factor.get(name) or "")
                for name in ("dataset", "version", "year", "citation", "licence")
            )
        ] += 1
    return [
        {
            "dataset": dataset,
            "version": version,
            "year": year,
            "citation": citation,
            "licence": licence,
            "activities": count,
        }
        for (dataset, version, year, citation, licence), count in sorted(counted.items())
    ]


async def inventory(
    session: AsyncSession, organization_id: str, year: int, base_year: int | None
) -> dict[str, Any]:
    start, end = date(year, 1, 1), date(year, 12, 31)
    if base_year is None:
        base_year = await session.scalar(
            sa.select(sa.func.min(Target.base_year)).where(
                Target.organization_id == organization_id
            )
        )
    records = await current_activities(session, organization_id, year)
    by_gas = await emissions(session, organization_id, Filters(start, end), ("gas",))
    by_category = await emissions(
        session, organization_id, Filters(start, end, scopes=(3,)), ("category",)
    )
    categories = {int(key[0]): kg(pg) for key, pg in by_category.rows.items() if key[0]}
    covered = await coverage(session, organization_id, start, end)
    facilities = [entry["facility_id"] for entry in covered["facilities"]]
    missing_mass = sum(
        1
        for record in records
        for values in (record.get("gases") or {}).values()
        if values.get("mass_kg") is None
    )
    notes = [
        f"{len(records)} activities, by source: "
        + ", ".join(
            f"{source} {count}"
            for source, count in sorted(Counter(r.get("source", "?") for r in records).items())
        ),
    ]
    notes += [
        f"facility {entry['facility_id'] or '(none)'}: no data for "
        + ", ".join(entry["months_without_data"])
        for entry in covered["facilities"]
        if entry["months_without_data"]
    ]
    if covered["months_without_any_data"]:
        notes.append("no data at all for " + ", ".join(covered["months_without_any_data"]))
    if missing_mass:
        notes.append(
            f"{missing_mass} gas figures are published as CO2e only (no mass in the source)"
        )
    return {
        "standard": "GHG Protocol Corporate Accounting and Reporting Standard (revised edition)",
        "organization_id": organization_id,
        "reporting_year": year,
        "period": {"from": str(start), "to": str(end)},
        "organisational_boundary": {
            "consolidation_approach": "operational control",
            "facilities": facilities,
        },
        "totals": await _scope_totals(session, organization_id, year),
        "by_gas_kg": {str(key[0]): kg(pg) for key, pg in by_gas.rows.items()},
        "scope3_by_category_kg": {
            f"{number}. {SCOPE3_CATEGORIES[number]}": value
            for number, value in sorted(categories.items())
        },
        "base_year": None
        if base_year is None
        else {
            "year": base_year,
            "totals": await _scope_totals(session, organization_id, base_year),
        },
        "methodology": METHODOLOGY,
        "gwp": sorted({str(record.get("gwp")) for record in records if record.get("gwp")}),
        "factor_sources": _sources(records),
        "exclusions": [
            f"Scope 3 category {number}. {name}: not reported, no activity recorded"
            for number, name in SCOPE3_CATEGORIES.items()
            if number not in categories
        ],
        "data_quality_notes": notes,
    }


def _flatten(prefix: str, value: Any) -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        return [
            pair
            for name, item in value.items()
            for pair in _flatten(f"{prefix}.{name}" if prefix else str(name), item)
        ]
    if isinstance(value, list):
        return [
            pair
            for index, item in enumerate(value)
            for pair in _flatten(f"{prefix}[{index}]", item)
        ]
    return [(prefix, value)]  # numbers stay numbers; text is neutralised when written


def inventory_csv(report: dict[str, Any]) -> str:
    """The inventory as ``field,value`` lines, fields named by their path in the JSON.

    Citations and licences are the organisation's own text (private factors): a cell that
    a spreadsheet would run as a formula is written as text (core/tabular.py).
    """
    return tabular.csv_text([("field", "value"), *_flatten("", report)])


CALCULATION_COLUMNS = (
    "activity_id",
    "version",
    "facility_id",
    "activity",
    "quantity",
    "unit",
    "period_start",
    "period_end",
    "share_in_year",
    "scope",
    "category",
    "co2e_kg",
    "location_based_kg",
    "market_based_kg",
    "co2_kg",
    "ch4_co2e_kg",
    "n2o_co2e_kg",
    "gwp",
    "factor_id",
    "factor_value",
    "factor_unit",
    "factor_dataset",
    "factor_version",
    "factor_year",
    "factor_region",
    "factor_citation",
    "factor_licence",
    "source",
    "recorded_by",
    "recorded_at",
)


KG_COLUMNS = frozenset(column for column in CALCULATION_COLUMNS if column.endswith("_kg"))


def _kg_cell(value: Any) -> Any:
    # the record's figures are unrounded (as the event carries them); the file shows mg
    return round_kg(float(value)) if isinstance(value, int | float) else value


def calculations_csv(records: list[dict[str, Any]], year: int) -> str:
    """One line per activity version; text cells neutralised as in :func:`inventory_csv`.

    kg columns are rounded to the milligram (core/numbers.py), each from the record's
    unrounded figure; quantities and factor values are written as recorded.
    """
    lines: list[tuple[Any, ...]] = [CALCULATION_COLUMNS]
    for record in records:
        factor = record.get("factor") or {}
        gases = record.get("gases") or {}
        row = {name: record.get(name) for name in CALCULATION_COLUMNS if name in record}
        row |= {
            column: factor.get(column.removeprefix("factor_"))
            for column in CALCULATION_COLUMNS
            if column.startswith("factor_")
        }
        row |= {
            "share_in_year": round(_share_in_year(record, year), 6),
            "co2_kg": (gases.get("CO2") or {}).get("co2e_kg"),
            "ch4_co2e_kg": (gases.get("CH4") or {}).get("co2e_kg"),
            "n2o_co2e_kg": (gases.get("N2O") or {}).get("co2e_kg"),
        }
        row |= {column: _kg_cell(row.get(column)) for column in KG_COLUMNS}
        lines.append(tuple(row.get(column) for column in CALCULATION_COLUMNS))
    return tabular.csv_text(lines)


def _latin1(text: str) -> str:
    # The PDF's core fonts are Latin-1; other characters print as '?' rather than fail.
    return text.encode("latin-1", "replace").decode("latin-1")


def inventory_pdf(report: dict[str, Any]) -> bytes:
    # Imported here: fpdf2 is slow to import and only PDF reports need it.
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    width = pdf.epw

    def heading(text: str) -> None:
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(width, 8, _latin1(text), new_x="LMARGIN", new_y="NEXT")

    def line(text: str) -> None:
        pdf.set_font("Helvetica", "", 9)
        pdf.multi_cell(width, 5, _latin1(text), new_x="LMARGIN", new_y="NEXT")

    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(
        width,
        10,
        _latin1(f"GHG inventory {report['reporting_year']}"),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    line(report["standard"])
    line(
        f"Organisation {report['organization_id']}, {report['period']['from']} to "
        f"{report['period']['to']}"
    )
    heading("Organisational boundary")
    boundary = report["organisational_boundary"]
    line(f"Consolidation approach: {boundary['consolidation_approach']}")
    line("Facilities: " + (", ".join(str(f or "(none)") for f in boundary["facilities"]) or "-"))
    heading("Emissions (kg CO2e)")
    for name, value in report["totals"].items():
        line(f"{name}: {value:,.3f}")
    heading("By gas (kg CO2e, scope 2 location-based)")
    for name, value in report["by_gas_kg"].items():
        line(f"{name}: {value:,.3f}")
    heading("Scope 3 by category (kg CO2e)")
    for name, value in report["scope3_by_category_kg"].items():
        line(f"{name}: {value:,.3f}")
    heading("Base year")
    base = report["base_year"]
    if base is None:
        line("No base year set (no reduction target).")
    else:
        line(f"Base year {base['year']}")
        for name, value in base["totals"].items():
            line(f"{name}: {value:,.3f}")
    heading("Methodology")
    line(report["methodology"])
    line("GWP sets: " + (", ".join(report["gwp"]) or "-"))
    heading("Emission factor sources")
    for source in report["factor_sources"]:
        line(
            f"{source['dataset']} {source['version']} ({source['year']}), "
            f"{source['activities']} activities. {source['citation']}. "
            f"Licence: {source['licence']}"
        )
    heading("Exclusions")
    for exclusion in report["exclusions"]:
        line(exclusion)
    heading("Data quality")
    for note in report["data_quality_notes"]:
        line(note)
    return bytes(pdf.output())
