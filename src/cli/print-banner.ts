import { join } from 'node:path';
import type { Gateway } from '../gateway.js';
import { describeGatewayAccess } from './describe-gateway-access.js';
import { redactUrlPassword } from '../lib/redact-url-password.js';

/** The start-up banner on stderr: where to point clients, what is configured, and whether it is a demo. */
export function printBanner(gateway: Gateway, url: string, version: string, isColor: boolean): void {
  const { config } = gateway;
  const bold = (text: string): string => (isColor ? `\u001B[1m${text}\u001B[22m` : text);
  const yellow = (text: string): string => (isColor ? `\u001B[33m${text}\u001B[39m` : text);
  const lines = [``, `${bold(`Arbiter ${version}`)} listening on ${url}`, `  OpenAI SDK base URL: ${url}/v1`];
  if (config.isDemo) {
    const rule = yellow('='.repeat(78));
    lines.push(
      rule,
      yellow(bold('  DEMO MODE: no provider key is configured, so every answer comes from the')),
      yellow(bold('  built-in provider SIMULATOR. Answers are simulated text, not a real model.')),
      `  Demo providers: ${gateway.providerNames.join(', ')} (models sim-fast, sim-slow, sim-tools, sim-flaky, ...)`,
      `  Use real providers: set OPENAI_API_KEY, GROQ_API_KEY, ... (see .env.example). ARBITER_DEMO=0 turns demo mode off.`,
      rule,
      `  Try it:`,
      `    curl ${url}/v1/chat/completions -H 'content-type: application/json' \\`,
      `      -d '{"model":"auto","messages":[{"role":"user","content":"Hello!"}]}'`,
    );
  } else {
    const providers = config.providers.map(
      (provider) => `${provider.name} (${provider.keys.length} key${provider.keys.length === 1 ? '' : 's'})`,
    );
    const fallback = config.providers.find((provider) => provider.name === config.defaultProvider);
    lines.push(
      `  Providers: ${providers.join(', ')}`,
      `  "auto" goes to: ${fallback ? `${fallback.name}/${fallback.defaultModel}` : 'none'}`,
    );
    if (Object.keys(config.routes).length > 0)
      lines.push(`  Routes: ${Object.keys(config.routes).join(', ')}`);
  }
  lines.push(...describeGatewayAccess(gateway, url, yellow));
  const { storage } = config;
  const storageLocation =
    storage.kind === 'sqlite'
      ? join(storage.dataDir, 'arbiter.db')
      : storage.kind === 'postgres'
        ? `PostgreSQL at ${redactUrlPassword(storage.url)} (pool of ${storage.poolSize})`
        : 'in memory (ARBITER_STORE=memory: lost on exit)';
  lines.push(`  Models: GET ${url}/v1/models`, `  Usage log and conversations: ${storageLocation}`, '');
  process.stderr.write(lines.join('\n') + '\n');
}
