import type { Command } from 'commander';
import { defaultGatewayUrl } from './gateway-client.js';

/** The options every command that talks to a running gateway takes. */
export interface GatewayOptions {
  url?: string;
  apiKey?: string;
}

/**
 * Adds `--url` and `--api-key` to a client command (`chat`, `providers`, `stats`, …), with the
 * environment variables that stand in for them.
 */
export function addGatewayOptions(command: Command): Command {
  return command
    .option('--url <url>', `the gateway (env ARBITER_URL, default ${defaultGatewayUrl})`)
    .option(
      '--api-key <key>',
      'gateway key, sent as a Bearer token (env ARBITER_API_KEY or ARBITER_ADMIN_KEY; the env keeps it out of ps)',
    );
}
