import { describe, expect, it } from 'vitest';
import { createFakeAdapter, createFakeTarget } from '../../../test/support/create-fake-adapter.js';
import type { ProviderAdapter } from '../../spec/provider-adapter.js';
import { planKeyTests, type KeyTestSource } from './plan-key-tests.js';

function source(listModels?: ProviderAdapter['listModels']): KeyTestSource {
  const groq = { ...createFakeAdapter('groq', [{ response: 'OK' }]).adapter, listModels };
  const openai = createFakeAdapter('openai', [{ response: 'OK' }]).adapter;
  return {
    providers: [
      { name: 'groq', models: ['llama-a', 'llama-b', 'nomic-embed-text'], defaultModel: 'llama-b' },
      { name: 'openai', models: ['gpt-x', 'whisper-1'], defaultModel: 'gpt-x' },
    ],
    resolve(name) {
      const [provider, model] = name.split('/') as [string, string];
      // Two groq keys, listed in the rotated order a key pool may hand them out in.
      if (provider === 'groq')
        return {
          targets: [
            createFakeTarget('groq', groq, model, 'groq#2'),
            createFakeTarget('groq', groq, model, 'groq#1'),
          ],
        };
      return { targets: [createFakeTarget('openai', openai, model, 'openai#1')] };
    },
  };
}

const pairs = (targets: Array<{ provider: string; model: string; credential: { id: string } }>) =>
  targets.map((target) => `${target.credential.id} ${target.provider}/${target.model}`);

describe('planKeyTests', () => {
  it('pairs every key with every chat model of its provider, default model first, keys in a stable order', async () => {
    const plan = await planKeyTests(source());
    expect(pairs(plan.targets)).toEqual([
      'groq#1 groq/llama-b',
      'groq#2 groq/llama-b',
      'groq#1 groq/llama-a',
      'groq#2 groq/llama-a',
      'openai#1 openai/gpt-x',
    ]);
    expect(plan.skipped).toEqual([]);
  });

  it('restricts to --models (bare ids or provider/model) and to --limit models per provider', async () => {
    const byModels = await planKeyTests(source(), { models: ['llama-a', 'openai/gpt-new'] });
    expect(pairs(byModels.targets)).toEqual([
      'groq#1 groq/llama-a',
      'groq#2 groq/llama-a',
      'openai#1 openai/gpt-new',
    ]);
    const limited = await planKeyTests(source(), { limit: 1 });
    expect(pairs(limited.targets)).toEqual([
      'groq#1 groq/llama-b',
      'groq#2 groq/llama-b',
      'openai#1 openai/gpt-x',
    ]);
    const none = await planKeyTests(source(), { models: ['gpt-x'] });
    expect(none.skipped).toEqual([{ provider: 'groq', reason: 'none of its models is in --models' }]);
  });

  it('with --discover, tests the models a provider lists, and the configured ones where it cannot list', async () => {
    const plan = await planKeyTests(
      source(async () => [{ id: 'listed-model' }, { id: 'text-embedding-3-small' }]),
      { discover: { timeoutInMs: 1000 } },
    );
    expect(pairs(plan.targets)).toEqual([
      'groq#1 groq/llama-b',
      'groq#2 groq/llama-b',
      'groq#1 groq/listed-model',
      'groq#2 groq/listed-model',
      'openai#1 openai/gpt-x',
    ]);
    const refusing = await planKeyTests(
      source(async () => {
        throw new Error('401');
      }),
      { discover: { timeoutInMs: 1000 }, limit: 1 },
    );
    expect(pairs(refusing.targets)).toEqual([
      'groq#1 groq/llama-b',
      'groq#2 groq/llama-b',
      'openai#1 openai/gpt-x',
    ]);
  });
});
