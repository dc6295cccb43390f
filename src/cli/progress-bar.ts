import { getDisplayWidth } from './get-display-width.js';

/** Where a progress bar draws: stderr by default, so stdout stays clean for results and `--json`. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressBarOptions {
  /** Units of work in all (keys to test, batch items). */
  total: number;
  /** Shown before the bar: `Testing keys`. */
  label: string;
  /** Default `process.stderr`. */
  stream?: ProgressStream;
}

export interface ProgressBar {
  /** Marks `count` more units done (default 1); `detail` (the item just finished) is shown on a terminal. */
  tick(count?: number, detail?: string): void;
  /** Ends the bar: a terminal's line is completed with a newline; later ticks are ignored. */
  done(): void;
}

const barWidth = 24;
const milestones = [0, 25, 50, 75, 100];

/**
 * A progress bar for long work. On a terminal it redraws one line (`\r` + erase) on each tick; elsewhere
 * (CI logs, a pipe) redrawing would fill the log with lines, so it writes one line as the work passes 0,
 * 25, 50, 75 and 100 %.
 * @example const bar = createProgressBar({ total: keys.length, label: 'Testing keys' }); bar.tick(); bar.done();
 */
export function createProgressBar(options: ProgressBarOptions): ProgressBar {
  const stream = options.stream ?? process.stderr;
  const total = Math.max(0, options.total);
  const isTerminal = stream.isTTY === true;
  let completed = 0;
  let nextMilestone = 0;
  let isDone = false;

  const percentOf = (count: number): number => (total === 0 ? 100 : Math.floor((count / total) * 100));

  function draw(detail?: string): void {
    const percent = percentOf(completed);
    if (isTerminal) {
      const filled = Math.round((percent / 100) * barWidth);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}`;
      const line = `${options.label} ${bar} ${completed}/${total} ${percent}%${detail ? `  ${detail}` : ''}`;
      stream.write(`\r${fitToColumns(line, stream.columns ?? 80)}\u001B[K`);
      return;
    }
    if (nextMilestone >= milestones.length || percent < milestones[nextMilestone]!) return;
    // One line per milestone passed; a tick that passes several (few items) writes one line for all.
    while (nextMilestone < milestones.length && percent >= milestones[nextMilestone]!) nextMilestone++;
    stream.write(`${options.label}: ${completed}/${total} (${percent}%)\n`);
  }

  draw();
  return {
    tick(count = 1, detail) {
      if (isDone) return;
      completed = Math.min(total, completed + count);
      draw(detail);
    },
    done() {
      if (isDone) return;
      isDone = true;
      if (isTerminal) stream.write('\n');
      else if (nextMilestone < milestones.length) {
        // Work that ended early (a failure, an interrupt) still gets its last line.
        stream.write(`${options.label}: ${completed}/${total} (${percentOf(completed)}%)\n`);
      }
    },
  };
}

/**
 * `line` cut to fit one row of a terminal `columns` wide (one column spare for the cursor): a line
 * longer than the terminal wraps, and a `\r` redraw would then rewrite only its last row.
 */
export function fitToColumns(line: string, columns: number): string {
  let fitted = line;
  while (getDisplayWidth(fitted) > columns - 1 && fitted.length > 0)
    fitted = [...fitted].slice(0, -1).join('');
  return fitted;
}
