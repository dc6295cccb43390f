import type { ArbiterConfig } from '../config/arbiter-config.js';
import { loadConfig } from '../config/load-config.js';
import type { Environment } from '../config/read-environment.js';
import { createStartupVaultOptions } from './create-startup-vault-options.js';

export interface CliConfigOptions {
  /** `--config`: overrides `ARBITER_CONFIG`. */
  configPath?: string;
  /** Overrides over the process environment (`--port` as `PORT`). */
  overrides?: Environment;
  /** Default `process.env`. */
  env?: Environment;
}

/**
 * The configuration as `arbiter serve` loads it: the environment, `.env` and the config file, with
 * `enc:v1:` keys opened by the vault (MASTER_PASSWORD, MASTER_PASSWORD_FILE, or the hidden prompt on a
 * terminal). Throws ConfigError.
 * @example const config = await loadCliConfig({ configPath: options.config });
 */
export async function loadCliConfig(options: CliConfigOptions = {}): Promise<ArbiterConfig> {
  const env = { ...(options.env ?? process.env), ...options.overrides };
  return loadConfig({ env, configPath: options.configPath, vault: await createStartupVaultOptions(env) });
}
