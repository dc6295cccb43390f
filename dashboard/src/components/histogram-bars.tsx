import type { Histogram } from '../api/admin-api-types';
import { summarizeHistogram } from '../lib/summarize-histogram';

export interface HistogramBarsProps {
  /** `Latency`, `Time to first token`. */
  title: string;
  histogram: Histogram;
}

/**
 * A fixed-bound histogram as vertical bars with the count on each and the bucket under it; the caption
 * says the sample count and the estimated p50/p90, which is also all a screen reader hears (the bars
 * themselves are a picture of that sentence).
 */
export function HistogramBars({ title, histogram }: HistogramBarsProps) {
  const summary = summarizeHistogram(histogram, title);
  return (
    <figure class="histogram">
      <div class="histogram-bars" aria-hidden="true">
        {summary.bars.map((bar) => (
          <div class="histogram-column" key={bar.label} title={`${bar.label}: ${bar.count}`}>
            <span class="histogram-count">{bar.count > 0 ? bar.count : ''}</span>
            <span class="histogram-bar" style={{ height: `${Math.round(bar.height * 100)}%` }} />
            <span class="histogram-label">{bar.label}</span>
          </div>
        ))}
      </div>
      <figcaption>{summary.text}</figcaption>
    </figure>
  );
}
