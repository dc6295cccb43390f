import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { isEncryptedValue } from '../lib/is-encrypted-value.js';
import { EnvReader } from './env-reader.js';
import type { Environment } from './read-environment.js';

/**
 * Opens one `enc:v1:` value with the master password, or throws an Error whose message is safe to show
 * (it never repeats the value). Injected by the entry points (`decryptSecretSync` from src/security/vault)
 * because the config layer imports no runtime layer.
 */
export type SecretDecryptor = (value: string, password: string) => string;

/** What an entry point hands configuration loading for encrypted keys. */
export interface VaultOptions {
  decrypt?: SecretDecryptor;
  /** A password typed at `arbiter serve`'s hidden prompt, used when no variable gives one. */
  promptedPassword?: string;
}

/** The provider-key vault's settings (`USE_ENCRYPTED_KEYS`, `MASTER_PASSWORD`, `MASTER_PASSWORD_FILE`). */
export interface VaultConfig {
  /** `USE_ENCRYPTED_KEYS=true`: `NAME_ENCRYPTED` variables and `enc:v1:` values in the file are decrypted. */
  isEnabled: boolean;
  /** Where the master password came from; undefined when none is configured. */
  passwordSource?: 'MASTER_PASSWORD' | 'MASTER_PASSWORD_FILE' | 'prompt';
  /** A function, so that serialising the configuration (a log line, a debug dump) never includes it. */
  getMasterPassword(): string | undefined;
  /**
   * Every secret value the configuration holds, for redaction: the master password, decrypted keys, and
   * the value of every variable named like a secret (`*_KEY`, `*_KEYS`, `*_KEY_2`, `*_PASSWORD`,
   * `*_SECRET`, `*_TOKEN`), whoever reads it.
   */
  getSecrets(): readonly string[];
}

/** The vault settings, and the environment with every `NAME_ENCRYPTED` decrypted into `NAME`. */
export interface VaultReading {
  vault: VaultConfig;
  env: Environment;
  /** Decrypts one value found at `path` (a config file key); collects a problem instead of throwing. */
  open(value: string, path: string, issues: ConfigIssue[]): string | undefined;
}

const encryptedName = /^(.+)_ENCRYPTED$/;
const secretName = /(?:^|_)(?:KEY|KEYS|PASSWORD|SECRET|TOKEN)(?:_\d+)?$/;

/**
 * Reads the master password (`MASTER_PASSWORD`, or `MASTER_PASSWORD_FILE` with its trailing newline
 * trimmed, or the prompt's) and, with `USE_ENCRYPTED_KEYS=true`, decrypts every `NAME_ENCRYPTED` variable
 * (a comma-separated list for `P_API_KEYS_ENCRYPTED`) into `NAME`, and any `enc:v1:` value found in a key
 * variable in place. Any problem stops start-up with a
 * ConfigError naming the variable: a wrong password or a tampered value is never a silent garbage key.
 */
