import { fitToColumns, type ProgressStream } from './progress-bar.js';

export interface SpinnerOptions {
  /** Shown after the spinning frame: `Competing: groq, openai`. */
  label: string;
  /** Default `process.stderr`. */
  stream?: ProgressStream;
  /** Milliseconds between frames. Default 80. */
  intervalInMs?: number;
  /** Default `Date.now`; the elapsed time shown is measured with it. */
  now?: () => number;
  /** What Ctrl-C does once the line is erased; default `process.exit` (with 130, as shells expect). */
  exit?: (code: number) => void;
}

export interface Spinner {
  /** Erases the spinner's line, so what comes next starts on a clean line; later calls do nothing. */
  stop(): void;
}

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * A spinner with the elapsed time, for a wait whose progress cannot be counted (one request that takes
 * seconds): the progress bar's sibling, drawn the same way on the same stream. Only a terminal gets it;
 * in a pipe or a CI log, redraws would be noise and a finished wait needs no trace, so it writes nothing.
 * @example const spinner = createSpinner({ label: 'Competing' }); await work(); spinner.stop();
 */
export function createSpinner(options: SpinnerOptions): Spinner {
  const stream = options.stream ?? process.stderr;
  if (stream.isTTY !== true) return { stop: () => undefined };
  const now = options.now ?? Date.now;
  const startedAt = now();
  let frame = 0;

  const draw = (): void => {
    const seconds = ((now() - startedAt) / 1000).toFixed(1);
    const line = `${frames[frame % frames.length]} ${options.label} ${seconds} s`;
    stream.write(`\r${fitToColumns(line, stream.columns ?? 80)}\u001B[K`);
    frame++;
  };
  draw();
  const timer = setInterval(draw, options.intervalInMs ?? 80);
  // The spinner must never be what keeps a finished command alive.
  timer.unref();
  let isStopped = false;
  const stop = (): void => {
    if (isStopped) return;
    isStopped = true;
    clearInterval(timer);
    process.off('SIGINT', interrupt);
    stream.write('\r\u001B[K');
  };
  // Ctrl-C mid-wait: leave a clean line behind, not a half-drawn frame under the shell prompt.
  const interrupt = (): void => {
    stop();
    (options.exit ?? process.exit)(130);
  };
  process.once('SIGINT', interrupt);
  return { stop };
}
