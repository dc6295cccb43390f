import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { findIsolatedPoints } from '../lib/find-isolated-points';
import type { ChartData } from '../lib/overview-metrics';

export interface TimeSeriesChartProps {
  title: string;
  data: ChartData;
  /** Colour per provider. */
  colorOf(provider: string): string;
  /** How the y values read on the axis and in the legend. */
  format(value: number): string;
  /** What the chart shows, in words (read instead of the canvas). */
  summary: string;
  /** Fix the y axis to 0..1 (a rate). */
  isShare?: boolean;
  height?: number;
}

/**
 * A uPlot line chart over the Overview's buckets: one line per provider (dashed for p99), its width
 * following the container. The canvas is hidden from screen readers; the figure's caption carries the
 * summary, and uPlot's legend names each line, so colour is never the only cue.
 */
export function TimeSeriesChart({
  title,
  data,
  colorOf,
  format,
  summary,
  isShare,
  height = 220,
}: TimeSeriesChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = data.lines.map((line) => `${line.provider}:${line.variant}`).join('|');
  const aligned: uPlot.AlignedData = [data.times, ...data.lines.map((line) => line.values)];

  // A new set of lines (a provider toggled, a new provider seen) needs a new plot; new data does not.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const muted = getComputedStyle(element).getPropertyValue('--text-muted').trim() || '#666';
    const grid = getComputedStyle(element).getPropertyValue('--grid').trim() || '#e5e5e5';
    const axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const options: uPlot.Options = {
      width: Math.max(200, element.clientWidth),
      height,
      scales: { x: { time: true }, ...(isShare ? { y: { range: [0, 1] as [number, number] } } : {}) },
      series: [
        {},
        ...data.lines.map((line) => ({
          label: line.variant === 'p99' ? `${line.provider} p99` : line.provider,
          stroke: colorOf(line.provider),
          width: line.variant === 'p99' ? 1.5 : 2,
          dash: line.variant === 'p99' ? [6, 4] : undefined,
          value: (_self: uPlot, value: number | null) => (value === null ? '—' : format(value)),
          points: {
            size: 6,
            fill: colorOf(line.provider),
            filter: (self: uPlot, seriesIndex: number) =>
              findIsolatedPoints(self.data[seriesIndex] as Array<number | null>),
          },
        })),
      ],
      axes: [axis, { ...axis, size: 84, values: (_self, splits) => splits.map((split) => format(split)) }],
      cursor: { drag: { x: false, y: false } },
    };
    const created = new uPlot(options, aligned, element);
    plot.current = created;
    const observer = new ResizeObserver(() =>
      created.setSize({ width: Math.max(200, element.clientWidth), height }),
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      created.destroy();
      plot.current = null;
    };
  }, [shape, height, isShare]);

  useEffect(() => {
    plot.current?.setData(aligned);
  });

  return (
    <figure class="chart">
      <h3 class="chart-title">{title}</h3>
      <div ref={container} class="chart-canvas" aria-hidden="true" />
      <figcaption class="chart-summary">{summary}</figcaption>
    </figure>
  );
}
