import type { ComponentChildren } from 'preact';

/** What a badge means; the colour follows, but the text always says it too. */
export type BadgeTone = 'good' | 'warn' | 'bad' | 'neutral';

const glyphs: Record<BadgeTone, string> = { good: '✓', warn: '!', bad: '✕', neutral: '•' };

/** The tone of every status word the API sends (provider status, circuit state, key state). */
export const statusTones: Readonly<Record<string, BadgeTone>> = {
  online: 'good',
  degraded: 'warn',
  offline: 'bad',
  closed: 'good',
  'half-open': 'warn',
  open: 'bad',
  available: 'good',
  cooling: 'warn',
  parked: 'warn',
  disabled: 'bad',
};

export interface StatusBadgeProps {
  tone?: BadgeTone;
  /** Shown on hover and read after the label: when a circuit reopens, why a key cools down. */
  detail?: string;
  children: ComponentChildren;
}

/** A small labelled pill: a glyph and a word, so colour is never the only signal. */
export function StatusBadge({ tone = 'neutral', detail, children }: StatusBadgeProps) {
  return (
    <span class={`badge badge-${tone}`} title={detail}>
      <span class="badge-glyph" aria-hidden="true">
        {glyphs[tone]}
      </span>
      {children}
      {detail ? <span class="visually-hidden">{` (${detail})`}</span> : null}
    </span>
  );
}
