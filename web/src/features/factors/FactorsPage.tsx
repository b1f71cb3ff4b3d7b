import { useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { DataTable, type Column } from "../../components/DataTable";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, Loading } from "../../components/States";
import {
  datasetLabel,
  facetGroups,
  factorValueText,
  groupOptions,
  pageCount,
  pageSummary,
  parseSearch,
  searchParams,
  withFilter,
  type FacetGroup,
  type FactorSearch,
} from "./factors";
import { regionLabel } from "./regions";
import type { Factor } from "./types";
import { useFactorCatalogue, useFactorSearch } from "./useFactors";
import "./factors.css";

const TYPING_MS = 350;

export function factorPath(id: string): string {
  return `/factors/${encodeURIComponent(id)}`;
}

export function FactorsPage() {
  const [params, setParams] = useSearchParams();
  const search = parseSearch(params);
  const results = useFactorSearch(search);
  const catalogue = useFactorCatalogue();

  const go = (next: FactorSearch, replace = false) => setParams(searchParams(next), { replace });

  // The box follows the URL (back and forward), and the URL follows the box as one types.
  const [text, setText] = useState(search.text);
  const [shownText, setShownText] = useState(search.text);
  if (shownText !== search.text) {
    setShownText(search.text);
    setText(search.text);
  }
  useEffect(() => {
    if (text.trim() === search.text.trim()) return;
    const timer = setTimeout(() => go({ ...search, text, page: 1 }, true), TYPING_MS);
    return () => clearTimeout(timer);
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ ...search, text, page: 1 });
  };

  const groups = results.data ? facetGroups(results.data.facets, search, catalogue.data ?? []) : [];
  const filtered = search.text.trim() !== "" || Object.keys(search.filters).length > 0;
  const total = results.data?.total ?? 0;
  const pages = pageCount(total);

  const columns: Column<Factor>[] = [
    {
      key: "name",
      header: "Factor",
      cell: (factor) => (
        <span className="factors-name">
          <Link to={factorPath(factor.id)}>{factor.label || factor.id}</Link>
          <span className="factors-id">
            {factor.id} {factor.private && <span className="badge good">Private</span>}
          </span>
        </span>
      ),
    },
    { key: "value", header: "Value", cell: (factor) => factorValueText(factor) },
    { key: "region", header: "Region", cell: (factor) => <span title={regionLabel(factor.region)}>{factor.region}</span> },
    { key: "year", header: "Year", cell: (factor) => factor.year ?? "Any" },
    {
      key: "dataset",
      header: "Dataset and edition",
      cell: (factor) => (
        <span className="factors-name">
          <span>{datasetLabel(factor.dataset)}</span>
          {factor.dataset_version && <span className="factors-id">{factor.dataset_version}</span>}
        </span>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="Factor library" />
      <form className="factors-search" role="search" onSubmit={submit}>
        <div>
          <label htmlFor="factor-search">Search factors</label>
          <input
            id="factor-search"
            type="search"
            maxLength={200}
            value={text}
            placeholder="natural gas, ERCOT, flight business class…"
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <button type="submit">Search</button>
      </form>

      <section className="panel" aria-labelledby="factor-filters">
        <h2 id="factor-filters">Filters</h2>
        {results.isPending ? (
          <Loading what="filters" />
        ) : (
          <div className="factors-filters">
            {groups.map((group) => (
              <FacetSelect key={group.name} group={group} onChange={(value) => go(withFilter(search, group.name, value))} />
            ))}
            {filtered && (
              <button type="button" className="secondary" onClick={() => go({ text: "", filters: {}, page: 1 })}>
                Clear search and filters
              </button>
            )}
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="factor-results">
        <h2 id="factor-results">Results</h2>
        {results.isPending ? (
          <Loading what="factors" />
        ) : results.error ? (
          <ErrorState error={results.error} retry={() => void results.refetch()} />
        ) : (
          <>
            <p className="factors-summary" role="status">
              {pageSummary(total, search.page)}
              {results.isPlaceholderData ? " (updating…)" : ""}
            </p>
            <DataTable
              caption={`${pageSummary(total, search.page)}${filtered ? ", filtered" : ""}`}
              columns={columns}
              rows={results.data.items}
              rowKey={(factor) => factor.id}
              empty={
                <EmptyState title="No factors match">
                  <p>Search for fewer or other words, or clear a filter.</p>
                </EmptyState>
              }
            />
            {total > 0 && (
              <nav className="pager" aria-label="Result pages">
                <button
                  type="button"
                  className="secondary"
                  disabled={search.page <= 1}
                  onClick={() => go({ ...search, page: search.page - 1 })}
                >
                  Previous page
                </button>
                <span>
                  Page {Math.min(search.page, pages)} of {pages}
                </span>
                <button
                  type="button"
                  className="secondary"
                  disabled={search.page >= pages}
                  onClick={() => go({ ...search, page: search.page + 1 })}
                >
                  Next page
                </button>
              </nav>
            )}
          </>
        )}
      </section>
    </>
  );
}

function FacetSelect({ group, onChange }: { group: FacetGroup; onChange: (value: string | null) => void }) {
  const id = `factor-facet-${group.name}`;
  const option = (value: string, label: string, count: number) => (
    <option key={value} value={value}>
      {label} ({count.toLocaleString()})
    </option>
  );
  return (
    <div>
      <label htmlFor={id}>{group.label}</label>
      <select id={id} value={group.selected} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">{group.any}</option>
        {groupOptions(group.options).map(({ group: name, options }) =>
          name ? (
            <optgroup key={name} label={name}>
              {options.map((choice) => option(choice.value, choice.label, choice.count))}
            </optgroup>
          ) : (
            options.map((choice) => option(choice.value, choice.label, choice.count))
          ),
        )}
      </select>
    </div>
  );
}
