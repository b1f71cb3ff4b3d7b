import type { UseQueryResult } from "@tanstack/react-query";
import { Link } from "react-router";
import { DataTable, type Column } from "../../components/DataTable";
import { ErrorState, Loading } from "../../components/States";
import { formatDateTime, formatQuantity } from "../../lib/format";
import type { AnomalyRow } from "./lists";

/** At most this many on the overview; the meter pages have the rest. */
const SHOWN = 10;

export function AnomaliesPanel({ query, rows }: { query: UseQueryResult<unknown>; rows: AnomalyRow[] | null }) {
  const reading = (value: number, row: AnomalyRow) => (row.unit ? formatQuantity(value, row.unit) : String(value));
  const columns: Column<AnomalyRow>[] = [
    { key: "meter", header: "Meter", cell: (row) => <Link to={`/meters/${row.meterId}`}>{row.meterName}</Link> },
    { key: "hour", header: "Hour", cell: (row) => formatDateTime(row.hour) },
    { key: "value", header: "Reading", numeric: true, cell: (row) => reading(row.value, row) },
    { key: "expected", header: "Expected", numeric: true, cell: (row) => reading(row.expected, row) },
    {
      key: "score",
      header: "Score",
      numeric: true,
      cell: (row) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(row.score),
    },
  ];
  const shown = rows?.slice(0, SHOWN) ?? [];
  const more = (rows?.length ?? 0) - shown.length;
  return (
    <section className="panel" aria-labelledby="overview-anomalies-title">
      <h2 id="overview-anomalies-title">Open anomalies</h2>
      {query.isPending ? (
        <Loading what="open anomalies" />
      ) : query.isError ? (
        <ErrorState error={query.error} retry={() => void query.refetch()} />
      ) : (
        <>
          <DataTable
            caption={`Meter readings far outside their usual pattern, not yet acknowledged (${rows?.length ?? 0})`}
            columns={columns}
            rows={shown}
            rowKey={(row) => row.id}
            empty={<p className="hint">No open anomalies: every meter reads within its usual pattern.</p>}
          />
          {more > 0 && <p className="hint">{more} more; each meter's page lists all of its anomalies.</p>}
        </>
      )}
    </section>
  );
}
