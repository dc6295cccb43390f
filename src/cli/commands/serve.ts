import type { Command } from 'commander';
import { ConfigError } from '../../config/config-error.js';
import { loadConfig } from '../../config/load-config.js';
import { createGateway } from '../../gateway.js';
import { closeServerGracefully } from '../../server/close-server-gracefully.js';
import { createServer } from '../../server/create-server.js';
import { createInFlightRequests } from '../../server/in-flight-requests.js';
import { createServeLogger } from '../create-serve-logger.js';
import { createStartupVaultOptions } from '../create-startup-vault-options.js';
import { exitCodes } from '../exit-codes.js';
import { getVersion } from '../get-version.js';
import { printBanner } from '../print-banner.js';
import { getPublicBindingRefusal } from '../check-public-binding.js';

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
      '\nExamples:\n  $ arbiter serve\n  $ GROQ_API_KEY=gsk_... arbiter serve --port 9000\n  $ arbiter serve --config ./arbiter.yaml',
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
      const { logger, setRedactor } = createServeLogger(config);
      let gateway;
      try {
        gateway = await createGateway(config, {
          reportError: (error, message) => logger.error({ err: error }, message),
        });
      } catch (error) {
        process.stderr.write(
          `Arbiter cannot start: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        process.exit(exitCodes.failure);
      }
      setRedactor(gateway.redact);
      const { host } = config.server;
      const refusal = getPublicBindingRefusal(
        host,
        gateway.tenancy.hasKeys,
        config.security.isPublicWithoutKeysAllowed,
      );
      if (refusal) {
        process.stderr.write(`${refusal}\n`);
        await gateway.close();
        process.exit(exitCodes.invalidConfig);
      }
      const inFlight = createInFlightRequests();
      const app = createServer({ gateway, logger, inFlight });
      try {
        await app.listen({ host: config.server.host, port: config.server.port });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        process.stderr.write(
          `Arbiter cannot listen on ${config.server.host}:${config.server.port}: ${code === 'EADDRINUSE' ? 'the port is already in use (set PORT to another one)' : String(error)}\n`,
        );
        await gateway.close();
        process.exit(exitCodes.failure);
      }
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.server.port;
      printBanner(
        gateway,
        `http://${config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host}:${port}`,
        getVersion(),
        process.stderr.isTTY === true,
      );

      // SIGTERM/SIGINT: stop accepting, let in-flight requests and streams finish (SHUTDOWN_GRACE_SECONDS),
      // end the rest with an error, then flush the usage log and close the stores. A second signal exits
      // at once; a SIGKILL loses at most the usage records of the last flush interval.
      let isStopping = false;
      const stop = async (signal: string): Promise<void> => {
        if (isStopping) {
          logger.warn({ signal }, 'second signal: exiting without waiting');
          process.exit(exitCodes.failure);
        }
        isStopping = true;
        const graceInMs = config.server.shutdownGraceInMs;
        const force = setTimeout(() => process.exit(exitCodes.failure), graceInMs + 15_000);
        force.unref();
        const report = await closeServerGracefully({ app, inFlight, graceInMs, logger });
        const pendingUsage = gateway.usage.pendingCount;
        await gateway.close();
        logger.info({ signal, ...report, usageRecordsFlushed: pendingUsage }, 'stopped');
        clearTimeout(force);
        process.exit(exitCodes.ok);
      };
      process.on('SIGTERM', () => void stop('SIGTERM'));
      process.on('SIGINT', () => void stop('SIGINT'));
    });
}
