import {
  defaultContextWindow,
  makerCatalogs,
  modelCatalog,
  modelMakers,
  simulatedModel,
  type CatalogEntry,
} from './model-catalog.js';

/** A model's price (USD per million tokens) and context window, and whether anyone actually knew them. */
export interface ModelInfo extends CatalogEntry {
  /**
   * False when neither the config nor the catalog knows the model: its prices are then 0, so its cost is
   * reported as 0 with `cost_known: false` rather than guessed.
   */
  isKnown: boolean;
}

/** A price from the config file (`prices:` in arbiter.yaml), by `provider/model` or `provider/*`. */
export interface PriceOverride {
  input: number;
  output: number;
  cachedInput?: number;
  contextWindow?: number;
}

/** A model's info by the provider that serves it and the model id as that provider names it. */
export type ModelInfoLookup = (provider: string, model: string) => ModelInfo;

/** Caller-chosen model ids are unbounded, so the memo is cleared rather than allowed to grow. */
const maxMemoSize = 2000;

/**
 * Looks a model up: a config override first (`provider/model`, then `provider/*`), then the built-in
 * catalog with forgiving matching — case, `models/` and `-latest` are ignored, dated ids match their base
 * (`gpt-4o-2024-08-06` → `gpt-4o`, the longest base wins), Azure's `gpt-35-*` is OpenAI's `gpt-3.5-*`, a
 * maker prefix (`anthropic/claude-sonnet-4.5` on OpenRouter) finds the maker's price, and a first-party
 * model id served by any other provider finds its maker's. `sim-*` models and Ollama cost nothing.
 * @example const info = createModelInfoLookup(config.accounting.prices)('openai', 'gpt-4o-mini');
 */
export function createModelInfoLookup(
  overrides: Readonly<Record<string, PriceOverride>> = {},
): ModelInfoLookup {
  // By provider, then model: no key string to build on every lookup (several per request).
  const memo = new Map<string, Map<string, ModelInfo>>();
  let memoSize = 0;
  const lowerCaseOverrides = new Map(
    Object.entries(overrides).map(([key, value]) => [key.toLowerCase(), value]),
  );
  return (provider, model) => {
    let byModel = memo.get(provider);
    let info = byModel?.get(model);
    if (info) return info;
    info = lookUp(provider, model, lowerCaseOverrides);
    if (memoSize >= maxMemoSize) {
      memo.clear();
      memoSize = 0;
      byModel = undefined;
    }
    if (!byModel) {
      byModel = new Map();
      memo.set(provider, byModel);
    }
    byModel.set(model, info);
    memoSize++;
    return info;
  };
}

function lookUp(provider: string, model: string, overrides: ReadonlyMap<string, PriceOverride>): ModelInfo {
  const id = normalize(model);
  const known = findInCatalogs(provider.toLowerCase(), id);
  const override =
    overrides.get(`${provider}/${model}`.toLowerCase()) ?? overrides.get(`${provider.toLowerCase()}/*`);
  if (override) {
    const { input, output, cachedInput, contextWindow } = override;
    return {
      input,
      output,
      ...(cachedInput === undefined ? {} : { cachedInput }),
      contextWindow: contextWindow ?? known?.contextWindow ?? defaultContextWindow,
      isKnown: true,
    };
  }
  // A local Ollama bills nothing per token, whatever its models are called.
  if (provider === 'ollama')
    return { input: 0, output: 0, contextWindow: defaultContextWindow, isKnown: true };
  if (known) return { ...known, isKnown: true };
  return { input: 0, output: 0, contextWindow: defaultContextWindow, isKnown: false };
}

function normalize(model: string): string {
  return model
    .toLowerCase()
    .replace(/^models\//, '')
    .replace(/-latest$/, '');
}

function findInCatalogs(provider: string, id: string): CatalogEntry | undefined {
  if (id.startsWith('sim-')) return simulatedModel;
  const own = modelCatalog[provider];
  const found = own ? findModel(own, id) : undefined;
  if (found) return found;
  if (provider === 'azure') {
    // Azure deployments are usually named after the model, with Azure's own spelling of GPT-3.5.
    const azureFound = findModel(modelCatalog.openai!, id.replace(/^gpt-35/, 'gpt-3.5'));
    if (azureFound) return azureFound;
  }
  const slash = id.indexOf('/');
  const maker = slash > 0 ? modelMakers[id.slice(0, slash)] : undefined;
  if (maker) {
    const rest = id.slice(slash + 1);
    // OpenRouter writes versions with dots (`claude-sonnet-4.5`) where the maker writes dashes.
    return (
      findModel(modelCatalog[maker]!, rest) ?? findModel(modelCatalog[maker]!, rest.replaceAll('.', '-'))
    );
  }
  for (const name of makerCatalogs) {
    const makerFound = findModel(modelCatalog[name]!, id);
    if (makerFound) return makerFound;
  }
  return undefined;
}

/** The exact id, or the longest catalog id that `id` extends with a `-suffix` (a date, a version, `-preview`). */
function findModel(catalog: Readonly<Record<string, CatalogEntry>>, id: string): CatalogEntry | undefined {
  const exact = catalog[id];
  if (exact) return exact;
  let best: string | undefined;
  for (const candidate of Object.keys(catalog)) {
    if (id.startsWith(`${candidate}-`) && (best === undefined || candidate.length > best.length))
      best = candidate;
  }
  return best === undefined ? undefined : catalog[best];
}
