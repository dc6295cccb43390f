/**
 * A model's list price and context window. Prices are USD per million tokens, as providers publish them.
 */
export interface CatalogEntry {
  input: number;
  output: number;
  /** Input tokens read from the provider's prompt cache; absent = billed as `input`. */
  cachedInput?: number;
  /** Input tokens written to the prompt cache (Anthropic bills them above `input`); absent = `input`. */
  cacheWrite?: number;
  contextWindow: number;
}

/** [input, output, cachedInput | undefined, contextWindow], to keep the table readable. */
type Row = readonly [number, number, number | undefined, number];

const entry = ([input, output, cachedInput, contextWindow]: Row): CatalogEntry =>
  cachedInput === undefined
    ? { input, output, contextWindow }
    : { input, output, cachedInput, contextWindow };

const table = (rows: Record<string, Row>): Record<string, CatalogEntry> =>
  Object.fromEntries(Object.entries(rows).map(([model, row]) => [model, entry(row)]));

/** Anthropic bills a 5-minute cache write at 1.25× input and a cache read at 0.1× input. */
const anthropic = ([input, output, contextWindow]: readonly [number, number, number]): CatalogEntry => ({
  input,
  output,
  cachedInput: input / 10,
  cacheWrite: input * 1.25,
  contextWindow,
});

/**
 * List prices of the models of every provider Arbiter knows (src/config/known-providers.ts), from the
 * providers' public pricing pages as published in 2025 (standard tier, no batch discount, prompts under
 * any long-context surcharge threshold). Keys are lower-case model ids without date suffixes or
 * `-latest`: `get-model-info.ts` matches `gpt-4o-2024-08-06` to `gpt-4o` and `claude-sonnet-4-5-20250929` to
 * `claude-sonnet-4-5`. Prices change; `prices:` in arbiter.yaml overrides any entry and adds new ones.
 */
