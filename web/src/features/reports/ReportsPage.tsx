import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { download } from "../../api/client";
import { messageOf } from "../../api/problem";
import { useSession } from "../../auth/SessionProvider";
import { DataTable, type Column } from "../../components/DataTable";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, Loading } from "../../components/States";
import { formatChange, formatCo2e, formatDate, formatPercent } from "../../lib/format";
import {
  boundaryFacilities,
  calculationsPath,
  categoryRows,
  defaultYear,
  fileName,
  gasRows,
  hasData,
  inventoryPath,
  readableNote,
  scopeRows,
  yearOptions,
  yearParam,
  yearsWithData,
  type FacilityNames,
  type ReportFormat,
  type ScopeRow,
  type ShareRow,
} from "./inventory";
import type { FactorSource, InventoryReport } from "./types";
import { useFacilityNames, useInventory, useYearsWithData } from "./useReports";
import "./reports.css";

type Download = ReportFormat | "calculations";

const DOWNLOADS: { id: Download; label: string; what: string }[] = [
  { id: "pdf", label: "Download PDF", what: "the inventory as a PDF" },
  { id: "csv", label: "Download CSV", what: "the inventory as field,value CSV" },
  { id: "json", label: "Download JSON", what: "the inventory as JSON" },
  { id: "calculations", label: "Download calculations CSV", what: "every calculation behind the year, with factor and citation" },
];

