import { describe, expect, it } from 'vitest';
import { knownProviders } from '../config/known-providers.js';
import { createModelInfoLookup } from './get-model-info.js';

describe('createModelInfoLookup', () => {
  const lookup = createModelInfoLookup();

  it('knows every built-in model of every known provider, with a context window', () => {
    const unknown = knownProviders.flatMap((provider) =>
      provider.models
        .filter((model) => !lookup(provider.name, model).isKnown)
        .map((model) => `${provider.name}/${model}`),
    );
    expect(unknown).toEqual([]);
    for (const provider of knownProviders)
      for (const model of provider.models)
        expect(lookup(provider.name, model).contextWindow).toBeGreaterThan(0);
  });

  it('matches dated ids and -latest to their base, the longest base winning', () => {
    expect(lookup('openai', 'gpt-4o-2024-08-06')).toMatchObject({
      input: 2.5,
      output: 10,
      cachedInput: 1.25,
    });
    expect(lookup('openai', 'gpt-4o-mini-2024-07-18')).toMatchObject({ input: 0.15, output: 0.6 });
    expect(lookup('anthropic', 'claude-sonnet-4-5-20250929')).toMatchObject({ input: 3, output: 15 });
    expect(lookup('anthropic', 'claude-opus-4-1-20250805')).toMatchObject({ input: 15, output: 75 });
    expect(lookup('anthropic', 'claude-3-5-haiku-latest')).toMatchObject({ input: 0.8, output: 4 });
    expect(lookup('mistral', 'mistral-small-latest')).toMatchObject({ input: 0.1, output: 0.3 });
    expect(lookup('gemini', 'models/gemini-2.5-flash-lite-preview-09-2025')).toMatchObject({ input: 0.1 });
  });

  it('prices Azure deployments, maker-prefixed ids and first-party ids on other hosts', () => {
    expect(lookup('azure', 'gpt-35-turbo')).toMatchObject({ input: 0.5, output: 1.5, isKnown: true });
    expect(lookup('openrouter', 'anthropic/claude-sonnet-4.5')).toMatchObject({ input: 3, output: 15 });
    expect(lookup('openrouter', 'google/gemini-2.5-pro')).toMatchObject({ input: 1.25, output: 10 });
    expect(lookup('my-proxy', 'gpt-4.1-mini')).toMatchObject({ input: 0.4, output: 1.6 });
    expect(lookup('together', 'meta-llama/Llama-3.3-70B-Instruct-Turbo')).toMatchObject({ input: 0.88 });
  });

  it('makes simulated and Ollama models free, and says when it does not know a model', () => {
    expect(lookup('demo-openai', 'sim-fast')).toMatchObject({ input: 0, output: 0, isKnown: true });
    expect(lookup('ollama', 'llama3.2')).toMatchObject({ input: 0, output: 0, isKnown: true });
    expect(lookup('my-vllm', 'qwen2.5-coder')).toEqual({
      input: 0,
      output: 0,
      contextWindow: 32_768,
      isKnown: false,
    });
    expect(lookup('openrouter', 'meta-llama/llama-3.3-70b-instruct').isKnown).toBe(false);
  });

  it('lets the config override and extend the catalog, by provider/model or provider/*', () => {
    const configured = createModelInfoLookup({
      'openai/gpt-4o': { input: 2, output: 8 },
      'my-vllm/*': { input: 0.01, output: 0.02, contextWindow: 65_536 },
      'groq/new-model': { input: 1, output: 2, cachedInput: 0.5, contextWindow: 8_000 },
    });
    expect(configured('openai', 'gpt-4o')).toEqual({
      input: 2,
      output: 8,
      contextWindow: 128_000,
      isKnown: true,
    });
    expect(configured('my-vllm', 'anything')).toMatchObject({ input: 0.01, contextWindow: 65_536 });
    expect(configured('groq', 'new-model')).toEqual({
      input: 1,
      output: 2,
      cachedInput: 0.5,
      contextWindow: 8_000,
      isKnown: true,
    });
    expect(configured('openai', 'gpt-4o-mini')).toMatchObject({ input: 0.15 });
  });
});
