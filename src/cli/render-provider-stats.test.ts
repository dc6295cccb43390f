import { describe, expect, it } from 'vitest';
import { createStyle } from './create-style.js';
import { renderProviderStats } from './render-provider-stats.js';

const plain = createStyle({ stream: { isTTY: false }, env: {} });

describe('renderProviderStats', () => {
  it('prints the original brief’s /llm stats, in English, as a table', () => {
    const row = (provider: string, requests: number, failures: number, average: number) => ({
      provider,
      requests,
      successes: requests - failures,
      failures,
      success_rate: (requests - failures) / requests,
      average_time_s: average,
    });
    const text = renderProviderStats(
      {
        current_provider: 'groq',
        available_providers: ['groq', 'ollama'],
        auto_fallback: true,
        fallback_order: ['groq', 'ollama'],
        providers: [row('groq', 45, 2, 1.23), row('ollama', 2, 0, 4.56)],
        totals: { ...row('', 47, 2, 1.37), provider: null },
      },
      plain,
    );
    expect(text).toBe(
      [
        '📊 LLM statistics',
        '',
        '  Current provider: groq',
        '  Available providers: groq, ollama',
        '  Auto-fallback: ✅ (groq → ollama)',
        '',
        '📈 By provider',
        '',
        '  provider  requests  successes  failures  success rate  average time',
        '  ────────  ────────  ─────────  ────────  ────────────  ────────────',
        '  groq            45         43         2         95.6%        1.23 s',
        '  ollama           2          2         0          100%        4.56 s',
        '  total           47         45         2         95.7%        1.37 s',
      ].join('\n'),
    );
  });

  it('says when there is nothing to show yet, and when fallback is off', () => {
    const text = renderProviderStats(
      {
        current_provider: null,
        available_providers: [],
        auto_fallback: false,
        fallback_order: [],
        providers: [],
        totals: {
          provider: null,
          requests: 0,
          successes: 0,
          failures: 0,
          success_rate: null,
          average_time_s: 0,
        },
      },
      plain,
    );
    expect(text).toContain('  Current provider: —\n  Available providers: —\n  Auto-fallback: ❌');
    expect(text).toContain('No requests yet.');
  });
});
