import type { Style } from './create-style.js';
import type { ProviderStatsReport, ProviderStatsRow } from './fetch-provider-stats.js';
import { renderTable } from './render-table.js';

/**
 * `/llm stats` as the original brief prints it, in English: the current provider, the available ones
 * and whether `auto` falls back, then per provider its requests, successes, failures, success rate and
 * average time — as a table, with the totals under it.
 */
export function renderProviderStats(report: ProviderStatsReport, style: Style): string {
  const fallback =
    report.auto_fallback === null
      ? '—'
      : report.auto_fallback
        ? `✅${report.fallback_order.length > 1 ? style.dim(` (${report.fallback_order.join(' → ')})`) : ''}`
        : '❌';
  const lines = [
    style.bold('📊 LLM statistics'),
    '',
    `  Current provider: ${report.current_provider ?? '—'}`,
    `  Available providers: ${report.available_providers.join(', ') || '—'}`,
    `  Auto-fallback: ${fallback}`,
    '',
    style.bold('📈 By provider'),
    '',
  ];
  if (report.providers.length === 0) {
    lines.push(style.dim('  No requests yet.'));
    return lines.join('\n');
  }
  const cells = (row: ProviderStatsRow, name: string): string[] => [
    name,
    String(row.requests),
    String(row.successes),
    row.failures > 0 ? style.red(String(row.failures)) : String(row.failures),
    row.success_rate === null ? '—' : `${formatPercent(row.success_rate)}`,
    `${row.average_time_s.toFixed(2)} s`,
  ];
  const rows = report.providers.map((row) => cells(row, row.provider ?? style.dim('(no provider)')));
  if (report.providers.length > 1) rows.push(cells(report.totals, style.bold('total')));
  lines.push(
    renderTable(rows, {
      header: ['provider', 'requests', 'successes', 'failures', 'success rate', 'average time'],
      align: ['left', 'right', 'right', 'right', 'right', 'right'],
      styleHeader: style.bold,
    }),
  );
  return lines.join('\n');
}

/** `95.6%`, `100%`: one decimal, none when it is zero. */
function formatPercent(rate: number): string {
  const percent = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(percent) ? percent.toFixed(0) : percent.toFixed(1)}%`;
}
