import { redactSensitive } from './redact-sensitive.js';

/** Where log lines go: pino's destination (a SonicBoom on stdout) or any stream with `write`. */
export interface LogDestination {
  write(line: string): unknown;
  flush?(): unknown;
  flushSync?(): unknown;
}

/**
 * A pino destination that redacts each finished line before writing it: every known secret (the
 * gateway's redactor, which learns keys added at run time) and personal data. Redacting the serialised
 * line is the cheapest correct place: one pass over a short string per line, and nothing can slip past —
 * not a nested field, an error's message or stack, a child logger's bindings, nor Fastify's own lines —
 * which a `formatters.log` or `hooks.logMethod` over objects would each miss somewhere.
 * @example pino({ level }, createRedactingLogStream((line) => redact(line), pino.destination(1)))
 */
export function createRedactingLogStream(
  redactSecrets: (text: string) => string,
  destination: LogDestination,
): LogDestination {
  return {
    write(line: string) {
      return destination.write(redactSensitive(redactSecrets(line)));
    },
    // pino flushes its destination on exit and on `logger.flush()`; pass both through.
    flush: () => destination.flush?.(),
    flushSync: () => destination.flushSync?.(),
  };
}
