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
  put(record: ProviderKeyRecord): Promise<void>;
  list(provider?: string): Promise<ProviderKeyRecord[]>;
  delete(id: string): Promise<boolean>;
}
