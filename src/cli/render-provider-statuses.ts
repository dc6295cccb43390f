import type { Style } from './create-style.js';
import type { ProviderStatusReport, ProviderStatusRow } from './fetch-provider-statuses.js';
import { renderTable } from './render-table.js';

/** `✅ online`, `⚠️ degraded`, `❌ offline` / `❌ not configured`, `❔ unknown`, coloured to match. */
export function formatProviderStatus(status: ProviderStatusRow['status'], style: Style): string {
  switch (status) {
    case 'online':
      return style.green('✅ online');
    case 'degraded':
      return style.yellow('⚠️ degraded');
    case 'offline':
      return style.red('❌ offline');
    case 'unconfigured':
      return style.red('❌ not configured');
    case 'unknown':
      return style.yellow('❔ unknown');
    default: {
      const _exhaustiveCheck: never = status;
      return String(_exhaustiveCheck);
    }
  }
}

/**
 * The providers table of `arbiter providers` and `/llm providers`. In demo mode the real providers
 * are all unconfigured by definition, so they are named on one line instead of a dozen ❌ rows.
 */
export function renderProviderStatuses(report: ProviderStatusReport, style: Style): string {
  const isListed = (row: ProviderStatusRow): boolean => !report.demo || row.status !== 'unconfigured';
  const rows = report.providers
    .filter(isListed)
    .map((row) => [
      row.provider + (row.provider === report.default_provider ? style.dim(' (default)') : ''),
      formatProviderStatus(row.status, style),
      row.model ?? '—',
      row.response_time_avg === null ? '—' : `${row.response_time_avg.toFixed(2)} s`,
      row.error_rate === null ? '—' : `${Math.round(row.error_rate * 100)}%`,
      style.dim(row.note ?? ''),
    ]);
  const lines = [
    renderTable(rows, {
      header: ['provider', 'status', 'model', 'response', 'errors', 'note'],
      align: ['left', 'left', 'left', 'right', 'right', 'left'],
      styleHeader: style.bold,
    }),
  ];
  if (report.demo) {
    const real = report.providers.filter((row) => !isListed(row));
    lines.push(
      '',
      style.dim(`  Demo mode: answers come from the built-in simulator, not a real model.`),
      style.dim(
        `  Real providers (${real.map((row) => row.provider).join(', ')}) need a key: see .env.example.`,
      ),
    );
  }
  return lines.join('\n');
}
