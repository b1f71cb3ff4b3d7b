import type { UseQueryResult } from "@tanstack/react-query";
import { useMemo } from "react";
import { Chart } from "../../components/Chart";
import { DataTable, type Column } from "../../components/DataTable";
import { ErrorState, Loading } from "../../components/States";
import { formatCo2e, formatMonth } from "../../lib/format";
import { monthlyOption, scopeLabel } from "./charts";
import { SCOPES } from "./kpis";
import type { MonthlySeries, MonthRow } from "./monthly";
import { NoDataYet } from "./NoDataYet";
import { formatRange, type Period } from "./period";
import { TableToggle } from "./TableToggle";
import { useNarrow } from "./useNarrow";
import type { Scope2Method } from "./types";

interface TableRow {
  key: string;
  label: string;
  scopes: MonthRow["scopes"];
  total: number;
  hasData: boolean;
}

interface MonthlyPanelProps {
  monthly: UseQueryResult<MonthlySeries>;
  method: Scope2Method;
  period: Period;
}

export function MonthlyPanel({ monthly, method, period }: MonthlyPanelProps) {
  const series = monthly.data;
  const narrow = useNarrow();
  const option = useMemo(() => (series ? monthlyOption(series, method, narrow) : null), [series, method, narrow]);
  const title = `Monthly emissions by scope, ${period.year}`;
  const range = formatRange(period.from, period.to);

  const rows = useMemo<TableRow[]>(() => {
    if (!series) return [];
    const months = series.months.map((row) => ({
      key: row.month,
      label: formatMonth(row.month),
      scopes: row.scopes,
      total: row.total,
      hasData: row.hasData,
    }));
    const totals = { 1: 0, 2: 0, 3: 0 };
    for (const row of series.months) for (const scope of SCOPES) totals[scope] += row.scopes[scope];
    return [...months, { key: "total", label: `Total, ${range}`, scopes: totals, total: series.totalKg, hasData: true }];
  }, [series, range]);

  const columns: Column<TableRow>[] = [
    { key: "month", header: "Month", cell: (row) => (row.key === "total" ? <strong>{row.label}</strong> : row.label) },
    ...SCOPES.map((scope) => ({
      key: `scope-${scope}`,
      header: scopeLabel(scope, method),
      numeric: true,
      cell: (row: TableRow) => (row.hasData ? formatCo2e(row.scopes[scope]) : "no data"),
    })),
    {
      key: "total",
      header: "Total",
      numeric: true,
      cell: (row) => (row.hasData ? <strong data-co2e-kg={row.total}>{formatCo2e(row.total)}</strong> : "no data"),
    },
  ];

  return (
    <section className="panel" aria-labelledby="overview-monthly-title">
      <h2 id="overview-monthly-title">{title}</h2>
      {monthly.isPending ? (
        <Loading what="monthly emissions" />
      ) : monthly.isError ? (
        <ErrorState error={monthly.error} retry={() => void monthly.refetch()} />
      ) : !series?.hasData ? (
        <NoDataYet year={period.year} />
      ) : (
        <>
          {option && <Chart option={option} label={`${title}, stacked bars in tonnes CO₂e; the table below has the figures`} />}
          <TableToggle>
            <DataTable
              caption={`${title}, ${range} (scope 2 ${method}-based)`}
              columns={columns}
              rows={rows}
              rowKey={(row) => row.key}
            />
          </TableToggle>
        </>
      )}
    </section>
  );
}
