import type { Command } from 'commander';

/**
 * Where client commands find a gateway when neither `--url` nor `ARBITER_URL` says. Here rather than in
 * gateway-client.ts so that defining the commands does not load the HTTP client.
 */
export const defaultGatewayUrl = 'http://127.0.0.1:8000';

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
