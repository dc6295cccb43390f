import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

export interface ReapOnExitOptions {
  /** The server process to stop. */
  pid: number;
  /** The signal that stops it cleanly and quickly (PostgreSQL: SIGQUIT; Redis: SIGTERM). */
  signal: 'SIGQUIT' | 'SIGTERM';
  /** Removed once the server is gone. */
  directory: string;
}

/**
 * The reaper, as a shell script: it polls the test process, and once that is gone stops the server, waits
 * for it (SIGKILL after 10 s), then removes its directory. A separate process because a test worker killed
 * with SIGKILL, or by a SIGTERM Node does not turn into an `exit` event, runs none of its own hooks.
 */
const reaperScript = `
while kill -0 "$1" 2>/dev/null; do sleep 0.2; done
kill -s "$3" "$2" 2>/dev/null
i=0
while kill -0 "$2" 2>/dev/null && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
kill -KILL "$2" 2>/dev/null
rm -rf "$4"
`;

/**
 * Makes sure a throwaway server never outlives the test process, whatever ends it: an `exit` hook signals
 * the server at once on a normal exit (an assertion failed, `process.exit`), and a detached reaper process
 * catches the rest and removes the directory. Call the returned function from a clean `close()`, before
 * stopping the server yourself, so neither fires.
 *
 * @example
 * const disarm = reapOnExit({ pid: child.pid, signal: 'SIGTERM', directory });
 * // ... later, in close():
 * disarm();
 */
export function reapOnExit(options: ReapOnExitOptions): () => void {
  const { pid, signal, directory } = options;
  const reaper = spawn(
    'sh',
    ['-c', reaperScript, 'reaper', String(process.pid), String(pid), signal.replace(/^SIG/, ''), directory],
    {
      detached: true,
      stdio: 'ignore',
    },
  );
  reaper.unref();
  const onExit = (): void => {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  };
  process.on('exit', onExit);
  return function disarm() {
    process.off('exit', onExit);
    if (reaper.exitCode === null && reaper.signalCode === null) reaper.kill('SIGTERM');
  };
}

/** Removes a server's directory, tolerating files the stopping server removes at the same moment. */
export function removeDirectory(directory: string): void {
  rmSync(directory, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}
