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
      // pino's lines open with `{"level":30,"time":1795320131312,`: numbers only, and a 13-digit time
      // that would send every line through the card-number check. Redact what follows.
      const head = line.startsWith('{"level":') ? line.indexOf(',', line.indexOf('"time":') + 7) + 1 : 0;
      const rest = head > 0 ? line.slice(head) : line;
      return destination.write(line.slice(0, head) + redactSensitive(redactSecrets(rest)));
    },
    // pino flushes its destination on exit and on `logger.flush()`; pass both through.
    flush: () => destination.flush?.(),
    flushSync: () => destination.flushSync?.(),
  };
}
