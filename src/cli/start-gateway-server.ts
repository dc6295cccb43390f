import type { Logger } from 'pino';
import type { ArbiterConfig } from '../config/arbiter-config.js';
import { createGateway, type Gateway } from '../gateway.js';
import { closeServerGracefully, type ServerCloseReport } from '../server/close-server-gracefully.js';
import { createServer } from '../server/create-server.js';
import { createInFlightRequests } from '../server/in-flight-requests.js';
import { getPublicBindingRefusal } from './check-public-binding.js';
import { createServeLogger } from './create-serve-logger.js';

export interface GatewayServerOptions {
  /** When the configured port is taken, listen on a free one instead of failing (`arbiter demo`). */
  shouldFallBackToFreePort?: boolean;
}

/** The host is public and no gateway key is configured: the message says what to do (exit code 2). */
export class PublicBindingRefusedError extends Error {
  override readonly name = 'PublicBindingRefusedError';
}

/** A gateway listening on HTTP, and the way to stop it like `serve` does on SIGTERM. */
export interface GatewayServer {
  /** `http://127.0.0.1:8000`: the base URL clients use (OpenAI SDKs add `/v1`). */
  url: string;
  /** The port the configuration asked for, when it was taken and a free one was used instead. */
  busyPort?: number;
  gateway: Gateway;
  /** The server's logger (redacted like its request log lines). */
  logger: Logger;
  /**
   * Stops accepting, lets in-flight requests finish (`SHUTDOWN_GRACE_SECONDS`), flushes and closes; says
   * how it went, with the usage records the last flush wrote.
   */
  stop(): Promise<ServerCloseReport & { usageRecordsFlushed: number }>;
}

/**
 * Builds the gateway from `config` and serves it on `config.server.host:port` — the same pieces and the
 * same graceful stop as `arbiter serve`. Like `serve`, it refuses a public address without gateway keys
 * (PublicBindingRefusedError). Rejects with the listen error (EADDRINUSE) unless told to fall back to a
 * free port; the gateway is closed before rejecting.
 * @example const server = await startGatewayServer(config); process.once('SIGINT', () => server.stop());
 */
export async function startGatewayServer(
  config: ArbiterConfig,
  options: GatewayServerOptions = {},
): Promise<GatewayServer> {
  const { logger, setRedactor } = createServeLogger(config);
  const gateway = await createGateway(config, {
    reportError: (error, message) => logger.error({ err: error }, message),
  });
  setRedactor(gateway.redact);
  const { security } = config;
  const refusal = getPublicBindingRefusal(
    config.server.host,
    gateway.tenancy.hasKeys,
    security.isPublicWithoutKeysAllowed,
  );
  if (refusal) {
    await gateway.close();
    throw new PublicBindingRefusedError(refusal);
  }
  const inFlight = createInFlightRequests();
  const { host, port } = config.server;
  let app = createServer({ gateway, logger, inFlight });
  let busyPort: number | undefined;
  try {
    try {
      await app.listen({ host, port });
    } catch (error) {
      const isBusy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!isBusy || !options.shouldFallBackToFreePort || port === 0) throw error;
      // A Fastify instance whose listen failed is not reused: a fresh one takes a free port.
      await app.close();
      busyPort = port;
      app = createServer({ gateway, logger, inFlight });
      await app.listen({ host, port: 0 });
    }
  } catch (error) {
    await gateway.close();
    throw error;
  }
  const listening = app;
  const address = listening.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`,
    busyPort,
    gateway,
    logger,
    async stop() {
      const report = await closeServerGracefully({
        app: listening,
        inFlight,
        graceInMs: config.server.shutdownGraceInMs,
        logger,
      });
      const usageRecordsFlushed = gateway.usage.pendingCount;
      await gateway.close();
      return { ...report, usageRecordsFlushed };
    },
  };
}
