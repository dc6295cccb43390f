import { exitCodes } from './exit-codes.js';

/**
 * Replaces Node's crash report (an uncaught exception or unhandled rejection printed raw, stack and
 * all) with the same report passed through `redact`, so a key in an error message or a stack frame's
 * data never reaches stderr. The process still exits with a failure code.
 */
export function redactCrashOutput(redact: (text: string) => string): void {
  process.on('uncaughtException', (error, origin) => {
    const report =
      error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
    process.stderr.write(`Arbiter crashed (${origin}): ${redact(report)}\n`);
    process.exit(exitCodes.failure);
  });
}
