import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { delay } from '../lib/delay.js';
import type { InFlightRequests } from './in-flight-requests.js';

export interface CloseServerGracefullyOptions {
  app: FastifyInstance;
  inFlight: InFlightRequests;
  /** How long in-flight requests and streams may take to finish on their own. */
  graceInMs: number;
  logger: Logger;
  /** After the deadline, how long cut requests get to write their error before sockets are destroyed. */
  cutTimeInMs?: number;
}

/** How the shutdown went, for the last log line. */
export interface ServerCloseReport {
  /** Requests and streams that were running when the shutdown began. */
  inFlightAtStart: number;
  /** Those still running at the deadline, ended with a `server_shutting_down` error. */
  cut: number;
}

/**
 * Closes the server without cutting anyone off who can be served: the listener closes at once (new
 * requests on kept-alive sockets get a 503 with `connection: close`), idle sockets are closed as they
 * become idle, and in-flight requests and streams get `graceInMs` to finish. Whatever still runs then is
 * aborted and ends with a clean error in its own format (an SSE error event for a stream), then every
 * socket left is destroyed.
 * @example await closeServerGracefully({ app, inFlight, graceInMs: 25_000, logger });
 */
export async function closeServerGracefully(
  options: CloseServerGracefullyOptions,
): Promise<ServerCloseReport> {
  const { app, inFlight, graceInMs, logger } = options;
  const inFlightAtStart = inFlight.size;
  logger.info(
    { inFlight: inFlightAtStart, graceInSeconds: graceInMs / 1000 },
    'shutting down: not accepting new requests, letting in-flight ones finish',
  );
  const closed = app.close();
  // Node closes idle keep-alive sockets once, at close; a socket whose response ends later would
  // otherwise stay open (and keep the server open) until the client or the keep-alive timeout closes it.
  const sweeper = setInterval(() => app.server.closeIdleConnections(), 50);
  let cut = 0;
  if (!(await finishesWithin(inFlight.whenIdle(), graceInMs))) {
    cut = inFlight.size;
    logger.warn({ cut }, 'shutdown grace period over: ending the requests still running with an error');
    inFlight.abortAll();
    await finishesWithin(inFlight.whenIdle(), options.cutTimeInMs ?? 2000);
  }
  clearInterval(sweeper);
  app.server.closeAllConnections();
  await closed;
  return { inFlightAtStart, cut };
}

/** True when `promise` settles within `timeInMs`; the timer never outlives the wait. */
async function finishesWithin(promise: Promise<void>, timeInMs: number): Promise<boolean> {
  const timer = new AbortController();
  try {
    return await Promise.race([
      promise.then(() => true),
      delay(timeInMs, timer.signal).then(
        () => false,
        () => false,
      ),
    ]);
  } finally {
    timer.abort();
  }
}
