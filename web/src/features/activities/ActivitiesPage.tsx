import { useId } from "react";
import { Link, useSearchParams } from "react-router";
import { Can, useSession } from "../../auth/SessionProvider";
import { DataTable } from "../../components/DataTable";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, Loading } from "../../components/States";
import { formatCo2e } from "../../lib/format";
import { ImportPanel } from "./ImportPanel";
import {
  filtersFromSearch,
  hasFilters,
  pagerOf,
  recordRows,
  searchFromFilters,
  SOURCE_LABELS,
  SOURCES,
  withFilter,
  type FilterKey,
  type RecordFilters,
  type RecordRow,
} from "./records";
import { useCatalogue, useFacilities, useRecords, useTotals } from "./useActivities";
import "./activities.css";

const COLUMNS = [
  {
    key: "period",
    header: "Period",
    cell: (row: RecordRow) => (
      <Link className="activity-link" to={row.href}>
        {row.period}
      </Link>
    ),
  },
  { key: "facility", header: "Facility", cell: (row: RecordRow) => row.facility },
  {
    key: "activity",
    header: "Activity",
    cell: (row: RecordRow) => <span className="activity-id">{row.activity}</span>,
  },
  { key: "quantity", header: "Quantity", cell: (row: RecordRow) => row.quantity, numeric: true },
  { key: "co2e", header: "CO₂e", cell: (row: RecordRow) => row.co2e, numeric: true },
  { key: "scope", header: "Scope", cell: (row: RecordRow) => row.scope },
  { key: "version", header: "Version", cell: (row: RecordRow) => row.version, numeric: true },
];

export function ActivitiesPage() {
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const show = (next: RecordFilters) => setSearch(searchFromFilters(next));
  // Filters change from the address as it is now, not as last rendered: two quick changes
  // (a navigation renders in a transition) must not undo each other.
  const change = (key: FilterKey, value: string) =>
    show(withFilter(filtersFromSearch(new URLSearchParams(window.location.search)), key, value));

  return (
    <>
      <PageHeader title="Activities">
        <Can scope="activities:write">
          <Link className="button" to="/activities/new">
            Add activity
          </Link>
        </Can>
      </PageHeader>
      <Filters filters={filters} change={change} clear={() => show(filtersFromSearch(new URLSearchParams()))} />
      <Can scope="activities:write">
        <ImportPanel />
      </Can>
      <Ledger filters={filters} show={show} />
    </>
  );
}

function Filters({
  filters,
  change,
  clear,
}: {
  filters: RecordFilters;
  change: (key: FilterKey, value: string) => void;
  clear: () => void;
}) {
  const id = useId();
  const catalogue = useCatalogue();
  const facilities = useFacilities();
  const set = (key: FilterKey) => (event: { target: { value: string } }) => change(key, event.target.value);

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Filters</h2>
      <div className="toolbar activity-filters">
        <div>
          <label htmlFor={`${id}-facility`}>Facility</label>
          <select id={`${id}-facility`} value={filters.facility} onChange={set("facility")}>
            <option value="">All facilities</option>
            {facilities.data?.map((facility) => (
              <option key={facility.id} value={facility.id}>
                {facility.name}
              </option>
            ))}
            {filters.facility && !facilities.data?.some((facility) => facility.id === filters.facility) && (
              <option value={filters.facility}>Facility {filters.facility.slice(0, 8)}</option>
            )}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-activity`}>Activity</label>
          <select id={`${id}-activity`} value={filters.activity} onChange={set("activity")}>
            <option value="">All activities</option>
            {catalogue.data?.map((activity) => (
              <option key={activity.id} value={activity.id}>
                {activity.id}
              </option>
            ))}
            {filters.activity && !catalogue.data?.some((activity) => activity.id === filters.activity) && (
              <option value={filters.activity}>{filters.activity}</option>
            )}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-scope`}>Scope</label>
          <select id={`${id}-scope`} value={filters.scope} onChange={set("scope")}>
            <option value="">All scopes</option>
            <option value="1">Scope 1</option>
            <option value="2">Scope 2</option>
            <option value="3">Scope 3</option>
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-source`}>Source</label>
          <select id={`${id}-source`} value={filters.source} onChange={set("source")}>
            <option value="">All sources</option>
            {SOURCES.map((source) => (
              <option key={source} value={source}>
                {SOURCE_LABELS[source]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} type="date" value={filters.from} onChange={set("from")} aria-describedby={`${id}-dates`} />
        </div>
        <div>
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} type="date" value={filters.to} onChange={set("to")} aria-describedby={`${id}-dates`} />
        </div>
        {hasFilters(filters) && (
          <div>
            <button type="button" className="secondary" onClick={clear}>
              Clear filters
            </button>
          </div>
        )}
      </div>
      <p className="hint" id={`${id}-dates`}>
        From and To select activities by the day they start.
      </p>
    </section>
  );
}

function Ledger({ filters, show }: { filters: RecordFilters; show: (filters: RecordFilters) => void }) {
  const id = useId();
  const { can } = useSession();
  const records = useRecords(filters);
  const totals = useTotals(filters);
  const catalogue = useCatalogue();
  const facilities = useFacilities();

  return (
    <section className="panel ledger" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Ledger</h2>
      {records.isPending ? (
        <Loading what="activities" />
      ) : records.error ? (
        <ErrorState error={records.error} retry={() => void records.refetch()} />
      ) : (
        (() => {
          const page = records.data;
          const pager = pagerOf(page);
          if (page.total === 0 && hasFilters(filters)) {
            return (
              <EmptyState title="No activities match these filters.">
                <button type="button" className="secondary" onClick={() => show(filtersFromSearch(new URLSearchParams()))}>
                  Clear filters
                </button>
              </EmptyState>
            );
          }
          if (page.total === 0) {
            return (
              <EmptyState title="No activities yet.">
                <p>
                  {can("activities:write")
                    ? "Add one, or import a CSV or XLSX file above; meters add theirs as readings arrive."
                    : "An editor can add them or import a file; meters add theirs as readings arrive."}
                </p>
              </EmptyState>
            );
          }
          if (page.items.length === 0) {
            return (
              <EmptyState title={`This page is past the last of ${page.total} activities.`}>
                <button type="button" className="secondary" onClick={() => show({ ...filters, page: 1 })}>
                  Go to the first page
                </button>
              </EmptyState>
            );
          }
          return (
            <>
              <p className="ledger-summary" aria-live="polite">
                {page.total} {page.total === 1 ? "activity" : "activities"}
                {totals.data ? `, ${formatCo2e(totals.data.co2e_kg)} in all` : ""}
                {records.isPlaceholderData ? " (updating…)" : ""}
              </p>
              <DataTable
                caption={`${pager.label} (current versions)`}
                columns={COLUMNS}
                rows={recordRows(page.items, facilities.data, catalogue.data)}
                rowKey={(row) => row.id}
              />
              {pager.pages > 1 && (
                <nav className="pager" aria-label="Pages of activities">
                  <button
                    type="button"
                    className="secondary"
                    disabled={!pager.hasPrevious}
                    onClick={() => show({ ...filters, page: pager.page - 1 })}
                  >
                    Previous page
                  </button>
                  <span>
                    Page {pager.page} of {pager.pages}
                  </span>
                  <button
                    type="button"
                    className="secondary"
                    disabled={!pager.hasNext}
                    onClick={() => show({ ...filters, page: pager.page + 1 })}
                  >
                    Next page
                  </button>
                </nav>
              )}
            </>
          );
        })()
      )}
    </section>
  );
}
