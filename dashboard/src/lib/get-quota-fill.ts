/** How full a quota is, in words as well as colour. */
export type QuotaLevel = 'unlimited' | 'ok' | 'high' | 'full';

export interface QuotaFill {
  level: QuotaLevel;
  /** 0..1 for the bar's width (capped at 1); null when unlimited. */
  fraction: number | null;
  /** `12 of 60 (20%)`, `12 — unlimited`: what the bar says to everyone, colour or not. */
  text: string;
}

/** From this share on, a quota is `high` (amber). */
export const highQuotaShare = 0.75;

/**
 * A quota bar's fill: `full` at or over the limit (the next request is refused), `high` from 75 %, `ok`
 * below. A limit of `null` is unlimited; a limit of 0 is full from the start (nothing is allowed).
 */
export function getQuotaFill(
  used: number,
  limit: number | null,
  format: (value: number) => string = String,
): QuotaFill {
  if (limit === null) return { level: 'unlimited', fraction: null, text: `${format(used)} — unlimited` };
  const share = limit > 0 ? used / limit : 1;
  const level: QuotaLevel = share >= 1 ? 'full' : share >= highQuotaShare ? 'high' : 'ok';
  const percent = Math.round(share * 100);
  return {
    level,
    fraction: Math.min(1, Math.max(0, share)),
    text: `${format(used)} of ${format(limit)} (${percent}%${level === 'full' ? ', limit reached' : ''})`,
  };
}
