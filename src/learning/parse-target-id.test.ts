import { describe, expect, it } from 'vitest';
import { getTargetId } from '../routing/target.js';
import { parseTargetId } from './parse-target-id.js';

describe('parseTargetId', () => {
  it('undoes getTargetId, with slashes and @ inside model ids', () => {
    expect(parseTargetId(getTargetId('groq', 'llama-3.3-70b-versatile', 'groq#3f9a1c2e'))).toEqual({
      provider: 'groq',
      model: 'llama-3.3-70b-versatile',
      keyId: 'groq#3f9a1c2e',
    });
    expect(parseTargetId(getTargetId('openrouter', 'meta/llama@v3', 'or#1'))).toEqual({
      provider: 'openrouter',
      model: 'meta/llama@v3',
      keyId: 'or#1',
    });
  });

  it('keeps an id of another shape whole, as the model', () => {
    expect(parseTargetId('no-separators')).toEqual({ provider: '', model: 'no-separators', keyId: '' });
    expect(parseTargetId('groq/model@')).toEqual({ provider: '', model: 'groq/model@', keyId: '' });
  });
});
