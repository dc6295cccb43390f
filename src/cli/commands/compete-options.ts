import { InvalidArgumentError } from 'commander';
import type { GatewayOptions } from '../add-gateway-options.js';

/** The most contenders and the longest deadline the gateway accepts (src/server/competition/read-contest-options.ts). */
const maxContenders = 16;
const maxTimeoutInMs = 600_000;

/** `arbiter compete`'s options, as commander parses them. */
export interface CompeteOptions extends GatewayOptions {
  providers?: string[];
  evaluator?: string;
  timeout?: number;
  json?: boolean;
}

/** `--providers groq,openai/gpt-4o-mini` → the names; empty names and more than the gateway takes are usage errors. */
export function parseProviderList(value: string): string[] {
  const names = value.split(',').map((name) => name.trim());
  if (names.some((name) => name === '')) {
    throw new InvalidArgumentError('expected names separated by commas, e.g. groq,openai');
  }
  if (names.length > maxContenders) {
    throw new InvalidArgumentError(`at most ${maxContenders} contenders, got ${names.length}`);
  }
  return names;
}

/** `--timeout 5000` → milliseconds, a whole number from 1 to the gateway's 600000. */
export function parseTimeoutInMs(value: string): number {
  const timeout = Number(value);
  if (
    !/^\d+$/.test(value.trim()) ||
    !Number.isSafeInteger(timeout) ||
    timeout < 1 ||
    timeout > maxTimeoutInMs
  ) {
    throw new InvalidArgumentError(`expected whole milliseconds from 1 to ${maxTimeoutInMs}`);
  }
  return timeout;
}

/** The `POST /compete` body for a prompt: only the fields the options set, so the gateway's defaults apply. */
export function toCompeteBody(prompt: string, options: CompeteOptions): Record<string, unknown> {
  return {
    prompt,
    ...(options.providers ? { providers: options.providers } : {}),
    ...(options.evaluator ? { evaluator: options.evaluator } : {}),
    ...(options.timeout ? { timeout_ms: options.timeout } : {}),
  };
}
