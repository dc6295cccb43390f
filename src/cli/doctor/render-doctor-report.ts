import type { Style } from '../create-style.js';
import { renderTable } from '../render-table.js';
import type { TargetCheckStatus } from './check-target.js';

/** One line of the doctor's table. */
export interface DoctorRow {
  check: string;
  status: TargetCheckStatus;
  detail: string;
  /** The concrete next step, for anything not ok. */
  fix?: string;
}

const detailWidth = 100;

/**
 * The doctor's summary: one table row per check (details cut to a line), then every fix in full, then
 * a one-line verdict. A rate-limited key is a warning: the key was accepted, it is only busy.
 */
export function renderDoctorReport(rows: readonly DoctorRow[], style: Style): string {
  const table = renderTable(
    rows.map((row) => [row.check, formatStatus(row.status, style), shorten(row.detail)]),
    { header: ['check', 'result', 'detail'], styleHeader: style.bold },
  );
  const lines = ['', table];
  const problems = rows.filter((row) => row.status !== 'ok');
  if (problems.length > 0) {
    lines.push('', style.bold('What to do:'));
    for (const row of problems) {
      // Fixes name their provider and key already; a bare failure needs its check's name.
      lines.push(`  - ${row.fix ?? `${row.check}: ${row.detail}`}`);
    }
  }
  const failed = problems.filter((row) => row.status !== 'rate-limited').length;
  lines.push(
    '',
    failed === 0
      ? style.green(`All ${rows.length} checks passed${problems.length > 0 ? ' (with warnings)' : ''}.`)
      : style.red(`${failed} of ${rows.length} checks failed.`),
  );
  return lines.join('\n');
}

function formatStatus(status: TargetCheckStatus, style: Style): string {
  switch (status) {
    case 'ok':
      return style.green('✅ ok');
    case 'rate-limited':
      return style.yellow('⚠️ rate limited');
    case 'key-rejected':
      return style.red('❌ key rejected');
    case 'unreachable':
      return style.red('❌ unreachable');
    case 'failed':
      return style.red('❌ failed');
    default: {
      const _exhaustiveCheck: never = status;
      return String(_exhaustiveCheck);
    }
  }
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > detailWidth ? `${line.slice(0, detailWidth - 1)}…` : line;
}
