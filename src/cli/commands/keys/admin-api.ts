import type { Command } from 'commander';
import { exitCodes } from '../../exit-codes.js';

/** `--url` and `--admin-key`, which every gateway-key command takes, plus `--json`. */
export interface AdminApiOptions {
  url?: string;
  adminKey?: string;
  json?: boolean;
}

/** A client of `/admin/*` on a running gateway. */
export interface AdminApi {
  send<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

/** A gateway key as `/admin/keys` answers it. */
export interface KeyJson {
  id: string;
  name: string | null;
  prefix: string;
  plan: string;
  budget_per_day_usd: number | null;
  budget_per_month_usd: number | null;
  allowed_models: string[] | null;
  status: 'active' | 'revoked';
  source: string;
  created_at: string;
  revoked_at: string | null;
  /** Only in the answer that created the key. */
  key?: string;
}

/** Why an admin command could not do its work, with the exit code that says so to scripts. */
class AdminCommandError extends Error {
  override readonly name = 'AdminCommandError';
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** Adds `--url`, `--admin-key` and `--json` to a `keys` subcommand. */
export function addAdminApiOptions(command: Command): Command {
  return command
    .option('--url <url>', 'the gateway (env ARBITER_URL, default http://127.0.0.1:${PORT:-8000})')
    .option('--admin-key <key>', 'the admin key (env ARBITER_ADMIN_KEY, which keeps it out of ps)')
    .option('--json', 'print the answer as JSON');
}

/**
 * The admin API of the gateway at `--url` (else `ARBITER_URL`, else `http://127.0.0.1:$PORT`, port 8000
 * by default), authenticated with `--admin-key` or `ARBITER_ADMIN_KEY`. Failures carry their exit code:
 * 2 unusable settings (no admin key, a bad URL), 3 nothing answered, 1 the gateway refused.
 */
export function createAdminApi(options: AdminApiOptions, env = process.env): AdminApi {
  const adminKey = options.adminKey ?? env.ARBITER_ADMIN_KEY;
  if (!adminKey) {
    throw new AdminCommandError(
      'no admin key: pass --admin-key or set ARBITER_ADMIN_KEY (the value the gateway was started with)',
      exitCodes.invalidConfig,
    );
  }
  const base = readBaseUrl(options.url ?? env.ARBITER_URL ?? `http://127.0.0.1:${env.PORT || '8000'}`);
  return {
    async send<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
      // The HTTP client is loaded on the first request, so the `keys` definitions stay cheap to load.
      const [{ request }, { parseJSONOrUndefined, readBodyText }] = await Promise.all([
        import('undici'),
        import('../../../lib/http-request.js'),
      ]);
      let response;
      try {
        response = await request(base + path, {
          method,
          headers: {
            authorization: `Bearer ${adminKey}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch {
        throw new AdminCommandError(
          `no gateway at ${base} — start one with \`arbiter serve\` or pass --url`,
          exitCodes.gatewayUnreachable,
        );
      }
      const text = await readBodyText(response.body);
      const parsed = parseJSONOrUndefined(text) as { error?: { message?: unknown } } | undefined;
      if (response.statusCode < 400) return parsed as T;
      const message =
        typeof parsed?.error?.message === 'string' ? parsed.error.message : `HTTP ${response.statusCode}`;
      const hint = response.statusCode === 401 ? ' (check --admin-key / ARBITER_ADMIN_KEY)' : '';
      throw new AdminCommandError(
        `the gateway answered ${response.statusCode}: ${message}${hint}`,
        exitCodes.failure,
      );
    },
  };
}

/**
 * Runs an admin command and sets the exit code: the action's own (default 0), else its failure's, with
 * one line on stderr instead of a stack trace. The admin key never appears in either.
 */
export async function runAdminCommand(action: () => Promise<number | void>): Promise<void> {
  try {
    process.exitCode = (await action()) ?? exitCodes.ok;
  } catch (error) {
    if (!(error instanceof AdminCommandError)) throw error;
    process.stderr.write(`arbiter: ${error.message}\n`);
    process.exitCode = error.exitCode;
  }
}

function readBaseUrl(text: string): string {
  try {
    return new URL(text).href.replace(/\/+$/, '').replace(/\/v1$/, '');
  } catch {
    throw new AdminCommandError(
      `"${text}" is not a URL (--url or ARBITER_URL, e.g. http://127.0.0.1:8000)`,
      exitCodes.invalidConfig,
    );
  }
}
