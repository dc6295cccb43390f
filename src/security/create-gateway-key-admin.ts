import type { Clock } from '../lib/clock.js';
import type { GatewayKeyRecord, GatewayKeyStore } from '../store/gateway-key-store.js';
import type { KeyAuthenticator } from './create-key-authenticator.js';
import type { PlanCatalog } from './create-plan-catalog.js';
import { createGatewayKeySecret } from './gateway-key-secret.js';
import { TenancyError } from './tenancy-error.js';

/** What an admin chooses for a key; everything but the plan may be left to the plan. */
export interface KeySettings {
  name?: string;
  plan: string;
  budgetPerDayInUsd?: number;
  budgetPerMonthInUsd?: number;
  allowedModels?: string[];
  metadata?: Record<string, string>;
}

/** A key as the admin API shows it: never its hash, let alone the key. */
export type GatewayKeyView = Omit<GatewayKeyRecord, 'hash'> & {
  /** `stored` keys are managed here; `configured` ones come from `ARBITER_API_KEYS`. */
  source: 'stored' | 'configured';
};

/** A new key: the secret, shown this once, and its record. */
export interface CreatedKey {
  key: string;
  record: GatewayKeyView;
}

/** The admin API's operations on gateway keys. Unknown ids throw a `not-found` TenancyError. */
export interface GatewayKeyAdmin {
  create(settings: KeySettings): Promise<CreatedKey>;
  /** Oldest first: configured keys, then stored ones, revoked ones included. */
  list(): Promise<GatewayKeyView[]>;
  get(id: string): Promise<GatewayKeyView | undefined>;
  /** Idempotent: revoking a revoked key answers it as it is. */
  revoke(id: string): Promise<GatewayKeyView>;
  /** A new key with the same settings; the old one is revoked. */
  rotate(id: string): Promise<CreatedKey & { previous: GatewayKeyView }>;
  /** Present fields are set; an optional one present as undefined goes back to the plan's. */
  update(id: string, changes: Partial<KeySettings>): Promise<GatewayKeyView>;
}

/**
 * Key management over the GatewayKeyStore, keeping the authenticator's cache honest: a key changed or
 * revoked here is looked up afresh on its next request, so revocation takes effect at once on this
 * instance. `onCreated` tells the tenancy that keys now exist.
 */
export function createGatewayKeyAdmin(options: {
  store: GatewayKeyStore;
  authenticator: KeyAuthenticator;
  plans: PlanCatalog;
  clock: Clock;
  onCreated: () => void;
}): GatewayKeyAdmin {
  const { store, authenticator, plans, clock } = options;
  const configured = new Map(authenticator.configuredRecords.map((record) => [record.id, record]));

  function checkPlan(plan: string): void {
    if (plans.get(plan)) return;
    const known = plans.list().map((candidate) => candidate.name);
    throw new TenancyError(
      'invalid-request',
      `The plan "${plan}" does not exist (plans: ${known.join(', ')}).`,
      {
        param: 'plan',
      },
    );
  }

  async function find(id: string): Promise<GatewayKeyRecord> {
    if (configured.has(id)) {
      throw new TenancyError(
        'conflict',
        `The key ${id} is configured in ARBITER_API_KEYS; change it there and restart.`,
      );
    }
    const record = await store.get(id);
    if (!record) throw new TenancyError('not-found', `No gateway key has the id ${id}.`, { param: 'id' });
    return record;
  }

  async function create(settings: KeySettings): Promise<CreatedKey> {
    await plans.refresh();
    checkPlan(settings.plan);
    const secret = createGatewayKeySecret();
    const record: GatewayKeyRecord = {
      id: secret.id,
      hash: secret.hash,
      prefix: secret.prefix,
      plan: settings.plan,
      metadata: { ...settings.metadata },
      createdAt: clock.now(),
    };
    if (settings.name !== undefined) record.name = settings.name;
    if (settings.budgetPerDayInUsd !== undefined) record.budgetPerDayInUsd = settings.budgetPerDayInUsd;
    if (settings.budgetPerMonthInUsd !== undefined) record.budgetPerMonthInUsd = settings.budgetPerMonthInUsd;
    if (settings.allowedModels !== undefined) record.allowedModels = [...settings.allowedModels];
    await store.create(record);
    options.onCreated();
    return { key: secret.key, record: toView(record, 'stored') };
  }

  return {
    create,
    async list() {
      const stored = await store.list();
      return [
        ...authenticator.configuredRecords.map((record) => toView(record, 'configured')),
        ...stored.map((record) => toView(record, 'stored')),
      ];
    },
    async get(id) {
      const record = configured.get(id) ?? (await store.get(id));
      return record && toView(record, configured.has(id) ? 'configured' : 'stored');
    },
    async revoke(id) {
      const record = await find(id);
      if (record.revokedAt === undefined) {
        record.revokedAt = clock.now();
        await store.revoke(id, record.revokedAt);
      }
      authenticator.forget(record.hash);
      return toView(record, 'stored');
    },
    async rotate(id) {
      const record = await find(id);
      if (record.revokedAt !== undefined)
        throw new TenancyError('conflict', `The key ${id} is revoked; create a new key instead.`);
      const created = await create({
        name: record.name,
        plan: record.plan,
        budgetPerDayInUsd: record.budgetPerDayInUsd,
        budgetPerMonthInUsd: record.budgetPerMonthInUsd,
        allowedModels: record.allowedModels,
        metadata: record.metadata,
      });
      record.revokedAt = clock.now();
      await store.revoke(id, record.revokedAt);
      authenticator.forget(record.hash);
      return { ...created, previous: toView(record, 'stored') };
    },
    async update(id, changes) {
      const record = await find(id);
      if (changes.plan !== undefined) {
        await plans.refresh();
        checkPlan(changes.plan);
      }
      await store.update(id, changes);
      authenticator.forget(record.hash);
      return toView((await store.get(id))!, 'stored');
    },
  };
}

function toView(record: GatewayKeyRecord, source: GatewayKeyView['source']): GatewayKeyView {
  const { hash: _hash, ...view } = record;
  return { ...view, source };
}
