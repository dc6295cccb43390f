import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { stripAnsi } from '../../src/cli/get-display-width.js';
import { cliPath } from './spawn-cli.js';

export interface TerminalCli {
  child: ChildProcess;
  /** Everything the terminal showed so far, escape sequences and all, with `\r\n` made `\n`. */
  rawOutput(): string;
  /** The same without ANSI escape sequences: what a person reads. */
  output(): string;
  /** Where the output ends now; pass it to `waitFor` to match only what comes after. */
  mark(): number;
  /** Keystrokes as they are: `'\u0003'` is Ctrl-C, `'\u0004'` Ctrl-D. */
  write(keys: string): void;
  /** A line typed and Enter pressed. */
  writeLine(line: string): void;
  /** Resolves with the first match of `pattern` in `output()` (from `from` on). */
  waitFor(pattern: RegExp, options?: { from?: number; timeoutInMs?: number }): Promise<RegExpMatchArray>;
  /** The CLI's exit code (`script -e` passes it through). */
  exited: Promise<number | null>;
}

export interface TerminalOptions {
  cwd: string;
  /** The whole environment besides PATH, TERM and SHELL: a developer's own keys never leak in. */
  env?: Record<string, string>;
  /** Terminal width; default 120, so tables are not wrapped. */
  columns?: number;
}

/**
 * Runs the built `arbiter` CLI in a real pseudo-terminal, without node-pty: util-linux `script` gives it
 * a TTY (`-q` quiet, `-f` flush every write, `-e` pass the exit code, `-c` the command, `/dev/null`
 * instead of a typescript file). Keystrokes go through the terminal's line discipline, so Ctrl-C is the
 * real thing. Wait for the prompt before typing: the terminal echoes what it receives early.
 * @example
 * const cli = spawnCliInTerminal(['chat', '--url', url], { cwd });
 * await cli.waitFor(/auto › /);
 * cli.writeLine('/exit');
 */
export function spawnCliInTerminal(args: string[], options: TerminalOptions): TerminalCli {
  if (!existsSync(cliPath))
    throw new Error(`${cliPath} is missing: run "npm run build" first (npm test does)`);
  const command = [process.execPath, cliPath, ...args].map(quote).join(' ');
  const columns = options.columns ?? 120;
  const child = spawn('script', ['-qfec', `stty cols ${columns} rows 50; exec ${command}`, '/dev/null'], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', TERM: 'xterm-256color', SHELL: '/bin/sh', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let raw = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    raw += chunk.toString('utf8').replace(/\r\n/g, '\n');
    for (const waiter of waiters) waiter();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const output = (): string => stripAnsi(raw).replace(/\r/g, '');

  return {
    child,
    rawOutput: () => raw,
    output,
    mark: () => output().length,
    write: (keys) => void child.stdin!.write(keys),
    writeLine: (line) => void child.stdin!.write(`${line}\r`),
    exited,
    waitFor(pattern, { from = 0, timeoutInMs = 15_000 } = {}) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const match = output().slice(from).match(pattern);
          if (!match) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(match);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${pattern}; terminal so far:\n${output().slice(from)}`));
        }, timeoutInMs);
        waiters.add(check);
        void exited.then(() => setTimeout(check, 0));
        check();
      });
    },
  };
}

/** One shell word, single-quoted. */
function quote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