function Downloads({ year, baseYear }: { year: number; baseYear: number | null }) {
  const [busy, setBusy] = useState<Download | null>(null);
  const [error, setError] = useState<string | null>(null);

  const fetchFile = async (id: Download) => {
    setBusy(id);
    setError(null);
    try {
      const path = id === "calculations" ? calculationsPath(year) : inventoryPath(year, id, baseYear);
      await download(path, fileName(year, id));
    } catch (failure) {
      setError(`The download failed: ${messageOf(failure)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel" aria-labelledby="reports-downloads">
      <h2 id="reports-downloads">Downloads</h2>
      <ul className="reports-downloads">
        {DOWNLOADS.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className={item.id === "pdf" ? undefined : "secondary"}
              disabled={busy !== null}
              aria-busy={busy === item.id}
              aria-describedby={`reports-download-${item.id}`}
              onClick={() => void fetchFile(item.id)}
            >
              {item.label}
            </button>
            <span className="hint" id={`reports-download-${item.id}`}>
              {item.what}
            </span>
          </li>
        ))}
      </ul>
      <p role="status" className="hint">
        {busy ? "Preparing the file…" : ""}
      </p>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}

const shareColumns = (first: string): Column<ShareRow>[] => [
  { key: "label", header: first, cell: (row) => row.label },
  { key: "kg", header: "CO₂e", numeric: true, cell: (row) => formatCo2e(row.kg) },
  { key: "share", header: "Share", numeric: true, cell: (row) => formatPercent(row.share) },
];

function Report({ report, names }: { report: InventoryReport; names: FacilityNames }) {
  const year = report.reporting_year;
  const base = report.base_year;
  const scopes = scopeRows(report);
  const gases = gasRows(report);
  const categories = categoryRows(report);
  const kpis = scopes.filter((row) => row.id !== "scope2_market_based_kg" && row.id !== "total_market_based_kg");

  const scopeColumns: Column<ScopeRow>[] = [
    { key: "label", header: "Scope", cell: (row) => (row.total ? <strong>{row.label}</strong> : row.label) },
    { key: "kg", header: String(year), numeric: true, cell: (row) => formatCo2e(row.kg) },
  ];
  if (base) {
    scopeColumns.push(
      { key: "base", header: `Base year ${base.year}`, numeric: true, cell: (row) => formatCo2e(row.baseKg) },
      { key: "change", header: "Change", numeric: true, cell: (row) => formatChange(row.change) },
    );
  }
  const sourceColumns: Column<FactorSource>[] = [
    { key: "dataset", header: "Dataset", cell: (row) => row.dataset },
    { key: "version", header: "Version", cell: (row) => row.version },
    { key: "year", header: "Year", cell: (row) => row.year },
    { key: "citation", header: "Citation", cell: (row) => row.citation },
    { key: "licence", header: "Licence", cell: (row) => row.licence },
    { key: "activities", header: "Activities", numeric: true, cell: (row) => row.activities },
  ];

  return (
    <>
      <div className="kpis">
        {kpis.map((row) => (
          <div className="kpi" key={row.id}>
            <p className="kpi-label">{row.label}</p>
            <p className="kpi-value">{formatCo2e(row.kg)}</p>
            {row.id === "scope2_location_based_kg" ? (
              <p className="kpi-note">market-based {formatCo2e(report.totals.scope2_market_based_kg)}</p>
            ) : row.id === "total_location_based_kg" ? (
              <p className="kpi-note">market-based {formatCo2e(report.totals.total_market_based_kg)}</p>
            ) : null}
          </div>
        ))}
      </div>

      <section className="panel" aria-labelledby="reports-scopes">
        <h2 id="reports-scopes">Emissions by scope</h2>
        <DataTable
          caption={`Emissions by scope, ${year}${base ? `, against base year ${base.year}` : ""}`}
          columns={scopeColumns}
          rows={scopes}
          rowKey={(row) => row.id}
        />
        {base ? null : (
          <p className="hint">No base year: choose one above, or set a reduction target (its base year is the default).</p>
        )}
      </section>

      <div className="grid">
        <section className="panel" aria-labelledby="reports-gases">
          <h2 id="reports-gases">By gas</h2>
          <DataTable
            caption={`Emissions by gas, ${year} (scope 2 location-based)`}
            columns={shareColumns("Gas")}
            rows={gases}
            rowKey={(row) => row.id}
            empty={<EmptyState title="No emissions by gas this year." />}
          />
        </section>
        <section className="panel" aria-labelledby="reports-categories">
          <h2 id="reports-categories">Scope 3 by category</h2>
          <DataTable
            caption={`Scope 3 emissions by category, ${year}`}
            columns={shareColumns("Category")}
            rows={categories}
            rowKey={(row) => row.id}
            empty={<EmptyState title="No scope 3 activity recorded this year." />}
          />
        </section>
      </div>

      <section className="panel" aria-labelledby="reports-boundary">
        <h2 id="reports-boundary">Organisational boundary</h2>
        <dl className="facts">
          <dt>Standard</dt>
          <dd>{report.standard}</dd>
          <dt>Period</dt>
          <dd>
            {formatDate(report.period.from)} to {formatDate(report.period.to)}
          </dd>
          <dt>Consolidation approach</dt>
          <dd>{report.organisational_boundary.consolidation_approach}</dd>
          <dt>Facilities</dt>
          <dd>
            <ul className="reports-list">
              {boundaryFacilities(report, names).map((facility) => (
                <li key={facility}>{facility}</li>
              ))}
            </ul>
          </dd>
        </dl>
      </section>

      <section className="panel" aria-labelledby="reports-methodology">
        <h2 id="reports-methodology">Methodology</h2>
        <p>{report.methodology}</p>
        <dl className="facts">
          <dt>GWP sets</dt>
          <dd>{report.gwp.length ? report.gwp.join(", ") : "–"}</dd>
        </dl>
      </section>

      <section className="panel" aria-labelledby="reports-sources">
        <h2 id="reports-sources">Emission factor sources</h2>
        <DataTable
          caption={`Emission factor sources behind ${year}, with citations and licences`}
          columns={sourceColumns}
          rows={report.factor_sources}
          rowKey={(row) => `${row.dataset} ${row.version} ${row.year}`}
        />
      </section>

      <div className="grid">
        <section className="panel" aria-labelledby="reports-exclusions">
          <h2 id="reports-exclusions">Exclusions</h2>
          {report.exclusions.length ? (
            <ul className="reports-list">
              {report.exclusions.map((exclusion) => (
                <li key={exclusion}>{exclusion}</li>
              ))}
            </ul>
          ) : (
            <p>None: every scope 3 category has data.</p>
          )}
        </section>
        <section className="panel" aria-labelledby="reports-quality">
          <h2 id="reports-quality">Data quality notes</h2>
          <ul className="reports-list">
            {report.data_quality_notes.map((note) => (
              <li key={note}>{readableNote(note, names)}</li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}

export function ReportsPage() {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const years = useYearsWithData();
  const names = useFacilityNames();
  const withData = yearsWithData(years.data);
  const chosen = yearParam(params.get("year"));
  const baseYear = yearParam(params.get("base"));
  const year = chosen ?? (years.isPending ? null : defaultYear(withData));
  const report = useInventory(year, baseYear);

  const choose = (name: "year" | "base", value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };

  if (!can("reports:read")) {
    return (
      <>
        <PageHeader title="Reports" />
        <p className="notice">Your role in this organisation doesn&apos;t include reading reports (reports:read).</p>
      </>
    );
  }

  let content;
  if (year === null || report.isPending) content = <Loading what="the GHG inventory" />;
  else if (report.isError) content = <ErrorState error={report.error} retry={() => void report.refetch()} />;
  else if (!hasData(report.data))
    content = (
      <EmptyState title={`No data for ${year} yet.`}>
        <p>
          {can("activities:write") ? (
            <>
              <Link to="/activities">Record activities or import a CSV</Link>, or connect a meter on{" "}
              <Link to="/facilities">Facilities &amp; meters</Link>; the inventory fills in as they arrive.
            </>
          ) : (
            "Ask an editor of your organisation to import a CSV or connect a meter; the inventory fills in as data arrives."
          )}
          {withData.length ? ` Years with data: ${withData.join(", ")}.` : ""}
        </p>
      </EmptyState>
    );
  else
    content = (
      <>
        <Downloads year={year} baseYear={baseYear} />
        <Report report={report.data} names={names} />
      </>
    );

  return (
    <div className="reports-page">
      <PageHeader title="Reports" />
      <section className="panel" aria-labelledby="reports-choose">
        <h2 id="reports-choose">GHG inventory</h2>
        <p className="hint">
          The GHG Protocol Corporate Standard inventory of a calendar year: scopes 1, 2 (location- and market-based)
          and 3, gases, factor sources, exclusions and data quality.
        </p>
        <div className="reports-choose">
          <div>
            <label htmlFor="reports-year">Reporting year</label>
            <select
              id="reports-year"
              value={year ?? ""}
              disabled={year === null}
              onChange={(event) => choose("year", event.target.value)}
            >
              {year === null ? <option value="">Loading…</option> : null}
              {yearOptions(withData, year).map((option) => (
                <option key={option} value={option}>
                  {option}
                  {withData.includes(option) ? "" : " (no data)"}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="reports-base">Base year</label>
            <select id="reports-base" value={baseYear ?? ""} onChange={(event) => choose("base", event.target.value)}>
              <option value="">The earliest target&apos;s, if any</option>
              {yearOptions(withData, baseYear).map((option) => (
                <option key={option} value={option}>
                  {option}
                  {withData.includes(option) ? "" : " (no data)"}
                </option>
              ))}
            </select>
          </div>
        </div>
        {years.isError ? (
          <p className="hint">Couldn&apos;t list the years with data ({messageOf(years.error)}); any year can still be chosen by link.</p>
        ) : null}
      </section>
      {content}
    </div>
  );
}