export function readVaultConfig(env: Environment, cwd: string, options: VaultOptions = {}): VaultReading {
  const reader = new EnvReader(env);
  const issues = reader.issues;
  const isEnabled = reader.boolean('USE_ENCRYPTED_KEYS');
  const { password, source } = readMasterPassword(env, cwd, options.promptedPassword, issues);
  const decrypted = new Map<string, string>();
  const secrets = new Set<string>(password ? [password] : []);

  function open(value: string, path: string, into: ConfigIssue[]): string | undefined {
    if (isEnabled !== true) {
      into.push({
        path,
        message:
          'is encrypted, but USE_ENCRYPTED_KEYS is not true: set USE_ENCRYPTED_KEYS=true and MASTER_PASSWORD to use it',
      });
      return undefined;
    }
    if (password === undefined) return undefined;
    if (!options.decrypt) {
      into.push({ path, message: 'cannot be decrypted: this entry point was started without the vault' });
      return undefined;
    }
    try {
      const plaintext = decrypted.get(value) ?? options.decrypt(value, password);
      decrypted.set(value, plaintext);
      secrets.add(plaintext);
      return plaintext;
    } catch (error) {
      into.push({ path, message: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  }

  if (isEnabled === true && password === undefined && issues.length === 0) {
    issues.push({
      path: 'MASTER_PASSWORD',
      message:
        'is required with USE_ENCRYPTED_KEYS=true (or MASTER_PASSWORD_FILE with the path of a file holding it; `arbiter serve` asks for it on a terminal)',
    });
  }
  const result = decryptVariables(env, isEnabled, (value, path) => open(value, path, issues), issues);
  if (issues.length > 0) throw new ConfigError('the environment', issues);
  for (const [name, value] of Object.entries(result)) {
    if (!secretName.test(name) || name.startsWith('USE_') || !value) continue;
    for (const item of value.split(',')) if (item.trim()) secrets.add(item.trim());
  }
  return {
    env: result,
    open,
    vault: {
      isEnabled: isEnabled === true,
      passwordSource: source,
      getMasterPassword: () => password,
      getSecrets: () => [...secrets],
    },
  };
}

/**
 * The environment with every `NAME_ENCRYPTED` variable (as the original brief names them) decrypted into
 * `NAME`, item by item for a comma list, and every `enc:v1:` item of a key variable decrypted in place.
 * With `USE_ENCRYPTED_KEYS=false`, `NAME_ENCRYPTED` variables are ignored (the brief's template has them).
 */
function decryptVariables(
  env: Environment,
  isEnabled: boolean | undefined,
  open: (value: string, path: string) => string | undefined,
  issues: ConfigIssue[],
): Environment {
  const result: Record<string, string | undefined> = { ...env };
  for (const [name, value] of Object.entries(env)) {
    const plainName = encryptedName.exec(name)?.[1];
    const items = (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    const isEncrypted = plainName
      ? isEnabled !== false
      : secretName.test(name) && items.some(isEncryptedValue);
    if (!isEncrypted || items.length === 0) continue;
    const plaintexts = items.map((item, index) =>
      plainName || isEncryptedValue(item)
        ? open(item, items.length > 1 ? `${name} (item ${index + 1})` : name)
        : item,
    );
    if (plaintexts.some((plaintext) => plaintext === undefined)) continue;
    const joined = plaintexts.join(',');
    if (plainName && env[plainName]?.trim() && env[plainName]!.trim() !== joined) {
      issues.push({ path: name, message: `${plainName} is also set; keep only one of them` });
      continue;
    }
    result[plainName ?? name] = joined;
  }
  return result;
}

/** True when `arbiter serve` should ask for the master password: the vault is on and nothing gives it. */
export function isMasterPasswordPromptNeeded(env: Environment): boolean {
  const isEnabled = ['true', '1', 'yes', 'on'].includes(env.USE_ENCRYPTED_KEYS?.trim().toLowerCase() ?? '');
  return isEnabled && !env.MASTER_PASSWORD && !env.MASTER_PASSWORD_FILE?.trim();
}

function readMasterPassword(
  env: Environment,
  cwd: string,
  prompted: string | undefined,
  issues: ConfigIssue[],
): { password?: string; source?: VaultConfig['passwordSource'] } {
  // Taken as is, not trimmed: a password may end with a space, and `arbiter keys encrypt` keeps it too.
  const fromEnv = env.MASTER_PASSWORD ? env.MASTER_PASSWORD : undefined;
  const file = env.MASTER_PASSWORD_FILE?.trim();
  if (fromEnv !== undefined && file) {
    issues.push({
      path: 'MASTER_PASSWORD_FILE',
      message: 'set MASTER_PASSWORD or MASTER_PASSWORD_FILE, not both',
    });
    return {};
  }
  if (fromEnv !== undefined) return { password: fromEnv, source: 'MASTER_PASSWORD' };
  if (file) {
    let text: string;
    try {
      text = readFileSync(resolve(cwd, file), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      issues.push({ path: 'MASTER_PASSWORD_FILE', message: `"${file}" cannot be read (${code})` });
      return {};
    }
    // Files written by `echo` or editors end with a newline that is not part of the password.
    const password = text.replace(/[\r\n]+$/, '');
    if (password === '') {
      issues.push({ path: 'MASTER_PASSWORD_FILE', message: `"${file}" is empty` });
      return {};
    }
    return { password, source: 'MASTER_PASSWORD_FILE' };
  }
  return prompted ? { password: prompted, source: 'prompt' } : {};
}
