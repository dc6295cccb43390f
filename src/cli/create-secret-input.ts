import { createHiddenLineReader } from './create-hidden-line-reader.js';
import { readStdinLines } from './read-stdin-lines.js';

/** Where a command's secrets come from: hidden prompts on a terminal, or stdin lines for scripts. */
export interface SecretInput {
  /** True on a terminal, where a new password is asked twice. */
  readonly isInteractive: boolean;
  /** The next secret: asked with `prompt` (no echo), or the next stdin line; `what` names it in errors. */
  next(prompt: string, what: string): Promise<string>;
}

/** A problem with how a command was run (no terminal, missing input): exit code 2, no stack. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/**
 * Hidden prompts when stdin is a terminal, or stdin's lines with `--stdin` (read once, in order). Without
 * either there is nobody to ask: asking fails with what to do instead (a password from MASTER_PASSWORD
 * needs no asking, so that alone is no error).
 */
export async function createSecretInput(
  shouldReadStdin: boolean,
  io: { input: NodeJS.ReadStream; output: NodeJS.WritableStream } = {
    input: process.stdin,
    output: process.stderr,
  },
): Promise<SecretInput> {
  if (shouldReadStdin) {
    const lines = await readStdinLines(io.input);
    return {
      isInteractive: false,
      async next(_prompt, what) {
        const line = lines.shift();
        if (line === undefined) throw new CliUsageError(`stdin ended before the ${what}`);
        return line;
      },
    };
  }
  if (!io.input.isTTY) {
    return {
      isInteractive: false,
      next(_prompt, what) {
        const advice = 'pass --stdin and send the secrets on stdin, one per line';
        return Promise.reject(new CliUsageError(`there is no terminal to ask for the ${what} on: ${advice}`));
      },
    };
  }
  const reader = createHiddenLineReader(io);
  return { isInteractive: true, next: (prompt) => reader.read(prompt) };
}
