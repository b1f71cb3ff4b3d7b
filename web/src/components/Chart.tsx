import { useEffect, useRef } from "react";
import { echarts, SERIES_COLOURS, type ChartOption } from "./echarts";

interface ChartProps {
  option: ChartOption;
  /** What the chart shows, for screen readers (ECharts' aria adds the data description). */
  label: string;
  height?: number;
  onClick?: (params: { name: string; seriesName?: string; dataIndex: number; value: unknown }) => void;
}

/**
 * Draws an ECharts option on a canvas and keeps it in step with the option and the
 * element's size. Data shaping happens in each feature's hooks; this only draws.
 */
export function Chart({ option, label, height = 320, onClick }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: "canvas" });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    instance.setOption(
      { color: SERIES_COLOURS, aria: { enabled: true }, animation: false, ...option },
      { notMerge: true },
    );
    // Lets tests and the benchmark know the chart has drawn its data.
    instance.off("finished");
    instance.on("finished", () => element.current?.setAttribute("data-chart-drawn", "true"));
  }, [option]);

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
