/** A provider key added at run time (admin API), stored encrypted (`enc:v1:…`), never in clear. */
export interface ProviderKeyRecord {
  /** Safe id (`groq#3f9a1c2e`). */
  id: string;
  provider: string;
  /** The self-describing encrypted value. */
  encryptedKey: string;
  weight: number;
  /** Unix milliseconds. */
  createdAt: number;
}

/** The provider-key vault's store port. */
export interface ProviderKeyStore {
  /** Creates or replaces the record with this id. */
  put(record: ProviderKeyRecord): Promise<void>;
  /** Oldest first; only one provider's when given. */
  list(provider?: string): Promise<ProviderKeyRecord[]>;
  /** True when it existed. */
  delete(id: string): Promise<boolean>;
}
