import cluster from 'node:cluster';
import type { Command } from 'commander';
import type { ArbiterConfig } from '../../config/arbiter-config.js';
import { ConfigError } from '../../config/config-error.js';
import { loadConfig } from '../../config/load-config.js';
import { createStores } from '../../gateway/create-stores.js';
import { createStartupVaultOptions } from '../create-startup-vault-options.js';
import { exitCodes } from '../exit-codes.js';
import { getVersion } from '../get-version.js';
import { printBanner } from '../print-banner.js';
import { getWorkerCount, perWorkerWarning, runWorkerCluster } from '../run-worker-cluster.js';
import {
  PublicBindingRefusedError,
  startGatewayServer,
  type GatewayServer,
} from '../start-gateway-server.js';

/** The primary of a worker group tells its workers to drain with this IPC message (see runWorkerCluster). */
interface StopMessage {
  type: 'arbiter:stop';
  signal: string;
  /** The primary got a second signal: exit at once, like a second signal to a lone `serve`. */
  isImmediate?: boolean;
}

/** `arbiter serve`: the gateway on HOST:PORT (default 127.0.0.1:8000), in demo mode when no key is set. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve', { isDefault: true })
    .description(
      'start the gateway (demo mode with the built-in simulator when no provider key is configured)',
    )
    .option('-p, --port <port>', 'port to listen on (env PORT, default 8000)')
    .option('-H, --host <host>', 'address to bind (env HOST, default 127.0.0.1)')
    .option('-c, --config <file>', 'YAML config file (env ARBITER_CONFIG, default ./arbiter.yaml if present)')
    .addHelpText(
      'after',
      '\nWorkers: ARBITER_WORKERS processes share the port (default: one per core with REDIS_URL, else 1).\n\nExamples:\n  $ arbiter serve\n  $ GROQ_API_KEY=gsk_... arbiter serve --port 9000\n  $ REDIS_URL=redis://127.0.0.1:6379 ARBITER_WORKERS=4 arbiter serve\n  $ arbiter serve --config ./arbiter.yaml',
    )
    .action(async (options: { port?: string; host?: string; config?: string }) => {
      const env = {
        ...process.env,
        ...(options.port ? { PORT: options.port } : {}),
        ...(options.host ? { HOST: options.host } : {}),
      };
      let config;
      try {
        config = loadConfig({ env, configPath: options.config, vault: await createStartupVaultOptions(env) });
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        process.stderr.write(`${error.format()}\n`);
        process.exit(exitCodes.invalidConfig);
      }
      const workers = getWorkerCount(config);
      if (cluster.isPrimary && workers > 1) {
        process.exit(await serveWithWorkers(config, workers));
      }
      await serveOneProcess(config);
    });
}

/**
 * The primary of a worker group: migrates the store once (so workers opening a fresh SQLite file or
 * database never race on its migrations), then runs the workers until they have all stopped.
 */
async function serveWithWorkers(config: ArbiterConfig, workers: number): Promise<number> {
  if (!config.redis) process.stderr.write(`${perWorkerWarning}\n`);
  if (config.storage.kind !== 'memory') {
    try {
      await (await createStores(config.storage)).close();
    } catch (error) {
      process.stderr.write(
        `Arbiter cannot start: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      return exitCodes.failure;
    }
  }
  process.stderr.write(`Arbiter: starting ${workers} workers on one port (primary pid ${process.pid})\n`);
  return runWorkerCluster({ count: workers, log: (line) => process.stderr.write(`Arbiter: ${line}\n`) });
}

/** One gateway process: `serve` itself, or one worker of a group (the first worker prints the banner). */
async function serveOneProcess(config: ArbiterConfig): Promise<void> {
  let server: GatewayServer;
  try {
    server = await startGatewayServer(config);
  } catch (error) {
    if (error instanceof PublicBindingRefusedError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(exitCodes.invalidConfig);
    }
    const { host, port } = config.server;
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `Arbiter cannot listen on ${host}:${port}: the port is already in use (set PORT to another one)\n`
        : `Arbiter cannot start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(exitCodes.failure);
  }
  const { logger } = server;

  // SIGTERM/SIGINT (or the primary's stop message): stop accepting, let in-flight requests and streams
  // finish (SHUTDOWN_GRACE_SECONDS), end the rest with an error, then flush the usage log and close the
  // stores. A second signal exits at once; a SIGKILL loses at most the usage records of the last flush
  // interval. Registered before the banner, so a signal right after it is never missed.
  let isStopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (isStopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(exitCodes.failure);
    }
    isStopping = true;
    const force = setTimeout(() => process.exit(exitCodes.failure), config.server.shutdownGraceInMs + 15_000);
    force.unref();
    const report = await server.stop();
    logger.info({ signal, ...report }, 'stopped');
    clearTimeout(force);
    process.exit(exitCodes.ok);
  };
  // A worker may get both the primary's stop message and the signal itself (Ctrl-C signals the whole
  // process group, a service manager its whole cgroup), in either order: the pair counts as one signal.
  let isSignalExpected = false;
  const onSignal = (signal: string): void => {
    if (isSignalExpected) isSignalExpected = false;
    else void stop(signal);
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('message', (message: StopMessage) => {
    if (message?.type !== 'arbiter:stop') return;
    if (message.isImmediate) {
      logger.warn({ signal: message.signal }, 'second signal: exiting without waiting');
      process.exit(exitCodes.failure);
    }
    if (!isStopping) {
      isSignalExpected = true;
      void stop(message.signal);
    }
  });

  if (cluster.isWorker) process.stderr.write(`Arbiter: worker ${process.pid} listening on ${server.url}\n`);
  if (!cluster.isWorker || cluster.worker?.id === 1)
    printBanner(server.gateway, server.url, getVersion(), process.stderr.isTTY === true);
}
