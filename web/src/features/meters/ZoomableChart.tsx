import { useEffect, useRef } from "react";
import { echarts, SERIES_COLOURS, type ChartOption } from "../../components/echarts";
import type { TimeWindow } from "./readings";

interface ZoomableChartProps {
  option: ChartOption;
  /** What the chart shows, for screen readers (its data is in a table beside it). */
  label: string;
  height?: number;
  /** The zoom the page wants (null: the whole range); applied when it changes. */
  zoom: TimeWindow | null;
  /** Called once the reader has stopped zooming for a moment. */
  onZoom: (zoom: TimeWindow | null) => void;
}

interface ZoomState {
  start?: number;
  end?: number;
  startValue?: number;
  endValue?: number;
}

const SETTLE_MS = 300;

function same(a: TimeWindow | null, b: TimeWindow | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a.start - b.start) < 1000 && Math.abs(a.end - b.end) < 1000;
}

/**
 * Like components/Chart, for a live time series with a dataZoom: option updates merge into
 * the chart (series replaced) so a zoom or a drag in progress survives a new reading, and
 * the zoomed window is reported (settled) so the page can fetch finer data for it.
 */
export function ZoomableChart({ option, label, height = 360, zoom, onZoom }: ZoomableChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const current = useRef<TimeWindow | null>(zoom);
  const report = useRef(onZoom);
  report.current = onZoom;

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: "canvas" });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element.current);
    let settle: ReturnType<typeof setTimeout> | undefined;
    instance.on("datazoom", () => {
      const [state] = (instance.getOption() as { dataZoom?: ZoomState[] }).dataZoom ?? [];
      if (!state) return;
      const whole = (state.start ?? 0) <= 0 && (state.end ?? 100) >= 100;
      const next =
        whole || state.startValue === undefined || state.endValue === undefined
          ? null
          : { start: state.startValue, end: state.endValue };
      if (same(next, current.current)) return;
      current.current = next;
      clearTimeout(settle);
      settle = setTimeout(() => report.current(next), SETTLE_MS);
    });
    instance.on("finished", () => element.current?.setAttribute("data-chart-drawn", "true"));
    return () => {
      clearTimeout(settle);
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        color: SERIES_COLOURS,
        aria: { enabled: true, label: { description: label } },
        animation: false,
        ...option,
      },
      { replaceMerge: ["series"], lazyUpdate: true },
    );
  }, [option, label]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || same(zoom, current.current)) return;
    current.current = zoom;
    instance.dispatchAction(
      zoom ? { type: "dataZoom", startValue: zoom.start, endValue: zoom.end } : { type: "dataZoom", start: 0, end: 100 },
    );
  }, [zoom]);

  return <div ref={element} className="chart" role="img" aria-label={label} style={{ height }} />;
}
