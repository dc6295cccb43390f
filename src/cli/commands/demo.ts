import type { Command } from 'commander';
import type { ArbiterConfig } from '../../config/arbiter-config.js';
import { addExamples } from '../add-examples.js';
import { createStyle } from '../create-style.js';
import { exitCodes } from '../exit-codes.js';
import type { GatewayServer } from '../start-gateway-server.js';

interface DemoOptions {
  port?: string;
  config?: string;
}

/**
 * `arbiter demo`: the gateway in demo mode on its built-in simulator, whatever keys are configured, with
 * the URLs and commands to try it. Nothing is written to disk (memory store).
 */
export function registerDemoCommand(program: Command): void {
  const command = program
    .command('demo')
    .description(
      'start a demo: the provider simulator behind a gateway, with the dashboard and commands to try',
    )
    .option('-p, --port <port>', 'port to listen on (env PORT, default 8000; a free one if it is taken)')
    .option('-c, --config <file>', 'YAML config file for server settings (env ARBITER_CONFIG)');
  addExamples(command, ['arbiter demo', 'arbiter demo --port 9000']);
  command.action(async (options: DemoOptions) => {
    // Loaded when the command runs: the whole gateway, which `arbiter --help` must not load.
    const [{ ConfigError }, { loadCliConfig }, { PublicBindingRefusedError, startGatewayServer }] =
      await Promise.all([
        import('../../config/config-error.js'),
        import('../load-cli-config.js'),
        import('../start-gateway-server.js'),
      ]);
    let config: ArbiterConfig;
    try {
      const loaded = await loadCliConfig({
        configPath: options.config,
        overrides: {
          ...(options.port ? { PORT: options.port } : {}),
          // The usual request log would drown the instructions; LOG_LEVEL still turns it on.
          LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        },
      });
      config = toDemoConfig(loaded);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      process.stderr.write(`${error.format()}\n`);
      process.exit(exitCodes.invalidConfig);
    }
    let server: GatewayServer;
    try {
      server = await startGatewayServer(config, { shouldFallBackToFreePort: options.port === undefined });
    } catch (error) {
      if (error instanceof PublicBindingRefusedError) {
        process.stderr.write(`${error.message}\n`);
        process.exit(exitCodes.invalidConfig);
      }
      process.stderr.write(
        `arbiter demo cannot start: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(exitCodes.failure);
    }
    process.stdout.write(describeDemo(server));
    let isStopping = false;
    const stop = async (): Promise<void> => {
      if (isStopping) process.exit(exitCodes.failure);
      isStopping = true;
      await server.stop();
      process.exit(exitCodes.ok);
    };
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
  });
}

/** The loaded configuration with every real provider and route set aside, and nothing kept on disk. */
function toDemoConfig(config: ArbiterConfig): ArbiterConfig {
  return {
    ...config,
    providers: [],
    routes: {},
    defaultProvider: undefined,
    isDemo: true,
    storage: { ...config.storage, kind: 'memory' },
  };
}

function describeDemo(server: GatewayServer): string {
  const style = createStyle();
  const { url } = server;
  const lines = [
    '',
    `${style.bold('Arbiter demo')} is running. ${style.yellow('Answers come from the built-in simulator, not a real model.')}`,
    '',
    `  Gateway:    ${style.cyan(url)}   (OpenAI SDK base URL: ${url}/v1)`,
    `  Dashboard:  ${style.cyan(`${url}/ui`)}`,
    `  Simulator:  ${server.gateway.demoSimulatorUrl ?? '—'}`,
    `  Providers:  ${server.gateway.providerNames.join(', ')} (models sim-fast, sim-slow, sim-flaky, sim-down, …)`,
  ];
  if (server.busyPort !== undefined) {
    lines.push(style.dim(`  (port ${server.busyPort} is in use, so the demo took a free one)`));
  }
  lines.push(
    '',
    '  Try it:',
    `    curl ${url}/v1/chat/completions -H 'content-type: application/json' \\`,
    `      -d '{"model":"auto","messages":[{"role":"user","content":"Hello!"}]}'`,
    `    arbiter chat --url ${url}`,
    `    arbiter providers --url ${url}`,
    '',
    style.dim('  Nothing is written to disk. Ctrl-C stops the demo.'),
    '',
  );
  return lines.join('\n');
}
