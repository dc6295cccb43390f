import { knownProviders } from '../../config/known-providers.js';
import type { Gateway } from '../../gateway.js';
import { parseTargetId } from '../../learning/parse-target-id.js';
import type { ModelStatusTracker } from '../chat-service/create-model-status-tracker.js';
import { describeLearnedScore } from './describe-learned-score.js';
import { describeProviderKeys } from './describe-provider-keys.js';
import { describeTargetHealth } from './describe-target-health.js';

/** One configured provider's models, each with its target ids (one per key), and each key's target ids. */
interface ProviderTargets {
  models: Map<string, string[]>;
  credentials: Map<string, string[]>;
}

/**
 * Every model a provider is known to serve (as `/v1/models` lists them) and every one live statistics
 * have seen, each with its current targets (the key pool, keys added at run time included) and any
 * target id the statistics still hold.
 */
function collectTargets(gateway: Gateway, seenTargetIds: readonly string[]): Map<string, ProviderTargets> {
  const providers = new Map<string, ProviderTargets>(
    gateway.providerNames.map((name) => [name, { models: new Map(), credentials: new Map() }]),
  );
  const addTarget = (provider: string, model: string, targetId: string, credentialId: string): void => {
    const entry = providers.get(provider);
    if (!entry) return;
    const ids = entry.models.get(model) ?? [];
    if (!ids.includes(targetId)) ids.push(targetId);
    entry.models.set(model, ids);
    const scopes = entry.credentials.get(credentialId) ?? [];
    if (!scopes.includes(targetId)) scopes.push(targetId);
    entry.credentials.set(credentialId, scopes);
  };
  const seen = seenTargetIds.map(parseTargetId).filter((parts) => providers.has(parts.provider));
  const names = [
    ...gateway.listModels().map((model) => model.id),
    ...seen.map((parts) => `${parts.provider}/${parts.model}`),
  ];
  for (const name of new Set(names)) {
    const slash = name.indexOf('/');
    const provider = name.slice(0, slash);
    if (slash <= 0 || !providers.has(provider)) continue;
    const { models } = providers.get(provider)!;
    if (!models.has(name.slice(slash + 1))) models.set(name.slice(slash + 1), []);
    try {
      for (const target of gateway.resolve(name).targets)
        addTarget(target.provider, target.model, target.id, target.credential.id);
    } catch {
      // A model no key may serve any more (a restricted key removed): its statistics still show below.
    }
  }
  for (const parts of seenTargetIds.map((id) => ({ id, ...parseTargetId(id) })))
    addTarget(parts.provider, parts.model, parts.id, parts.keyId);
  return providers;
}

/** The model `provider` alone routes to, whose live status is the provider's (as `arbiter providers` shows). */
function getDefaultModel(gateway: Gateway, provider: string): string | undefined {
  try {
    return gateway.resolve(provider).targets[0]?.model;
  } catch {
    return undefined;
  }
}

/**
 * `GET /admin/providers`: every configured provider (the demo ones in demo mode) with its live status
 * (its default model's, from the same tracker logic as `GET /models/{model}/status`), its models with
 * routing health and learned score, and its keys' health; then the providers Arbiter knows that have no
 * key, as `configured: false`, so the dashboard can say what to set.
 */
export function describeProviders(gateway: Gateway, modelStatus: ModelStatusTracker, now: number) {
  const { health } = gateway;
  const seenTargetIds = health.stats.snapshot(now).map((snapshot) => snapshot.targetId);
  const learned = gateway.learning.report();
  const configured = [...collectTargets(gateway, seenTargetIds)].map(
    ([provider, { models, credentials }]) => {
      const defaultModel = getDefaultModel(gateway, provider) ?? [...models.keys()][0];
      return {
        provider,
        configured: true,
        status: defaultModel === undefined ? 'online' : modelStatus.get(provider, defaultModel).status,
        targets: [...models].map(([model, targetIds]) => ({
          target: `${provider}/${model}`,
          model,
          ...describeTargetHealth(health, targetIds, now),
          learned: describeLearnedScore(learned.filter((row) => targetIds.includes(row.targetId))),
        })),
        keys: describeProviderKeys(health.keys, credentials, now),
      };
    },
  );
  const unconfigured = knownProviders
    .filter((known) => !gateway.providerNames.includes(known.name))
    .map((known) => ({
      provider: known.name,
      configured: false,
      status: 'offline' as const,
      targets: [],
      keys: [],
    }));
  return { providers: [...configured, ...unconfigured] };
}
