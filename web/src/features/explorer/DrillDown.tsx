import { useEffect, useMemo, useRef } from "react";
import { Link } from "react-router";
import { DataTable, type Column } from "../../components/DataTable";
import { EmptyState, ErrorState, Loading } from "../../components/States";
import { formatCo2e, formatDate, formatPercent, formatQuantity } from "../../lib/format";
import { drillFor, drillRows, formatPeriod, type DrillRow } from "./drilldown";
import type { FacilityNames } from "./labels";
import type { ExplorerState, GroupKey } from "./types";
import { DRILL_PAGE_SIZE, LOCAL_LIMIT, useDrillRecords, type Update } from "./useExplorer";

interface DrillDownProps {
  state: ExplorerState;
  groupKey: GroupKey;
  /** The group in words, e.g. "Scope 2 (location-based) · Mar 2025". */
  title: string;
  /** The group's figure in the explorer. */
  co2eKg: number | null;
  names: FacilityNames;
  update: Update;
  /** Opened by the person just now (not by a link): take the focus there. */
  focus: boolean;
}

/** The ledger rows behind one group of the explorer, with links to each activity. */
export function DrillDown({ state, groupKey, title, co2eKg, names, update, focus }: DrillDownProps) {
  const drill = useMemo(() => drillFor(state, groupKey), [state, groupKey]);
  const records = useDrillRecords(drill, state.page);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!focus) return;
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView?.({ block: "start" });
  }, [state.drill, focus]);

  const rows = useMemo(
    () => (records.data ? drillRows(records.data.records, drill, state.method, names) : []),
    [records.data, drill, state.method, names],
  );
  const partial = rows.some((row) => row.share < 1);
  const pages = records.data ? Math.max(1, Math.ceil(records.data.total / DRILL_PAGE_SIZE)) : 1;

  const columns: Column<DrillRow>[] = [
    {
      key: "activity",
      header: "Activity",
      cell: (row) => <Link to={`/activities/${row.id}`}>{row.activity}</Link>,
    },
    {
      key: "period",
      header: "Period",
      cell: (row) => formatPeriod(row.periodStart, row.periodEnd),
    },
    { key: "facility", header: "Facility", cell: (row) => row.facility },
    {
      key: "scope",
      header: "Scope",
      cell: (row) => (row.category ? `${row.scope}, ${row.category}` : row.scope),
    },
    { key: "quantity", header: "Quantity", numeric: true, cell: (row) => formatQuantity(row.quantity, row.unit) },
    { key: "co2e", header: "CO₂e (whole activity)", numeric: true, cell: (row) => formatCo2e(row.co2eKg) },
  ];
  if (partial) {
    columns.push({ key: "share", header: "Days in window", numeric: true, cell: (row) => formatPercent(row.share) });
  }

  const close = () => update({ drill: null });
  const span = `${formatDate(drill.window.from)} and ${formatDate(drill.window.to)}`;

  let body;
  if (!drill.possible) {
    body = <EmptyState title="No activity can be in this group with the filters chosen." />;
  } else if (drill.unsupported.length > 0) {
    body = (
      <div className="notice">
        <p>
          Carbon&apos;s activity list can&apos;t be filtered by {drill.unsupported.join(" or ")}: an activity holds
          every gas, and only Analytics&apos; figures split its CO₂e between them. Listing activities here would
          show rows that aren&apos;t the gas figure, so none are shown.
        </p>
        <button type="button" className="secondary" onClick={() => update({ anyGas: true, page: 1 })}>
          List the activities regardless of gas
        </button>
      </div>
    );
  } else if (records.isPending) {
    body = <Loading what="activities" />;
  } else if (records.isError) {
    body = <ErrorState error={records.error} retry={() => void records.refetch()} />;
  } else if (records.data.tooMany) {
    body = (
      <EmptyState title={`${records.data.total} activities start in this window: too many to check here.`}>
        <p>
          Carbon can&apos;t filter by scope 3 category, by several scopes or facilities, or by &quot;no
          facility&quot;, so the explorer reads every match and checks it itself, up to {LOCAL_LIMIT}. Narrow the
          dates or pin the scope and facility to list them.
        </p>
      </EmptyState>
    );
  } else if (rows.length === 0) {
    body = (
      <EmptyState title={`No activity of this group starts between ${span}.`}>
        <p>Its figure comes from activities that began earlier and run into the window.</p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <DataTable
          caption={`Activities behind ${title}, starting between ${span}`}
          columns={columns}
          rows={rows}
          rowKey={(row) => row.id}
        />
        <nav className="pager" aria-label="Activities pages">
          <button
            type="button"
            className="secondary"
            disabled={state.page <= 1}
            onClick={() => update({ page: state.page - 1 })}
          >
            Previous page
          </button>
          <span aria-live="polite">
            Page {Math.min(state.page, pages)} of {pages} ({records.data.total}{" "}
            {records.data.total === 1 ? "activity" : "activities"})
          </span>
          <button
            type="button"
            className="secondary"
            disabled={state.page >= pages}
            onClick={() => update({ page: state.page + 1 })}
          >
            Next page
          </button>
        </nav>
      </>
    );
  }

  return (
    <section className="panel explorer-drill" aria-labelledby="explorer-drill-title">
      <div className="explorer-drill-head">
        <h2 id="explorer-drill-title" ref={heading} tabIndex={-1}>
          Activities behind {title}
        </h2>
        <button type="button" className="secondary" onClick={close}>
          Close activities
        </button>
      </div>
      <p className="hint">
        {co2eKg !== null ? <>The explorer&apos;s figure for this group: {formatCo2e(co2eKg)}. </> : null}
        Carbon lists activities by the day they start: one that began before {formatDate(drill.window.from)} and runs
        into the window counts toward the figure but isn&apos;t listed, and one that runs past{" "}
        {formatDate(drill.window.to)} counts only for its days inside.
        {drill.local ? " Carbon can't filter on every condition of this group: every activity starting in the window was read and checked here." : ""}
      </p>
      {state.anyGas && drill.unsupported.length === 0 && (groupKey.gas !== undefined || state.gases.length > 0) ? (
        <p className="notice">
          Listed regardless of gas: each activity&apos;s whole CO₂e, not just its share of the gas.{" "}
          <button type="button" className="secondary" onClick={() => update({ anyGas: false, page: 1 })}>
            Keep the gas condition
          </button>
        </p>
      ) : null}
      {body}
    </section>
  );
}
