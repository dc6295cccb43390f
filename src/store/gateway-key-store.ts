/** A gateway key as stored: its hash, never the key. */
export interface GatewayKeyRecord {
  /** Short public id, shown in lists and logs (`key_3f9a…`). */
  id: string;
  /** SHA-256 of the key, hex. */
  hash: string;
  /** The first characters of the key, so a person can recognise it (`arb_live_3f9a`). */
  prefix: string;
  name?: string;
  plan: string;
  /** Dollars per day and per month this key may spend; undefined = the plan's. */
  budgetPerDayInUsd?: number;
  budgetPerMonthInUsd?: number;
  /** Routes or `provider/model` patterns this key may use; undefined = the plan's. */
  allowedModels?: string[];
  metadata: Record<string, string>;
  /** Unix milliseconds. */
  createdAt: number;
  revokedAt?: number;
}

export interface PlanRecord {
  name: string;
  requestsPerHour?: number;
  tokensPerDay?: number;
  budgetPerDayInUsd?: number;
  budgetPerMonthInUsd?: number;
  /** Route names or `provider/model` patterns (`*` wildcard); undefined = all. */
  allowedModels?: string[];
  /** Higher goes first when the gateway is saturated. */
  priority: number;
}

/** The gateway keys' and plans' store port. */
export interface GatewayKeyStore {
  /** Rejects when the id or the hash is already stored. */
  create(record: GatewayKeyRecord): Promise<void>;
  /** Revoked keys are found too (with `revokedAt`): refusing them is the caller's decision. */
  findByHash(hash: string): Promise<GatewayKeyRecord | undefined>;
  get(id: string): Promise<GatewayKeyRecord | undefined>;
  /** Oldest first, revoked keys included. */
  list(): Promise<GatewayKeyRecord[]>;
  /** Marks the key revoked; true when it existed and was active. */
  revoke(id: string, at: number): Promise<boolean>;
  /**
   * Replaces the fields present in `changes`; an optional field present as `undefined` is cleared (a key's
   * budget falls back to its plan's). True when the key exists, revoked or not.
   */
  update(id: string, changes: Partial<Omit<GatewayKeyRecord, 'id' | 'hash' | 'createdAt'>>): Promise<boolean>;
  /** Ordered by name. */
  listPlans(): Promise<PlanRecord[]>;
  /** Creates or replaces the plan with this name. */
  putPlan(plan: PlanRecord): Promise<void>;
}
