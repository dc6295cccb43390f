import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ArbiterConfig, ServerConfig } from './arbiter-config.js';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { decryptFileKeys } from './decrypt-file-keys.js';
import type { ConfigFile } from './config-file-schema.js';
import { discoverProvidersFromEnv } from './discover-providers-from-env.js';
import { EnvReader } from './env-reader.js';
import { mergeFileProviders } from './merge-file-providers.js';
import { readAccountingConfig, readStorageConfig } from './read-accounting-config.js';
import { readAlertsConfig } from './read-alerts-config.js';
import { readCompetitionConfig } from './read-competition-config.js';
import { readConfigFile } from './read-config-file.js';
import { readGuardrailConfig } from './read-guardrail-config.js';
import { readLearningConfig } from './read-learning-config.js';
import { readEnvironment, type Environment } from './read-environment.js';
import { readRoutes } from './read-routes.js';
import { readRoutingConfig } from './read-routing-config.js';
import { readSecurityConfig } from './read-security-config.js';
import { readRedisConfig } from './read-redis-config.js';
import { readVaultConfig, type VaultOptions } from './read-vault-config.js';

export interface LoadConfigOptions {
  /** Where `.env` and `arbiter.yaml` are looked for. Default: the working directory. */
  cwd?: string;
  /** Default: `process.env`. */
  env?: Environment;
  /** Overrides `ARBITER_CONFIG`. */
  configPath?: string;
  /** Opens `enc:v1:` keys: entry points pass `decryptSecretSync` from src/security/vault (and a prompted password). */
  vault?: VaultOptions;
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Builds the configuration from the environment, a `.env` file and the optional YAML file, validating
 * everything. Throws a ConfigError that lists every problem with its exact place.
 */
export function loadConfig(options: LoadConfigOptions = {}): ArbiterConfig {
  const cwd = options.cwd ?? process.cwd();
  const vaultReading = readVaultConfig(readEnvironment(cwd, options.env ?? process.env), cwd, options.vault);
  const env = vaultReading.env;
  const reader = new EnvReader(env);
  const configPath = findConfigFile(cwd, options.configPath ?? reader.string('ARBITER_CONFIG'));
  const fileResult = configPath ? readConfigFile(configPath, env) : { issues: [] };
  if (fileResult.issues.length > 0) throw new ConfigError(configPath ?? 'the config file', fileResult.issues);
  const file: ConfigFile = decryptFileKeys(
    fileResult.file ?? {},
    vaultReading,
    configPath ?? 'the config file',
  );

  const issues: ConfigIssue[] = [];
  const server = readServerConfig(reader, file);
  const providers = mergeFileProviders(discoverProvidersFromEnv(reader), file.providers ?? {}, issues);
  const names = new Set(providers.map((provider) => provider.name));
  const routes = readRoutes(file.routes ?? {}, names, issues);
  const defaultProvider =
    reader.string('DEFAULT_MODEL_PROVIDER', 'LLM_DEFAULT_PROVIDER') ?? file.defaultProvider;
  if (defaultProvider !== undefined && providers.length > 0 && !names.has(defaultProvider)) {
    issues.push({
      path: 'DEFAULT_MODEL_PROVIDER',
      message: `"${defaultProvider}" is not a configured provider (configured: ${[...names].join(', ')})`,
    });
  }
  const requestDefaults = {
    temperature:
      reader.number(['TEMPERATURE_DEFAULT', 'LLM_TEMPERATURE'], { min: 0, max: 2 }) ??
      file.defaults?.temperature,
    maxTokens:
      reader.number(['MAX_TOKENS_DEFAULT', 'LLM_MAX_TOKENS'], { min: 1, isInteger: true }) ??
      file.defaults?.maxTokens,
  };
  const routing = readRoutingConfig(reader, names);
  const demoSetting = reader.string('ARBITER_DEMO');
  const storage = readStorageConfig(reader, cwd);
  const accounting = readAccountingConfig(reader, file);
  const alerts = readAlertsConfig(reader);
  const learning = readLearningConfig(reader, file.learning);
  const competition = readCompetitionConfig(reader, file.competition, {
    providers,
    routes: new Set(Object.keys(routes)),
  });
  const security = readSecurityConfig(reader, file, requestDefaults.maxTokens);
  const guardrails = readGuardrailConfig(reader, file);
  const scaling = readRedisConfig(reader, file);
  issues.push(...reader.issues);
  if (issues.length > 0) {
    throw new ConfigError(configPath ? `the environment and ${configPath}` : 'the environment', issues);
  }
  return {
    server,
    providers,
    routes,
    routing,
    defaultProvider: defaultProvider ?? providers[0]?.name,
    requestDefaults,
    isDemo: providers.length === 0 && demoSetting !== '0' && demoSetting !== 'false',
    storage,
    accounting,
    alerts,
    learning,
    competition,
    security,
    vault: vaultReading.vault,
    guardrails,
    ...scaling,
    configFile: configPath,
  };
}

function findConfigFile(cwd: string, explicit: string | undefined): string | undefined {
  if (explicit) return resolve(cwd, explicit);
  const defaultPath = resolve(cwd, 'arbiter.yaml');
  return existsSync(defaultPath) ? defaultPath : undefined;
}

function readServerConfig(reader: EnvReader, file: ConfigFile): ServerConfig {
  const logLevel = reader.string('LOG_LEVEL')?.toLowerCase() ?? file.server?.logLevel ?? 'info';
  if (!(logLevels as readonly string[]).includes(logLevel)) {
    reader.issues.push({ path: 'LOG_LEVEL', message: `"${logLevel}" is not one of ${logLevels.join(', ')}` });
  }
  return {
    host: reader.string('HOST') ?? file.server?.host ?? '127.0.0.1',
    port: reader.number(['PORT'], { min: 0, max: 65535, isInteger: true }) ?? file.server?.port ?? 8000,
    bodyLimitInBytes:
      reader.number(['ARBITER_MAX_BODY_BYTES'], { min: 1024, isInteger: true }) ??
      file.server?.maxBodyBytes ??
      10 * 1024 * 1024,
    logLevel: (logLevels as readonly string[]).includes(logLevel)
      ? (logLevel as ServerConfig['logLevel'])
      : 'info',
    shutdownGraceInMs: (reader.number(['SHUTDOWN_GRACE_SECONDS'], { min: 0, max: 3600 }) ?? 25) * 1000,
  };
}
