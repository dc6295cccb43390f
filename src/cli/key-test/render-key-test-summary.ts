import type { Style } from '../create-style.js';
import { renderTable } from '../render-table.js';
import type { KeyTestReport } from './build-key-test-report.js';

/**
 * The summary printed after a key test: one line of totals, a table of every key × model with its
 * result, latency and time to first token, the fastest pair, and each failure with its kind and the
 * provider's message. Keys appear by id only.
 */
export function renderKeyTestSummary(report: KeyTestReport, style: Style): string {
  const { summary } = report;
  const lines: string[] = [];
  const seconds = (report.duration_ms / 1000).toFixed(1);
  const failed = summary.failed > 0 ? style.red(`${summary.failed} failed`) : '0 failed';
  lines.push(
    `Tested ${summary.total} key × model pairs of ${summary.keys} keys in ${seconds} s: ${style.green(`${summary.passed} passed`)}, ${failed}.`,
  );
  const time = (value: number | null): string => (value === null ? '-' : `${value} ms`);
  const rows = report.results.map((result) => [
    result.key_id,
    `${result.provider}/${result.model}`,
    result.ok ? style.green('✓ pass') : style.red('✗ fail'),
    time(result.latency_ms),
    time(result.ttft_ms),
    result.tokens_per_second === null ? '-' : String(result.tokens_per_second),
  ]);
  if (rows.length > 0) {
    lines.push('');
    lines.push(
      renderTable(rows, {
        header: ['KEY', 'MODEL', 'RESULT', 'LATENCY', 'TTFT', 'TOKENS/S'],
        align: ['left', 'left', 'left', 'right', 'right', 'right'],
        styleHeader: style.bold,
      }),
    );
  }
  if (summary.fastest) {
    const fastest = summary.fastest;
    lines.push('');
    lines.push(
      `Fastest: ${style.bold(`${fastest.provider}/${fastest.model}`)} with ${fastest.key_id} (first token ${time(fastest.ttft_ms)}, answer ${time(fastest.latency_ms)})`,
    );
  }
  const failures = report.results.filter((result) => !result.ok);
  if (failures.length > 0) {
    lines.push('');
    lines.push(style.bold('Failures:'));
    for (const failure of failures) {
      const status = failure.error?.status === undefined ? '' : ` (${failure.error.status})`;
      lines.push(
        `  ${failure.key_id} × ${failure.provider}/${failure.model}: ${style.red(`${failure.error?.kind ?? 'failed'}${status}`)} ${failure.error?.message ?? ''}`,
      );
    }
  }
  for (const skipped of report.skipped)
    lines.push(style.dim(`Not tested: ${skipped.provider}, because ${skipped.reason}.`));
  return lines.join('\n');
}
