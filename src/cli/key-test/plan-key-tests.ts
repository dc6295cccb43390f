import type { ProviderConfig } from '../../config/arbiter-config.js';
import type { Target } from '../../routing/target.js';

/** Model ids that cannot answer a chat request: embeddings, speech, images, moderation. */
const nonChatModel = /embed|whisper|tts|dall-e|moderation|transcribe|realtime|image|audio/i;

export interface KeyTestPlanOptions {
  /** `--models`: bare ids keep the providers' models of that name; `provider/model` adds that model. */
  models?: readonly string[];
  /** `--limit`: at most this many models per provider (its default model first). */
  limit?: number;
  /** `--discover`: the models each provider lists (where its adapter can), instead of the configured ones. */
  discover?: { timeoutInMs: number };
}

/** What the plan is made from: the providers, and their targets (one per key) for a `provider/model`. */
export interface KeyTestSource {
  providers: readonly Pick<ProviderConfig, 'name' | 'models' | 'defaultModel'>[];
  resolve(name: string): { targets: readonly Target[] };
}

/** A provider that has nothing to test, and why. */
export interface SkippedProvider {
  provider: string;
  reason: string;
}

/**
 * Every key × model pair to test: for each provider, its models — the configured ones (config and the
 * built-in catalog, default model first), or with `discover` those it lists — without models that cannot
 * chat, restricted by `models` and `limit`; then each model's targets, which are the provider's keys.
 */
export async function planKeyTests(
  source: KeyTestSource,
  options: KeyTestPlanOptions = {},
): Promise<{ targets: Target[]; skipped: SkippedProvider[] }> {
  const targets: Target[] = [];
  const skipped: SkippedProvider[] = [];
  const filter = options.models
    ? parseModelFilter(options.models, new Set(source.providers.map((provider) => provider.name)))
    : undefined;
  for (const provider of source.providers) {
    const listed = options.discover
      ? await discoverModels(source, provider, options.discover.timeoutInMs)
      : undefined;
    let models = orderModels(listed ?? provider.models, provider.defaultModel).filter(
      (model) => !nonChatModel.test(model),
    );
    if (filter) {
      models = [
        ...models.filter((model) => filter.bare.has(model)),
        ...(filter.byProvider.get(provider.name) ?? []),
      ];
    }
    models = [...new Set(models)].slice(0, options.limit ?? Infinity);
    if (models.length === 0) {
      skipped.push({
        provider: provider.name,
        reason: filter ? 'none of its models is in --models' : 'it has no chat model to test',
      });
      continue;
    }
    const seen = new Set<string>();
    for (const model of models) {
      const found = [...source.resolve(`${provider.name}/${model}`).targets];
      // The key pool rotates its first key per resolve; sorted, every run reads the same.
      found.sort((a, b) => a.credential.id.localeCompare(b.credential.id));
      for (const target of found) {
        if (seen.has(target.id)) continue;
        seen.add(target.id);
        targets.push(target);
      }
    }
  }
  return { targets, skipped };
}

/**
 * `--models` entries: `provider/model` where the part before the first `/` is a configured provider
 * (`groq/openai/gpt-oss-120b`), else a bare model id kept for every provider that has it.
 */
function parseModelFilter(models: readonly string[], providers: ReadonlySet<string>) {
  const bare = new Set<string>();
  const byProvider = new Map<string, string[]>();
  for (const name of models) {
    const slash = name.indexOf('/');
    const provider = slash > 0 ? name.slice(0, slash) : undefined;
    if (provider && providers.has(provider))
      byProvider.set(provider, [...(byProvider.get(provider) ?? []), name.slice(slash + 1)]);
    else bare.add(name);
  }
  return { bare, byProvider };
}

function orderModels(models: readonly string[], defaultModel: string | undefined): string[] {
  return defaultModel ? [defaultModel, ...models.filter((model) => model !== defaultModel)] : [...models];
}

/** The models a provider lists, asked with its first key; undefined when it cannot list them. */
async function discoverModels(
  source: KeyTestSource,
  provider: KeyTestSource['providers'][number],
  timeoutInMs: number,
): Promise<string[] | undefined> {
  const model = provider.defaultModel ?? provider.models[0];
  const target = model ? source.resolve(`${provider.name}/${model}`).targets[0] : undefined;
  if (!target?.adapter.listModels) return undefined;
  try {
    const listed = await target.adapter.listModels({
      credential: target.credential,
      baseUrl: target.baseUrl,
      signal: AbortSignal.timeout(timeoutInMs),
      headers: target.headers,
    });
    return listed.map((entry) => entry.id);
  } catch {
    // A provider that refuses to list (a bad first key, no listing endpoint) is tested on its configured models.
    return undefined;
  }
}
