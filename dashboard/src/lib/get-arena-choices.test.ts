import { describe, expect, it } from 'vitest';
import type { ProvidersReport } from '../api/admin-api-types';
import { getArenaChoices } from './get-arena-choices';

const target = (name: string) =>
  ({ target: name }) as ProvidersReport['providers'][number]['targets'][number];

describe('getArenaChoices', () => {
  it('offers providers first, then targets, from both sources without repeats', () => {
    const choices = getArenaChoices(
      {
        providers: ['openai', 'groq'],
        models: [
          { provider: 'openai', model: 'gpt-4o-mini', status: 'online' },
          { provider: 'groq', model: 'llama', status: 'online' },
          { provider: 'openai', model: 'text-embedding-3-small', status: 'online' },
        ],
      },
      {
        providers: [
          {
            provider: 'openai',
            configured: true,
            status: 'online',
            keys: [],
            targets: [target('openai/gpt-4o-mini')],
          },
          { provider: 'anthropic', configured: true, status: 'online', keys: [], targets: [] },
          { provider: 'none', configured: false, status: 'offline', keys: [], targets: [] },
        ],
      },
    );
    expect(choices).toEqual([
      { value: 'anthropic', label: 'anthropic (default model)' },
      { value: 'groq', label: 'groq (default model)' },
      { value: 'openai', label: 'openai (default model)' },
      { value: 'groq/llama', label: 'groq/llama' },
      { value: 'openai/gpt-4o-mini', label: 'openai/gpt-4o-mini' },
    ]);
  });

  it('works from either source alone', () => {
    expect(getArenaChoices(undefined, undefined)).toEqual([]);
    expect(getArenaChoices({ providers: ['groq'], models: [] }, undefined)).toEqual([
      { value: 'groq', label: 'groq (default model)' },
    ]);
  });
});
