import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/load-config.js';
import { createGateway, type Gateway } from '../../src/gateway.js';
import { createServer } from '../../src/server/create-server.js';
import {
  createRedactingLogStream,
  type LogDestination,
} from '../../src/security/create-redacting-log-stream.js';
import { decryptSecretSync } from '../../src/security/vault/decrypt-secret.js';
import type { Environment } from '../../src/config/read-environment.js';
import type { Clock } from '../../src/lib/clock.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningGateway {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  gateway: Gateway;
  close(): Promise<void>;
}

/**
 * The real gateway and HTTP server, in-process, on a random loopback port, configured only from `env`
 * (never the developer's own environment or `.env`).
 */
export async function startGateway(
  env: Environment,
  options: { configYaml?: string; logDestination?: LogDestination; clock?: Clock } = {},
): Promise<RunningGateway> {
  const cwd = mkdtempSync(join(tmpdir(), 'arbiter-e2e-'));
  if (options.configYaml) writeFileSync(join(cwd, 'arbiter.yaml'), options.configYaml);
  // Memory stores unless a test asks for SQLite: nothing on disk, nothing shared between test files.
  const config = loadConfig({
    cwd,
    env: { PORT: '0', LOG_LEVEL: 'silent', ARBITER_STORE: 'memory', ...env },
    vault: { decrypt: decryptSecretSync },
  });
  const gateway = await createGateway(config, { clock: options.clock });
  // Redacted like `arbiter serve`'s; a test may collect the lines (`logDestination`) to check them.
  const destination = createRedactingLogStream(gateway.redact, options.logDestination ?? pino.destination(1));
  const app = createServer({ gateway, logger: pino({ level: config.server.logLevel }, destination) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    gateway,
    async close() {
      await app.close();
      await gateway.close();
    },
  };
}
