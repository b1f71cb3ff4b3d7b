import { useCallback, useMemo, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { messageOf } from "../../api/problem";
import { useSession } from "../../auth/SessionProvider";
import { Chart } from "../../components/Chart";
import { DataTable, type Column } from "../../components/DataTable";
import { PageHeader } from "../../components/PageHeader";
import { EmptyState, ErrorState, Loading } from "../../components/States";
import { formatDate, formatDateTime } from "../../lib/format";
import { regionLabel } from "../factors/regions";
import { kindLabel, rollUpText } from "./facilities";
import { formatReading, formatReadingTime, GRANULARITY_WORDS, meterChartOption } from "./meterChart";
import {
  anomalyMarks,
  newestFirstPage,
  normaliseZoom,
  parseRange,
  RANGE_KEYS,
  RANGES,
  type RangeKey,
  type SeriesPoint,
  type TimeWindow,
  within,
} from "./readings";
import type { Anomaly, Meter } from "./types";
import { useCatalogue } from "./useFacilities";
import { useAcknowledge, useAnomalies, useFacility, useMeter, useMeterSeries } from "./useMeter";
import "./meters.css";

const ROWS_PER_PAGE = 12;

function pointTime(point: SeriesPoint): string {
  const iso = new Date(point.t).toISOString();
  if (point.granularity === "day") return formatDate(iso);
  if (point.granularity === "hour") return formatDateTime(iso);
  return formatReadingTime(point.t);
}

export function MeterPage() {
  const { meterId = "" } = useParams();
  const meter = useMeter(meterId);

  if (meter.isPending) return <Loading what="the meter" />;
  if (meter.error) return <ErrorState error={meter.error} retry={() => void meter.refetch()} />;
  return <MeterView meter={meter.data} />;
}

function MeterView({ meter }: { meter: Meter }) {
  const [params, setParams] = useSearchParams();
  const range = parseRange(params.get("range"));
  // The range ends when it was picked; a live feed then grows past it.
  const [anchor, setAnchor] = useState(() => ({ range, now: Date.now() }));
  if (anchor.range !== range) setAnchor({ range, now: Date.now() });
  const [zoomState, setZoom] = useState<{ range: RangeKey; window: TimeWindow | null }>({ range, window: null });
  const zoom = zoomState.range === range ? zoomState.window : null;
  const [page, setPage] = useState(0);

  const series = useMeterSeries(meter.id, range, anchor.now, zoom);
  const anomalies = useAnomalies(meter.id, true);
  const marks = useMemo(() => anomalyMarks(anomalies.data ?? [], series.points), [anomalies.data, series.points]);
  const option = useMemo(
    () => meterChartOption(series.points, marks, { unit: meter.unit, window: series.window, live: series.live }),
    [series.points, marks, meter.unit, series.live, series.window],
  );

  const chooseRange = (next: RangeKey) => {
    setPage(0);
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set("range", next);
        return updated;
      },
      { replace: true },
    );
  };
  const onZoom = useCallback(
    (window: TimeWindow | null) => {
      setPage(0);
      setZoom({ range, window: normaliseZoom(window, series.window) });
    },
    [range, series.window],
  );

  const words = GRANULARITY_WORDS[series.granularity];
  const described =
    series.detail !== null ? `${words}, ${GRANULARITY_WORDS[series.detail]} where zoomed` : words;
  const chartLabel = `${meter.name}: ${described} over the ${RANGES[range].label.toLowerCase()}, in ${meter.unit}`;

  return (
    <>
      <PageHeader title={meter.name}>
        <Link to="/facilities" className="button secondary">
          All facilities and meters
        </Link>
      </PageHeader>

      <section className="panel" aria-labelledby="meter-readings">
        <h2 id="meter-readings">Readings</h2>
        <div className="toolbar">
          <div className="segmented" role="group" aria-label="Range">
            {RANGE_KEYS.map((key) => (
              <button key={key} type="button" aria-pressed={key === range} onClick={() => chooseRange(key)}>
                {RANGES[key].label}
              </button>
            ))}
          </div>
          {zoom && (
            <button type="button" className="secondary" onClick={() => onZoom(null)}>
              Reset zoom
            </button>
          )}
        </div>

        <p className="meters-live" role="status" aria-live="off" aria-label="Live readings">
          <span>
            <span className={series.live ? "meters-live-dot" : "meters-live-dot paused"} aria-hidden="true" />
            {series.live ? "Live: new readings appear as they arrive" : `Showing ${described}; checked again every minute`}
          </span>
          <span>Last reading: {series.lastReading ? formatReadingTime(series.lastReading) : "none yet"}</span>
          <span>Points shown: {series.points.length.toLocaleString()}</span>
        </p>

        {series.isPending ? (
          <Loading what="readings" />
        ) : series.error && series.points.length === 0 ? (
          <ErrorState error={series.error} />
        ) : series.points.length === 0 ? (
          <EmptyState title={`No readings in the ${RANGES[range].label.toLowerCase()}`}>
            <p>
              Pick a longer range, or send readings to <code>POST /api/v1/carbon/meters/{meter.id}/readings</code>{" "}
              (a meter, an ETL job or <code>ecotrack simulate</code>); they appear here within seconds.
            </p>
          </EmptyState>
        ) : null}
        {series.points.length > 0 && (
          <>
            <div className="meters-chart-frame">
              {series.isFetching && <p className="meters-chart-busy">Loading detail…</p>}
              <Chart option={option} label={chartLabel} height={360} merge zoom={zoom} onZoom={onZoom} />
            </div>
            <p className="hint">
              Drag the slider’s handles, or scroll or pinch over the chart, to zoom. Zoomed to a month or less it
              shows hourly averages, to two days or less every reading.
            </p>
            <ReadingsTable
              meter={meter}
              points={zoom ? within(series.points, zoom) : series.points}
              page={page}
              setPage={setPage}
              described={zoom ? `${described}, zoomed` : described}
            />
          </>
        )}
      </section>

      <AnomaliesPanel meter={meter} anomalies={anomalies} />
      <MeterFacts meter={meter} />
    </>
  );
}

