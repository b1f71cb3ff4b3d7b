import { useCallback, useMemo, useState } from "react";
import { Link } from "react-router";
import { saveBlob } from "../../api/client";
import { useSession } from "../../auth/SessionProvider";
import { Chart } from "../../components/Chart";
import { DataTable, type Column } from "../../components/DataTable";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, Loading } from "../../components/States";
import { toCsv } from "../../lib/csv";
import { formatCo2e, formatDate, formatPercent } from "../../lib/format";
import { drillKey, parseDrillKey } from "./drilldown";
import { DrillDown } from "./DrillDown";
import { ExplorerControls } from "./ExplorerControls";
import { DIMENSION_LABELS, facilityNames, valueLabel } from "./labels";
import { clickedKey, csvName, csvTable, type TableRow } from "./series";
import type { Dimension, GroupKey } from "./types";
import { useEmissions, useExplorerState, useFacilities, useFigures } from "./useExplorer";
import "./explorer.css";

function describeGroups(dimensions: readonly Dimension[]): string {
  return dimensions.map((dimension) => DIMENSION_LABELS[dimension].toLowerCase()).join(" and ");
}

export function ExplorerPage() {
  const { can } = useSession();
  const [state, update] = useExplorerState();
  const emissions = useEmissions(state);
  const facilities = useFacilities();
  const names = useMemo(() => facilityNames(facilities.data), [facilities.data]);
  const figures = useFigures(emissions.data, names, state);
  const [focusDrill, setFocusDrill] = useState(false);
  const mayList = can("activities:read");

  const openDrill = useCallback(
    (key: GroupKey) => {
      setFocusDrill(true);
      update({ drill: drillKey(key) });
    },
    [update],
  );

  const onChartClick = useCallback(
    (click: { dataIndex: number; seriesName?: string }) => {
      if (!figures?.data || !mayList) return;
      const key = clickedKey(figures.data, click);
      if (key) openDrill(key);
    },
    [figures, mayList, openDrill],
  );

  const drillKeyValue = parseDrillKey(state.drill);
  const drillRow = figures?.rows.find((row) => row.id === state.drill) ?? null;
  const drillTitle = drillKeyValue
    ? (Object.keys(drillKeyValue) as Dimension[])
        .map((dimension) => valueLabel(dimension, drillKeyValue[dimension], names, state.method))
        .join(" · ")
    : "";

  const exportCsv = () => {
    if (!figures) return;
    const { header, rows } = csvTable(figures.rows, figures.dimensions);
    saveBlob(new Blob([toCsv(header, rows)], { type: "text/csv;charset=utf-8" }), csvName(state));
  };

  const grouping = describeGroups(figures?.dimensions ?? [state.group, ...(state.split ? [state.split] : [])]);
  const methodWords = state.method === "market" ? "market-based" : "location-based";
  const windowWords = `${formatDate(state.from)} to ${formatDate(state.to)}`;
  const filtered = state.scopes.length + state.facilities.length + state.categories.length + state.gases.length > 0;

  const columns: Column<TableRow>[] = [
    ...(figures?.dimensions ?? []).map<Column<TableRow>>((dimension) => ({
      key: dimension,
      header: DIMENSION_LABELS[dimension],
      cell: (row) => row.labels[dimension],
    })),
    { key: "co2e", header: "CO₂e", numeric: true, cell: (row) => formatCo2e(row.co2eKg) },
    { key: "share", header: "Share of total", numeric: true, cell: (row) => formatPercent(row.share) },
  ];
  if (mayList) {
    columns.push({
      key: "activities",
      header: "Activities",
      cell: (row) => {
        const label = (figures?.dimensions ?? []).map((dimension) => row.labels[dimension]).join(" · ");
        return (
          <button
            type="button"
            className="secondary explorer-show"
            aria-label={`Show activities for ${label}`}
            aria-pressed={state.drill === row.id}
            onClick={() => openDrill(row.key)}
          >
            Show activities
          </button>
        );
      },
    });
  }

  let content;
  if (emissions.isPending && emissions.fetchStatus !== "idle") {
    content = <Loading what="emissions" />;
  } else if (emissions.isError) {
    content = <ErrorState error={emissions.error} retry={() => void emissions.refetch()} />;
  } else if (!figures) {
    content = null;
  } else if (figures.rows.length === 0) {
    content = (
      <EmptyState title={`No emissions from ${windowWords}${filtered ? " with these filters" : ""}.`}>
        <p>
          {filtered ? "Clear the filters or widen the dates. " : "Widen the dates, or "}
          {can("activities:write") ? (
            <>
              record activities, import a CSV or connect a meter on the <Link to="/activities">Activities</Link> page.
            </>
          ) : (
            "ask an editor of your organisation to record activities or import a CSV."
          )}
        </p>
      </EmptyState>
    );
  } else {
    const kind = figures.data?.horizontal || state.chart === "bar" ? "Bar chart" : "Line chart";
    content = (
      <>
        <div className="kpis">
          <div className="kpi">
            <p className="kpi-label">Total</p>
            <p className="kpi-value">{formatCo2e(emissions.data?.total_co2e_kg)}</p>
            <p className="kpi-note">scope 2 {methodWords}</p>
          </div>
          <div className="kpi">
            <p className="kpi-label">Window</p>
            <p className="kpi-value explorer-kpi-small">{windowWords}</p>
          </div>
          <div className="kpi">
            <p className="kpi-label">Groups with data</p>
            <p className="kpi-value">{figures.rows.length}</p>
          </div>
        </div>
        {figures.option && figures.data ? (
          <section className="panel" aria-labelledby="explorer-chart-title">
            <h2 id="explorer-chart-title">Emissions by {grouping}</h2>
            <Chart
              option={figures.option}
              label={`${kind} of emissions by ${grouping}, ${windowWords}, scope 2 ${methodWords}`}
              height={
                figures.data.horizontal ? Math.max(220, 44 * figures.data.categories.length + 90) : 360
              }
              onClick={mayList ? onChartClick : undefined}
            />
            {mayList ? (
              <p className="hint">
                Click a {state.chart === "line" && !figures.data.horizontal ? "point" : "bar"} to list the activities behind it.
              </p>
            ) : null}
          </section>
        ) : null}
        <section className="panel" aria-labelledby="explorer-table-title">
          <div className="explorer-drill-head">
            <h2 id="explorer-table-title">Figures</h2>
            <button type="button" className="secondary" onClick={exportCsv}>
              Export table as CSV
            </button>
          </div>
          <DataTable
            caption={`Emissions by ${grouping}, ${windowWords}, scope 2 ${methodWords}`}
            columns={columns}
            rows={figures.rows}
            rowKey={(row) => row.id}
          />
          {emissions.isFetching ? (
            <p className="hint" role="status">
              Updating…
            </p>
          ) : null}
        </section>
        {drillKeyValue && mayList ? (
          <DrillDown
            key={state.drill}
            state={state}
            groupKey={drillKeyValue}
            title={drillTitle}
            co2eKg={drillRow?.co2eKg ?? null}
            names={names}
            update={update}
            focus={focusDrill}
          />
        ) : null}
      </>
    );
  }

  return (
    <div className="explorer-page">
      <PageHeader title="Emissions explorer" />
      <ExplorerControls state={state} update={update} facilities={facilities.data ?? []} />
      {content}
    </div>
  );
}
