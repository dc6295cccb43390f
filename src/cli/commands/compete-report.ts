import type { Style } from '../create-style.js';
import { renderTable } from '../render-table.js';
import { wrapText } from '../wrap-text.js';
import type { CompeteContender, CompeteResponse } from './compete-response.js';

export interface CompeteReportOptions {
  style: Style;
  /** Width to wrap the prose to (reasons, verdict, answer); undefined leaves lines as they are (a pipe). */
  columns?: number;
}

/**
 * A competition for people: one row per contender (🏆 on the winner) with its status, time, time to
 * first token, tokens, cost and kind of failure; each failure's message in full under the table; the
 * evaluator's verdict and its reasoning; then the winning answer. Prose is wrapped to the terminal.
 */
export function renderCompeteReport(response: CompeteResponse, options: CompeteReportOptions): string {
  const { style } = options;
  const fit = (text: string): string =>
    options.columns === undefined ? text : wrapText(text, options.columns);
  const winner = response.responses.find((contender) => contender.name === response.verdict.winner);
  const rows = response.responses.map((contender) => [
    contender === winner ? '🏆' : '',
    nameOf(contender),
    contender.response !== null ? style.green('✅') : style.red('❌'),
    `${contender.time.toFixed(2)} s`,
    contender.ttft === null ? '—' : `${contender.ttft.toFixed(2)} s`,
    contender.tokens === null ? '—' : String(contender.tokens),
    contender.cost === null ? '—' : formatCost(contender.cost),
    describeErrorKind(contender),
  ]);
  const table = renderTable(rows, {
    header: ['', 'contender', 'status', 'time', 'ttft', 'tokens', 'cost', 'error'],
    align: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'left'],
    styleHeader: style.bold,
  })
    .split('\n')
    // Rows without an error would end in the padding before the empty last column.
    .map((line) => line.trimEnd())
    .join('\n');
  // A provider's message is too long for a column: each failure's reason in full under the table.
  const reasons = response.responses
    .filter((contender) => contender.error !== null && contender.error.message.trim() !== '')
    .map((contender) => {
      const line = `  ${style.red('❌')} ${nameOf(contender)}: ${contender.error!.message.replace(/\s+/g, ' ').trim()}`;
      return fit(line);
    });
  const lines = [
    style.bold(
      `🏁 Competition of ${response.responses.length} in ${response.performance_stats.total_time.toFixed(2)} s`,
    ),
    '',
    table,
    ...(reasons.length > 0 ? ['', ...reasons] : []),
    '',
    ...renderVerdict(response, winner, style).map(fit),
    '',
    style.bold('Winning answer'),
    '',
    fit(response.winning_response),
  ];
  return lines.join('\n');
}

function renderVerdict(
  response: CompeteResponse,
  winner: CompeteContender | undefined,
  style: Style,
): string[] {
  const { verdict } = response;
  const name = winner ? nameOf(winner) : verdict.winner;
  const decidedBy = verdict.fell_back_to
    ? `${verdict.evaluator} → ${verdict.fell_back_to}`
    : verdict.evaluator;
  const lines = [`${style.bold('Winner:')} ${style.green(name)} ${style.dim(`(evaluator: ${decidedBy})`)}`];
  if (verdict.reasoning) lines.push(`${style.bold('Verdict:')} ${verdict.reasoning}`);
  if (verdict.fell_back_to && verdict.fallback_reason) {
    lines.push(style.yellow(`${verdict.evaluator} could not decide: ${verdict.fallback_reason}`));
  }
  return lines;
}

function nameOf(contender: CompeteContender): string {
  return `${contender.provider}/${contender.model}`;
}

/** `timed out`, `overloaded (503)`: the kind of failure, short enough for a column. */
function describeErrorKind(contender: CompeteContender): string {
  if (contender.timed_out) return 'timed out';
  if (!contender.error) return '';
  return `${contender.error.kind}${contender.error.status === undefined ? '' : ` (${contender.error.status})`}`;
}

/** Costs are often fractions of a cent: enough digits to tell contenders apart. */
function formatCost(usd: number): string {
  if (usd === 0) return '$0';
  // Two significant digits below a cent (0.000012), four decimals above; never exponent notation.
  return `$${usd.toFixed(Math.min(10, Math.max(4, 1 - Math.floor(Math.log10(usd)))))}`;
}
