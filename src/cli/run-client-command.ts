import { createStyle } from './create-style.js';
import { exitCodes } from './exit-codes.js';
import type { GatewayOptions } from './add-gateway-options.js';
import {
  createGatewayClient,
  GatewayRequestError,
  GatewayUnreachableError,
  InvalidGatewayUrlError,
  type GatewayClient,
} from './gateway-client.js';

/**
 * Runs a command that talks to a running gateway (`--url`, `--api-key`) and turns its outcome into an
 * exit code: the action's own (default 0), 3 when no gateway answered, 2 for an unusable `--url`, 1 when
 * the gateway refused a request — each with one line on stderr instead of a stack trace. Anything else
 * is a bug and is thrown. The client's connection is closed at the end, so the process exits at once.
 * @example .action((options) => runClientCommand(options, (client) => printProviders(client)))
 */
export async function runClientCommand(
  options: GatewayOptions,
  action: (client: GatewayClient) => Promise<number | void>,
): Promise<void> {
  const style = createStyle({ stream: process.stderr });
  let client: GatewayClient | undefined;
  try {
    client = createGatewayClient(options);
    process.exitCode = (await action(client)) ?? exitCodes.ok;
  } catch (error) {
    if (error instanceof GatewayUnreachableError) {
      process.stderr.write(`${style.red('arbiter:')} ${error.message}\n`);
      process.exitCode = exitCodes.gatewayUnreachable;
    } else if (error instanceof InvalidGatewayUrlError) {
      process.stderr.write(`${style.red('arbiter:')} ${error.message}\n`);
      process.exitCode = exitCodes.invalidConfig;
    } else if (error instanceof GatewayRequestError) {
      process.stderr.write(
        `${style.red('arbiter:')} the gateway answered ${error.status}: ${error.message}\n`,
      );
      process.exitCode = exitCodes.failure;
    } else {
      throw error;
    }
  } finally {
    await client?.close();
  }
}
