import { useEffect, useRef } from "react";
import { echarts, SERIES_COLOURS, type ChartOption } from "./echarts";

/** A window of the x axis, in its values (epoch ms on a time axis). */
export interface ChartWindow {
  start: number;
  end: number;
}

interface ChartProps {
  option: ChartOption;
  /** What the chart shows, for screen readers: its accessible name starts with it (ECharts' aria adds the data in words). */
  label: string;
  height?: number;
  onClick?: (params: { name: string; seriesName?: string; dataIndex: number; value: unknown }) => void;
  /**
   * Merge each new option into the chart (series replaced, the rest merged) instead of
   * rebuilding it: for live data, so a zoom or a drag in progress survives an update. A
   * merged chart is described by `label` alone (its data changes; it is in a table beside it).
   */
  merge?: boolean;
  /** With a dataZoom and `onZoom`: the window to show (null: all of it); applied when it changes. */
  zoom?: ChartWindow | null;
  /** With a dataZoom: the window the reader zoomed to (null: all), once they have paused a moment. */
  onZoom?: (window: ChartWindow | null) => void;
}

interface ZoomState {
  start?: number;
  end?: number;
  startValue?: number;
  endValue?: number;
}

/** How long a zoom must stay still before `onZoom` hears of it. */
const SETTLE_MS = 300;

function sameWindow(a: ChartWindow | null, b: ChartWindow | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a.start - b.start) < 1000 && Math.abs(a.end - b.end) < 1000;
}

function zoomAction(window: ChartWindow | null) {
  return window
    ? { type: "dataZoom", startValue: window.start, endValue: window.end }
    : { type: "dataZoom", start: 0, end: 100 };
}

/**
 * ECharts' aria sets the element's aria-label to a description of the data, which begins
 * "This is a chart": make it begin with the label instead ("<label>. It consists of 2 series…").
 */
function describedBy(label: string) {
  const lead = label.replace(/[\s.]+$/, "");
  return {
    enabled: true,
    label: {
      general: { withoutTitle: lead },
      series: { single: { withName: ". {seriesType} named {seriesName}.", withoutName: ". {seriesType}." } },
    },
  };
}

/**
 * Draws an ECharts option on a canvas and keeps it in step with the option and the
 * element's size. Data shaping happens in each feature's hooks; this only draws.
 */
export function Chart({ option, label, height = 320, onClick, merge = false, zoom, onZoom }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // The window shown, as far as this component knows: what it applied or last reported.
  const shown = useRef<ChartWindow | null>(null);
  const report = useRef(onZoom);
  useEffect(() => {
    report.current = onZoom;
  });

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: "canvas" });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element.current);
    // Lets tests and the benchmark know the chart has drawn its data.
    instance.on("finished", () => element.current?.setAttribute("data-chart-drawn", "true"));
    // A new chart shows all of its data (StrictMode makes a second one with the same refs).
    shown.current = null;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const settled = () => {
      if (instance.isDisposed() || !report.current) return;
      // Read once the zoom has settled: getOption copies the whole option, data and all.
      const [state] = (instance.getOption() as { dataZoom?: ZoomState[] }).dataZoom ?? [];
      if (!state) return;
      const whole = (state.start ?? 0) <= 0 && (state.end ?? 100) >= 100;
      const next =
        whole || state.startValue === undefined || state.endValue === undefined
          ? null
          : { start: state.startValue, end: state.endValue };
      if (sameWindow(next, shown.current)) return;
      shown.current = next;
      report.current(next);
    };
    instance.on("datazoom", () => {
      if (!report.current) return;
      clearTimeout(settle);
      settle = setTimeout(settled, SETTLE_MS);
    });
    return () => {
      clearTimeout(settle);
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    const aria = merge ? { enabled: true, label: { description: label } } : describedBy(label);
    const full = { color: SERIES_COLOURS, aria, animation: false, ...option };
    if (merge) {
      instance.setOption(full, { replaceMerge: ["series"], lazyUpdate: true });
    } else {
      instance.setOption(full, { notMerge: true });
      // A rebuilt chart starts unzoomed: keep the window it showed.
      if (shown.current) instance.dispatchAction(zoomAction(shown.current));
    }
  }, [option, label, merge]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || zoom === undefined || sameWindow(zoom, shown.current)) return;
    shown.current = zoom;
    instance.dispatchAction(zoomAction(zoom));
  }, [zoom]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return;
    instance.on("click", (params) => onClick(params as Parameters<typeof onClick>[0]));
    return () => {
      // StrictMode may run this after the first effect's cleanup disposed the chart.
      if (!instance.isDisposed()) instance.off("click");
    };
  }, [onClick]);

  return <div ref={element} className="chart" role="img" aria-label={label} style={{ height }} />;
}
