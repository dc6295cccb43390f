import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPostgres } from '../../test/support/start-postgres.js';
import { createStores } from './create-stores.js';

const root = mkdtempSync(join(tmpdir(), 'arbiter-create-stores-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('createStores', () => {
  it('opens SQLite in the data directory, and the data is there after reopening', async () => {
    const dataDir = join(root, 'data');
    const first = await createStores({ kind: 'sqlite', dataDir });
    await first.gatewayKeys.putPlan({ name: 'free', priority: 0 });
    await first.close();
    expect(existsSync(join(dataDir, 'arbiter.db'))).toBe(true);
    const second = await createStores({ kind: 'sqlite', dataDir });
    expect(await second.gatewayKeys.listPlans()).toEqual([{ name: 'free', priority: 0 }]);
    await second.close();
  });

  it('keeps memory stores in the process, touching no disk', async () => {
    const dataDir = join(root, 'unused');
    const stores = await createStores({ kind: 'memory', dataDir });
    await stores.gatewayKeys.putPlan({ name: 'free', priority: 0 });
    expect(await stores.gatewayKeys.listPlans()).toEqual([{ name: 'free', priority: 0 }]);
    await stores.close();
    expect(existsSync(dataDir)).toBe(false);
  });

  it('opens PostgreSQL at the URL, migrated, with the data there after reopening', async () => {
    const server = await startPostgres();
    try {
      const first = await createStores({ kind: 'postgres', url: server.url, poolSize: 2 });
      await first.gatewayKeys.putPlan({ name: 'free', priority: 0 });
      await first.close();
      const second = await createStores({ kind: 'postgres', url: server.url });
      expect(await second.gatewayKeys.listPlans()).toEqual([{ name: 'free', priority: 0 }]);
      await second.close();
    } finally {
      await server.close();
    }
  });

  it('rejects an unknown kind', async () => {
    await expect(createStores({ kind: 'redis' as 'memory', dataDir: root })).rejects.toThrow(
      /Unknown store kind redis/,
    );
  });
});
