import { getQuotaFill } from '../lib/get-quota-fill';

export interface QuotaBarProps {
  label: string;
  used: number;
  limit: number | null;
  format?: (value: number) => string;
  /** When the window resets, already worded (`in 12 min`). */
  resets?: string;
}

/**
 * One quota as a meter: filled to its share, amber from 75 %, red when reached, and always the figures
 * in words (`12 of 60 (20%)`, `unlimited`) for anyone who cannot tell the colours apart.
 */
export function QuotaBar({ label, used, limit, format = String, resets }: QuotaBarProps) {
  const fill = getQuotaFill(used, limit, format);
  return (
    <div class={`quota quota-${fill.level}`}>
      <div class="quota-heading">
        <span class="quota-label">{label}</span>
        <span class="quota-text">{fill.text}</span>
      </div>
      <div
        class="quota-track"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={limit ?? undefined}
        aria-valuenow={limit === null ? undefined : Math.min(used, limit)}
        aria-valuetext={fill.text}
      >
        <span class="quota-fill" style={{ width: `${Math.round((fill.fraction ?? 0) * 100)}%` }} />
      </div>
      {resets ? <div class="quota-resets">Resets {resets}</div> : null}
    </div>
  );
}
