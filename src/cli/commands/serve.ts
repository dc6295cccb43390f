import type { Command } from 'commander';
import { pino } from 'pino';
import { ConfigError } from '../../config/config-error.js';
import { loadConfig } from '../../config/load-config.js';
import { createGateway } from '../../gateway.js';
import { createServer } from '../../server/create-server.js';
import { exitCodes } from '../exit-codes.js';
import { getVersion } from '../get-version.js';
import { printBanner } from '../print-banner.js';

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
    .action(async (options: { port?: string; host?: string; config?: string }) => {
      const env = {
        ...process.env,
        ...(options.port ? { PORT: options.port } : {}),
        ...(options.host ? { HOST: options.host } : {}),
      };
      let config;
      try {
        config = loadConfig({ env, configPath: options.config });
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        process.stderr.write(`${error.format()}\n`);
        process.exit(exitCodes.invalidConfig);
      }
      const logger = pino({ level: config.server.logLevel, base: undefined });
      const gateway = await createGateway(config);
      const app = createServer({ gateway, logger });
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

      let isStopping = false;
      const stop = async (signal: string): Promise<void> => {
        if (isStopping) return;
        isStopping = true;
        logger.info({ signal }, 'shutting down');
        const force = setTimeout(() => process.exit(exitCodes.failure), 15_000);
        force.unref();
        await app.close();
        await gateway.close();
        clearTimeout(force);
        process.exit(exitCodes.ok);
      };
      process.once('SIGTERM', () => void stop('SIGTERM'));
      process.once('SIGINT', () => void stop('SIGINT'));
    });
}
