/**
 * How numbers read on the dashboard: durations in ms or s, dollars to the precision that matters for
 * per-request costs, counts with separators. `null` (no data yet) reads as an em dash everywhere.
 * Numbers use `en-US` so figures look the same in every browser and test.
 */

export const noValue = '—';

const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** `850 ms`, `1.25 s`, `2.5 min`. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return noValue;
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${trimZeros((ms / 1_000).toFixed(ms < 10_000 ? 2 : 1))} s`;
  if (ms < 3_600_000) return `${trimZeros((ms / 60_000).toFixed(1))} min`;
  return `${trimZeros((ms / 3_600_000).toFixed(1))} h`;
}

/** `$12.35`, `$0.0123`, `$0.000042`: per-request costs are fractions of a cent. */
export function formatUsd(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd)) return noValue;
  if (usd === 0) return '$0';
  const sign = usd < 0 ? '-' : '';
  const amount = Math.abs(usd);
  if (amount >= 1)
    return `${sign}$${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (amount >= 0.01) return `${sign}$${trimZeros(amount.toFixed(4))}`;
  if (amount < 0.000001) return `${sign}<$0.000001`;
  return `${sign}$${trimZeros(amount.toFixed(6))}`;
}

/** `12,345`. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return noValue;
  return counts.format(value);
}

/** A 0..1 share as `99.5%` (one decimal, trailing zero dropped). */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return noValue;
  return `${trimZeros((share * 100).toFixed(1))}%`;
}

/** How far `time` is from `now`: `in 12 s`, `3 min ago`, `now`. */
export function formatRelativeTime(time: number | null | undefined, now: number): string {
  if (time === null || time === undefined) return noValue;
  const delta = time - now;
  if (Math.abs(delta) < 1_000) return 'now';
  const distance = Math.abs(delta);
  // Beyond two days hours stop reading well (a month's reset is `in 9.4 d`, not `in 226 h`).
  const span =
    distance >= 172_800_000 ? `${trimZeros((distance / 86_400_000).toFixed(1))} d` : formatDuration(distance);
  return delta > 0 ? `in ${span}` : `${span} ago`;
}

/** A compact local date and time for tables: `Jan 5, 14:03:07`. */
export function formatTimestamp(time: number | string): string {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return noValue;
  return date.toLocaleString('en-US', {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
}

function trimZeros(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}