function ReadingsTable({
  meter,
  points,
  page,
  setPage,
  described,
}: {
  meter: Meter;
  points: SeriesPoint[];
  page: number;
  setPage: (page: number) => void;
  described: string;
}) {
  const pages = Math.max(1, Math.ceil(points.length / ROWS_PER_PAGE));
  const shown = Math.min(page, pages - 1);
  const rows = newestFirstPage(points, shown, ROWS_PER_PAGE);
  const aggregated = points.some((point) => point.granularity !== "raw");
  const columns: Column<SeriesPoint>[] = [
    { key: "t", header: aggregated ? "Period" : "Time", cell: pointTime },
    {
      key: "value",
      header: aggregated ? "Mean reading" : "Reading",
      numeric: true,
      cell: (point) => formatReading(point.value, meter.unit),
    },
  ];
  if (aggregated) {
    columns.push(
      { key: "count", header: "Readings", numeric: true, cell: (point) => (point.count ?? 1).toLocaleString() },
      { key: "min", header: "Lowest", numeric: true, cell: (point) => formatReading(point.min ?? point.value, meter.unit) },
      { key: "max", header: "Highest", numeric: true, cell: (point) => formatReading(point.max ?? point.value, meter.unit) },
      { key: "sum", header: "Total", numeric: true, cell: (point) => formatReading(point.sum ?? point.value, meter.unit) },
    );
  }
  const first = shown * ROWS_PER_PAGE + 1;
  const last = Math.min(points.length, first + ROWS_PER_PAGE - 1);
  return (
    <>
      <h3 className="meters-table-heading">The chart’s data</h3>
      <DataTable
        caption={`${meter.name}: ${described}, newest first (${first.toLocaleString()}–${last.toLocaleString()} of ${points.length.toLocaleString()})`}
        columns={columns}
        rows={rows}
        rowKey={(point) => `${point.granularity}-${point.t}`}
      />
      <div className="pager">
        <button type="button" className="secondary" disabled={shown === 0} onClick={() => setPage(shown - 1)}>
          Newer
        </button>
        <span>
          Page {shown + 1} of {pages}
        </span>
        <button type="button" className="secondary" disabled={shown >= pages - 1} onClick={() => setPage(shown + 1)}>
          Older
        </button>
      </div>
    </>
  );
}

