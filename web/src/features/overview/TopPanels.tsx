import type { UseQueryResult } from "@tanstack/react-query";
import { Link } from "react-router";
import { DataTable, type Column } from "../../components/DataTable";
import { ErrorState, Loading } from "../../components/States";
import { formatCo2e, formatPercent } from "../../lib/format";
import type { TopRow } from "./lists";
import { formatRange, type Period } from "./period";

interface TopPanelProps {
  id: string;
  title: string;
  what: string;
  shareOf: string;
  query: UseQueryResult<unknown>;
  rows: TopRow[] | null;
  period: Period;
  empty: string;
}

function TopPanel({ id, title, what, shareOf, query, rows, period, empty }: TopPanelProps) {
  const columns: Column<TopRow>[] = [
    {
      key: "name",
      header: what,
      cell: (row) => (row.href ? <Link to={row.href}>{row.name}</Link> : row.name),
    },
    { key: "co2e", header: "Emissions", numeric: true, cell: (row) => <span data-co2e-kg={row.co2eKg}>{formatCo2e(row.co2eKg)}</span> },
    {
      key: "share",
      header: `Share of ${shareOf}`,
      numeric: true,
      cell: (row) => (
        <span className="share-cell">
          <span className="share-bar" aria-hidden="true" style={{ width: `${(row.share ?? 0) * 4}rem` }} />
          {formatPercent(row.share)}
        </span>
      ),
    },
  ];
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {query.isPending ? (
        <Loading what={title.toLowerCase()} />
      ) : query.isError ? (
        <ErrorState error={query.error} retry={() => void query.refetch()} />
      ) : (
        <DataTable
          caption={`${title}, ${formatRange(period.from, period.to)}`}
          columns={columns}
          rows={rows ?? []}
          rowKey={(row) => row.key}
          empty={<p className="hint">{empty}</p>}
        />
      )}
    </section>
  );
}

interface TopPanelsProps {
  period: Period;
  byFacility: UseQueryResult<unknown>;
  byCategory: UseQueryResult<unknown>;
  facilityRows: TopRow[] | null;
  categoryRows: TopRow[] | null;
}

export function TopPanels({ period, byFacility, byCategory, facilityRows, categoryRows }: TopPanelsProps) {
  return (
    <div className="grid overview-top">
      <TopPanel
        id="overview-top-facilities"
        title="Top facilities"
        what="Facility"
        shareOf="all emissions"
        query={byFacility}
        rows={facilityRows}
        period={period}
        empty="No emissions in this period."
      />
      <TopPanel
        id="overview-top-categories"
        title="Top scope 3 categories"
        what="Category"
        shareOf="scope 3"
        query={byCategory}
        rows={categoryRows}
        period={period}
        empty="No scope 3 emissions in this period."
      />
    </div>
  );
}
