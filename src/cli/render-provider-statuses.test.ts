import { describe, expect, it } from 'vitest';
import { createStyle } from './create-style.js';
import type { ProviderStatusRow } from './fetch-provider-statuses.js';
import { renderProviderStatuses } from './render-provider-statuses.js';

const plain = createStyle({ stream: { isTTY: false }, env: {} });
const row = (
  provider: string,
  status: ProviderStatusRow['status'],
  extra: Partial<ProviderStatusRow> = {},
) => ({
  provider,
  status,
  model: status === 'unconfigured' ? null : 'm',
  response_time_avg: null,
  error_rate: null,
  samples: 0,
  ...extra,
});

describe('renderProviderStatuses', () => {
  it('marks each provider ✅, ⚠️ or ❌ with its evidence, and the default one', () => {
    const text = renderProviderStatuses(
      {
        providers: [
          row('groq', 'online', { response_time_avg: 0.42, error_rate: 0, samples: 5 }),
          row('ollama', 'degraded', { response_time_avg: 12.5, error_rate: 0.3, samples: 10 }),
          row('openai', 'offline', { error_rate: 1, samples: 3 }),
          row('gemini', 'unconfigured', { note: 'set GEMINI_API_KEY' }),
        ],
        default_provider: 'groq',
        auto_fallback: true,
        fallback_order: ['groq', 'ollama'],
        demo: false,
      },
      plain,
    );
    expect(text.split('\n').map((line) => line.trimEnd())).toEqual([
      '  provider        status             model  response  errors  note',
      '  ──────────────  ─────────────────  ─────  ────────  ──────  ──────────────────',
      '  groq (default)  ✅ online          m        0.42 s      0%',
      '  ollama          ⚠️ degraded        m       12.50 s     30%',
      '  openai          ❌ offline         m             —    100%',
      '  gemini          ❌ not configured  —             —       —  set GEMINI_API_KEY',
    ]);
  });

  it('names the real providers on one line in demo mode instead of listing them all as ❌', () => {
    const text = renderProviderStatuses(
      {
        providers: [row('demo-openai', 'online'), row('groq', 'unconfigured'), row('openai', 'unconfigured')],
        default_provider: 'demo-openai',
        auto_fallback: true,
        fallback_order: ['demo-openai'],
        demo: true,
      },
      plain,
    );
    expect(text).not.toContain('❌');
    expect(text).toContain('Real providers (groq, openai) need a key: see .env.example.');
  });
});