export const modelCatalog: Readonly<Record<string, Readonly<Record<string, CatalogEntry>>>> = {
  openai: table({
    'gpt-5': [1.25, 10, 0.125, 400_000],
    'gpt-5.1': [1.25, 10, 0.125, 400_000],
    'gpt-5-mini': [0.25, 2, 0.025, 400_000],
    'gpt-5-nano': [0.05, 0.4, 0.005, 400_000],
    'gpt-4.1': [2, 8, 0.5, 1_047_576],
    'gpt-4.1-mini': [0.4, 1.6, 0.1, 1_047_576],
    'gpt-4.1-nano': [0.1, 0.4, 0.025, 1_047_576],
    'gpt-4o': [2.5, 10, 1.25, 128_000],
    'gpt-4o-mini': [0.15, 0.6, 0.075, 128_000],
    'gpt-5-pro': [15, 120, undefined, 400_000],
    o1: [15, 60, 7.5, 200_000],
    'o1-pro': [150, 600, undefined, 200_000],
    o3: [2, 8, 0.5, 200_000],
    'o3-pro': [20, 80, undefined, 200_000],
    'o3-mini': [1.1, 4.4, 0.55, 200_000],
    'o4-mini': [1.1, 4.4, 0.275, 200_000],
    'gpt-4-turbo': [10, 30, undefined, 128_000],
    'gpt-4': [30, 60, undefined, 8_192],
    'gpt-4-32k': [60, 120, undefined, 32_768],
    'gpt-3.5-turbo': [0.5, 1.5, undefined, 16_385],
    'text-embedding-3-small': [0.02, 0, undefined, 8_191],
    'text-embedding-3-large': [0.13, 0, undefined, 8_191],
    'text-embedding-ada-002': [0.1, 0, undefined, 8_191],
  }),
  groq: table({
    'llama-3.3-70b-versatile': [0.59, 0.79, undefined, 131_072],
    'llama-3.1-8b-instant': [0.05, 0.08, undefined, 131_072],
    'openai/gpt-oss-120b': [0.15, 0.75, undefined, 131_072],
    'openai/gpt-oss-20b': [0.1, 0.5, undefined, 131_072],
    'qwen/qwen3-32b': [0.29, 0.59, undefined, 131_072],
    'moonshotai/kimi-k2-instruct': [1, 3, undefined, 131_072],
  }),
  deepseek: table({
    // DeepSeek V3.2 prices (September 2025): one price for both modes, cache hits at a tenth.
    'deepseek-chat': [0.28, 0.42, 0.028, 128_000],
    'deepseek-reasoner': [0.28, 0.42, 0.028, 128_000],
  }),
  together: table({
    'meta-llama/llama-3.3-70b-instruct-turbo': [0.88, 0.88, undefined, 131_072],
    'meta-llama/meta-llama-3.1-8b-instruct-turbo': [0.18, 0.18, undefined, 131_072],
    'meta-llama/meta-llama-3.1-405b-instruct-turbo': [3.5, 3.5, undefined, 130_815],
    'deepseek-ai/deepseek-v3': [1.25, 1.25, undefined, 131_072],
    'qwen/qwen2.5-72b-instruct-turbo': [1.2, 1.2, undefined, 32_768],
  }),
  mistral: table({
    'mistral-small': [0.1, 0.3, undefined, 128_000],
    'mistral-medium': [0.4, 2, undefined, 128_000],
    'mistral-large': [2, 6, undefined, 128_000],
    codestral: [0.3, 0.9, undefined, 256_000],
    'open-mistral-nemo': [0.15, 0.15, undefined, 128_000],
    'mistral-embed': [0.1, 0, undefined, 8_192],
  }),
  xai: table({
    'grok-4': [3, 15, 0.75, 256_000],
    'grok-4-fast': [0.2, 0.5, 0.05, 2_000_000],
    'grok-code-fast-1': [0.2, 1.5, 0.02, 256_000],
    'grok-3': [3, 15, 0.75, 131_072],
    'grok-3-mini': [0.3, 0.5, 0.075, 131_072],
  }),
  anthropic: {
    'claude-opus-4-5': anthropic([5, 25, 200_000]),
    'claude-sonnet-4-5': anthropic([3, 15, 200_000]),
    'claude-haiku-4-5': anthropic([1, 5, 200_000]),
    'claude-opus-4-1': anthropic([15, 75, 200_000]),
    'claude-opus-4': anthropic([15, 75, 200_000]),
    'claude-sonnet-4': anthropic([3, 15, 200_000]),
    'claude-3-7-sonnet': anthropic([3, 15, 200_000]),
    'claude-3-5-sonnet': anthropic([3, 15, 200_000]),
    'claude-3-5-haiku': anthropic([0.8, 4, 200_000]),
    'claude-3-opus': anthropic([15, 75, 200_000]),
    'claude-3-haiku': anthropic([0.25, 1.25, 200_000]),
  },
  gemini: table({
    // Gemini 2.5 Pro and 3 Pro cost more above 200k prompt tokens; this is the price below it.
    'gemini-3-pro-preview': [2, 12, 0.2, 1_048_576],
    'gemini-2.5-pro': [1.25, 10, 0.125, 1_048_576],
    'gemini-2.5-flash': [0.3, 2.5, 0.03, 1_048_576],
    'gemini-2.5-flash-lite': [0.1, 0.4, 0.01, 1_048_576],
    'gemini-2.0-flash': [0.1, 0.4, 0.025, 1_048_576],
    'gemini-2.0-flash-lite': [0.075, 0.3, undefined, 1_048_576],
    'gemini-embedding-001': [0.15, 0, undefined, 2_048],
    // Offered free of charge by the Gemini API.
    'text-embedding-004': [0, 0, undefined, 2_048],
  }),
};

/**
 * Model ids that name their maker (`openai/gpt-4o-mini`, `anthropic/claude-sonnet-4.5` on OpenRouter): the
 * first segment, mapped to the maker's catalog. Such hosts resell at about the maker's list price; open
 * models (`meta-llama/…`) are left out because their price depends on whoever hosts them.
 */
export const modelMakers: Readonly<Record<string, string>> = {
  openai: 'openai',
  anthropic: 'anthropic',
  google: 'gemini',
  deepseek: 'deepseek',
  mistralai: 'mistral',
  'x-ai': 'xai',
};

/** Catalogs that price a model id on any provider that serves it (a proxy named `my-openai` serving `gpt-4o`). */
export const makerCatalogs = ['openai', 'anthropic', 'gemini', 'mistral', 'xai', 'deepseek'] as const;

/** Context window assumed for a model the catalog does not know; `prices:` in arbiter.yaml sets the real one. */
export const defaultContextWindow = 32_768;

/** The simulator's models (`sim-fast`, …) are free and, being simulated, have room for anything. */
export const simulatedModel: CatalogEntry = { input: 0, output: 0, contextWindow: 1_000_000 };
