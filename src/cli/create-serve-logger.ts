import cluster from 'node:cluster';
import { pino, type Logger } from 'pino';
import type { ArbiterConfig } from '../config/arbiter-config.js';
import { createGatewayRedactor } from '../gateway/create-gateway-redactor.js';
import { createRedactingLogStream } from '../security/create-redacting-log-stream.js';
import { redactSensitive } from '../security/redact-sensitive.js';
import { redactCrashOutput } from './redact-crash-output.js';

/**
 * The server's logger: JSON lines on stdout, each redacted before it is written (every configured
 * secret, and personal data), and crash reports on stderr redacted the same way. Until the gateway exists
 * it redacts what the configuration holds; a worker's lines carry its `pid`; `setRedactor(gateway.redact)` then adds the provider keys the
 * admin API stores at run time.
 */
export function createServeLogger(config: ArbiterConfig): {
  logger: Logger;
  setRedactor(redact: (text: string) => string): void;
} {
  let redact = createGatewayRedactor(config, config.providers).redact;
  // Asynchronous: lines written while a write is under way go out together in the next one, so a busy
  // gateway makes one write(2) per batch instead of one per request. pino flushes what is left
  // synchronously on exit (a SIGKILL loses at most the batch in flight). A reader that stops reading
  // cannot make the buffer grow past 16 MB: lines beyond that are dropped, not the gateway blocked.
  const stream = createRedactingLogStream(
    (line) => redact(line),
    pino.destination({ dest: 1, sync: false, maxLength: 16 * 1024 * 1024 }),
  );
  redactCrashOutput((text) => redactSensitive(redact(text)));
  return {
    // A worker of `arbiter serve` (ARBITER_WORKERS > 1) says which one it is on every line.
    logger: pino(
      { level: config.server.logLevel, base: cluster.isWorker ? { pid: process.pid } : undefined },
      stream,
    ),
    setRedactor(next) {
      redact = next;
    },
  };
}
