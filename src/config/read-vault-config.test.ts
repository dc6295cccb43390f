import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decryptSecretSync } from '../security/vault/decrypt-secret.js';
import { encryptSecret } from '../security/vault/encrypt-secret.js';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

const password = 'master password for tests';
const vault = { decrypt: decryptSecretSync };
const fast = { params: { logN: 10, r: 8, p: 1 } };

function directory(files: Record<string, string> = {}): string {
  const path = mkdtempSync(join(tmpdir(), 'arbiter-vault-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(path, name), text);
  return path;
}

function issuesOf(run: () => unknown): Array<{ path: string; message: string }> {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('encrypted provider keys at start-up', () => {
  const values: Record<string, string> = {};
  beforeAll(async () => {
    for (const key of [
      'gsk_groq_one_0123456789',
      'gsk_groq_two_0123456789',
      'sk-openai-0123456789',
      'brave-0123456789',
    ])
      values[key] = await encryptSecret(key, password, fast);
  });
  const keysOf = (config: ReturnType<typeof loadConfig>, name: string) =>
    config.providers.find((provider) => provider.name === name)?.keys.map((key) => key.apiKey);

  it('decrypts P_API_KEY_ENCRYPTED, the P_API_KEYS_ENCRYPTED list and P_API_KEY_N_ENCRYPTED', () => {
    const config = loadConfig({
      cwd: directory(),
      vault,
      env: {
        USE_ENCRYPTED_KEYS: 'true',
        MASTER_PASSWORD: password,
        GROQ_API_KEYS_ENCRYPTED: `${values.gsk_groq_one_0123456789}, ${values.gsk_groq_two_0123456789}`,
        OPENAI_API_KEY_ENCRYPTED: values['sk-openai-0123456789'],
        BRAVE_API_KEY_2_ENCRYPTED: values['brave-0123456789'],
        BRAVE_API_KEY_ENCRYPTED: values['brave-0123456789'],
      },
    });
    expect(keysOf(config, 'groq')).toEqual(['gsk_groq_one_0123456789', 'gsk_groq_two_0123456789']);
    expect(keysOf(config, 'openai')).toEqual(['sk-openai-0123456789']);
    expect(keysOf(config, 'search')).toEqual(['brave-0123456789']);
    expect(config.vault).toMatchObject({ isEnabled: true, passwordSource: 'MASTER_PASSWORD' });
    expect(config.vault!.getMasterPassword()).toBe(password);
    // Serialising the configuration (a debug dump, a log line) never carries a secret.
    expect(JSON.stringify(config)).not.toContain(password);
    expect(config.vault!.getSecrets()).toEqual(expect.arrayContaining([password, 'sk-openai-0123456789']));
  });

  it('reads the password from MASTER_PASSWORD_FILE, trailing newline trimmed, or from the prompt', () => {
    const cwd = directory({ 'master.txt': `${password}\n` });
    const env = { USE_ENCRYPTED_KEYS: 'yes', OPENAI_API_KEY_ENCRYPTED: values['sk-openai-0123456789'] };
    const fromFile = loadConfig({ cwd, vault, env: { ...env, MASTER_PASSWORD_FILE: 'master.txt' } });
    expect(keysOf(fromFile, 'openai')).toEqual(['sk-openai-0123456789']);
    expect(fromFile.vault?.passwordSource).toBe('MASTER_PASSWORD_FILE');
    const prompted = loadConfig({ cwd, vault: { ...vault, promptedPassword: password }, env });
    expect(prompted.vault?.passwordSource).toBe('prompt');
  });

  it('decrypts enc:v1: values in the config file, and in a key variable, in place', () => {
    const cwd = directory({
      'arbiter.yaml': `providers:\n  groq:\n    apiKey: ${values.gsk_groq_one_0123456789}\n    keys:\n      - key: \${GROQ_SECOND}\n        weight: 2\n`,
    });
    const config = loadConfig({
      cwd,
      vault,
      env: {
        USE_ENCRYPTED_KEYS: 'true',
        MASTER_PASSWORD: password,
        GROQ_SECOND: values.gsk_groq_two_0123456789,
      },
    });
    expect(keysOf(config, 'groq')).toEqual(['gsk_groq_one_0123456789', 'gsk_groq_two_0123456789']);
    const inPlace = loadConfig({
      cwd: directory(),
      vault,
      env: {
        USE_ENCRYPTED_KEYS: 'true',
        MASTER_PASSWORD: password,
        OPENAI_API_KEY: values['sk-openai-0123456789'],
      },
    });
    expect(keysOf(inPlace, 'openai')).toEqual(['sk-openai-0123456789']);
  });

  it('stops on a wrong password or a tampered value, naming the variable and never the value', () => {
    const tampered = values['sk-openai-0123456789']!.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    const error = (() => {
      try {
        loadConfig({
          cwd: directory(),
          vault,
          env: {
            USE_ENCRYPTED_KEYS: 'true',
            MASTER_PASSWORD: 'not the password',
            GROQ_API_KEY_ENCRYPTED: values.gsk_groq_one_0123456789,
            OPENAI_API_KEY_ENCRYPTED: tampered,
          },
        });
      } catch (caught) {
        return caught as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error.issues).toEqual([
      {
        path: 'GROQ_API_KEY_ENCRYPTED',
        message: 'the master password is wrong or the value was tampered with',
      },
      {
        path: 'OPENAI_API_KEY_ENCRYPTED',
        message: 'the master password is wrong or the value was tampered with',
      },
    ]);
    expect(error.format()).not.toContain(values.gsk_groq_one_0123456789);
    expect(error.format()).not.toContain('not the password');
  });

  it('names every other problem by its variable or place', () => {
    const env = { OPENAI_API_KEY_ENCRYPTED: values['sk-openai-0123456789']! };
    expect(issuesOf(() => loadConfig({ cwd: directory(), vault, env }))).toEqual([
      {
        path: 'OPENAI_API_KEY_ENCRYPTED',
        message:
          'is encrypted, but USE_ENCRYPTED_KEYS is not true: set USE_ENCRYPTED_KEYS=true and MASTER_PASSWORD to use it',
      },
    ]);
    expect(
      issuesOf(() => loadConfig({ cwd: directory(), vault, env: { ...env, USE_ENCRYPTED_KEYS: 'true' } })),
    ).toEqual([
      {
        path: 'MASTER_PASSWORD',
        message: expect.stringContaining('is required with USE_ENCRYPTED_KEYS=true'),
      },
    ]);
    expect(
      issuesOf(() =>
        loadConfig({
          cwd: directory(),
          vault,
          env: { ...env, USE_ENCRYPTED_KEYS: 'true', MASTER_PASSWORD_FILE: 'missing.txt' },
        }),
      ),
    ).toEqual([{ path: 'MASTER_PASSWORD_FILE', message: '"missing.txt" cannot be read (ENOENT)' }]);
    expect(
      issuesOf(() =>
        loadConfig({
          cwd: directory(),
          vault,
          env: { ...env, USE_ENCRYPTED_KEYS: 'true', MASTER_PASSWORD: 'a', MASTER_PASSWORD_FILE: 'b' },
        }),
      ),
    ).toEqual([
      { path: 'MASTER_PASSWORD_FILE', message: 'set MASTER_PASSWORD or MASTER_PASSWORD_FILE, not both' },
    ]);
    expect(
      issuesOf(() =>
        loadConfig({
          cwd: directory(),
          vault,
          env: {
            ...env,
            USE_ENCRYPTED_KEYS: 'true',
            MASTER_PASSWORD: password,
            OPENAI_API_KEY: 'sk-something-else',
          },
        }),
      ),
    ).toEqual([
      { path: 'OPENAI_API_KEY_ENCRYPTED', message: 'OPENAI_API_KEY is also set; keep only one of them' },
    ]);
    expect(
      issuesOf(() =>
        loadConfig({
          cwd: directory(),
          vault,
          env: {
            USE_ENCRYPTED_KEYS: 'true',
            MASTER_PASSWORD: password,
            GROQ_API_KEY_ENCRYPTED: 'gsk_plaintext_by_mistake',
          },
        }),
      ),
    ).toEqual([
      { path: 'GROQ_API_KEY_ENCRYPTED', message: 'is not an encrypted value (it should start with enc:v1:)' },
    ]);
    const cwd = directory({
      'arbiter.yaml': `providers:\n  groq:\n    apiKeys: [plain-key, ${values['brave-0123456789']!.replace('enc:v1:', 'enc:v9:')}]\n`,
    });
    expect(
      issuesOf(() =>
        loadConfig({ cwd, vault, env: { USE_ENCRYPTED_KEYS: 'true', MASTER_PASSWORD: password } }),
      ),
    ).toEqual([
      { path: 'providers.groq.apiKeys.1', message: expect.stringContaining('uses vault format v9') },
    ]);
  });

  it('ignores NAME_ENCRYPTED variables when USE_ENCRYPTED_KEYS=false, as the original .env template has them', () => {
    const config = loadConfig({
      cwd: directory(),
      vault,
      env: {
        USE_ENCRYPTED_KEYS: 'false',
        GROQ_API_KEY_ENCRYPTED: 'clave_encriptada_aqui',
        GROQ_API_KEY: 'gsk_plain_0123',
      },
    });
    expect(keysOf(config, 'groq')).toEqual(['gsk_plain_0123']);
    expect(config.vault).toMatchObject({ isEnabled: false });
  });

  it('says so when an entry point did not hand the vault over', () => {
    expect(
      issuesOf(() =>
        loadConfig({
          cwd: directory(),
          env: {
            USE_ENCRYPTED_KEYS: 'true',
            MASTER_PASSWORD: password,
            GROQ_API_KEY_ENCRYPTED: values.gsk_groq_one_0123456789,
          },
        }),
      ),
    ).toEqual([
      {
        path: 'GROQ_API_KEY_ENCRYPTED',
        message: 'cannot be decrypted: this entry point was started without the vault',
      },
    ]);
  });
});