function AnomaliesPanel({
  meter,
  anomalies,
}: {
  meter: Meter;
  anomalies: ReturnType<typeof useAnomalies>;
}) {
  const { can } = useSession();
  const acknowledge = useAcknowledge(meter.id);
  const mayAcknowledge = can("analytics:write");
  const columns: Column<Anomaly>[] = [
    { key: "hour", header: "Hour", cell: (anomaly) => formatDateTime(anomaly.hour) },
    { key: "value", header: "In that hour", numeric: true, cell: (anomaly) => formatReading(anomaly.value, meter.unit) },
    { key: "expected", header: "Expected", numeric: true, cell: (anomaly) => formatReading(anomaly.expected, meter.unit) },
    {
      key: "score",
      header: "Score",
      numeric: true,
      cell: (anomaly) => anomaly.score.toLocaleString(undefined, { maximumFractionDigits: 1 }),
    },
    {
      key: "status",
      header: "Status",
      cell: (anomaly) =>
        anomaly.acknowledged_at ? (
          <span className="badge good">Acknowledged {formatDateTime(anomaly.acknowledged_at)}</span>
        ) : (
          <span className="badge bad">Open</span>
        ),
    },
  ];
  if (mayAcknowledge) {
    columns.push({
      key: "action",
      header: "Action",
      cell: (anomaly) =>
        anomaly.acknowledged_at ? null : (
          <button
            type="button"
            className="secondary"
            disabled={acknowledge.isPending && acknowledge.variables === anomaly.id}
            onClick={() => acknowledge.mutate(anomaly.id)}
          >
            Acknowledge<span className="visually-hidden"> the anomaly of {formatDateTime(anomaly.hour)}</span>
          </button>
        ),
    });
  }
  return (
    <section className="panel" aria-labelledby="meter-anomalies">
      <h2 id="meter-anomalies">Anomalies</h2>
      <p className="hint meters-hint">
        Analytics compares each hour with the same hour of the week over the meter’s previous 12 weeks and flags
        those far outside it (marked on the chart when in range).
      </p>
      {anomalies.isPending ? (
        <Loading what="anomalies" />
      ) : anomalies.error ? (
        <ErrorState error={anomalies.error} retry={() => void anomalies.refetch()} />
      ) : (
        <DataTable
          caption={`Anomalies of ${meter.name}`}
          columns={columns}
          rows={[...anomalies.data].reverse()}
          rowKey={(anomaly) => anomaly.id}
          empty={
            <EmptyState title="No anomalies">
              <p>Nothing flagged yet. It takes four weeks of readings before an hour can be compared.</p>
            </EmptyState>
          }
        />
      )}
      {acknowledge.error && (
        <p className="field-error" role="alert">
          Could not acknowledge: {messageOf(acknowledge.error)}
        </p>
      )}
    </section>
  );
}

function MeterFacts({ meter }: { meter: Meter }) {
  const facility = useFacility(meter.facility_id);
  const catalogue = useCatalogue();
  const options = Object.entries(meter.options);
  return (
    <section className="panel" aria-labelledby="meter-facts">
      <h2 id="meter-facts">About this meter</h2>
      <dl className="facts">
        <dt>Kind</dt>
        <dd>{kindLabel(meter.kind)}</dd>
        <dt>Unit</dt>
        <dd>{meter.unit}</dd>
        <dt>Facility</dt>
        <dd>
          {facility.data ? (
            <Link to={`/facilities#facility-${meter.facility_id}`}>{facility.data.name}</Link>
          ) : facility.error ? (
            "Unavailable"
          ) : (
            "…"
          )}
        </dd>
        <dt>Region</dt>
        <dd>{regionLabel(meter.region)}</dd>
        <dt>Rolls up into</dt>
        <dd>{rollUpText(meter.activity, catalogue.data ?? [])}</dd>
        {options.length > 0 && (
          <>
            <dt>Options</dt>
            <dd>{options.map(([name, value]) => `${name}: ${String(value)}`).join(", ")}</dd>
          </>
        )}
        <dt>Added</dt>
        <dd>{formatDateTime(meter.created_at)}</dd>
        <dt>Meter id</dt>
        <dd>
          <code className="meters-id">{meter.id}</code>
        </dd>
      </dl>
    </section>
  );
}
