import { describe, expect, it } from 'vitest';
import { checkModelAccess, type CheapModels } from './check-model-access.js';
import type { GatewayPrincipal } from './gateway-principal.js';

const prices: Record<string, number> = { 'groq/llama-3.1-8b-instant': 0.05, 'openai/gpt-4o': 2.5 };
const cheap: CheapModels = {
  maxInputPrice: 0.5,
  isCheap: (provider, model) => (prices[`${provider}/${model}`] ?? Infinity) <= 0.5,
};

function principal(
  allowedModels: string[] | undefined,
  modelsOwner: 'key' | 'plan' = 'plan',
): GatewayPrincipal {
  return {
    keyId: 'key_1',
    plan: 'free',
    limits: { allowedModels, modelsOwner, priority: 0, budgetOwner: { day: 'plan', month: 'plan' } },
  };
}

const groq = { provider: 'groq', model: 'llama-3.1-8b-instant' };
const openai = { provider: 'openai', model: 'gpt-4o' };
const check =
  (allowed: string[] | undefined, ...routes: Array<{ name: string; targets: (typeof groq)[] }>) =>
  () =>
    checkModelAccess(principal(allowed), routes, cheap);

describe('checkModelAccess', () => {
  it('allows everything without a list, or with *', () => {
    expect(check(undefined, { name: 'openai/gpt-4o', targets: [openai] })).not.toThrow();
    expect(check(['*'], { name: 'openai/gpt-4o', targets: [openai] })).not.toThrow();
  });

  it('matches provider/model patterns with wildcards, case aside', () => {
    expect(check(['GROQ/*'], { name: 'groq/llama-3.1-8b-instant', targets: [groq] })).not.toThrow();
    expect(check(['*/gpt-4o*'], { name: 'openai/gpt-4o', targets: [openai] })).not.toThrow();
    expect(check(['groq/*'], { name: 'openai/gpt-4o', targets: [openai] })).toThrow(
      'The model "openai/gpt-4o" is not allowed for plan "free"; it allows: groq/*.',
    );
  });

  it('allows a route by its name whatever it reaches, else only when every target is allowed', () => {
    expect(check(['smart'], { name: 'smart', targets: [groq, openai] })).not.toThrow();
    expect(check(['groq/*'], { name: 'smart', targets: [groq, openai] })).toThrow('(through "smart")');
    expect(check(['groq/*', 'openai/*'], { name: 'smart', targets: [groq, openai] })).not.toThrow();
  });

  it('reads @cheap as models whose input price is known and low', () => {
    expect(check(['@cheap'], { name: 'groq/llama-3.1-8b-instant', targets: [groq] })).not.toThrow();
    expect(check(['@cheap'], { name: 'auto', targets: [groq, openai] })).toThrow(
      'it allows: models priced at most $0.5 per million input tokens.',
    );
    const unknown = { provider: 'my-vllm', model: 'qwen' };
    expect(check(['@cheap'], { name: 'my-vllm/qwen', targets: [unknown] })).toThrow('not allowed');
  });

  it('checks fallbacks like the route, and leaves names that resolve nowhere to the route', () => {
    expect(
      check(
        ['@cheap'],
        { name: 'groq/llama-3.1-8b-instant', targets: [groq] },
        { name: 'openai/gpt-4o', targets: [openai] },
      ),
    ).toThrow('"openai/gpt-4o"');
    expect(check(['@cheap'], { name: 'no-such-route', targets: [] })).not.toThrow();
  });

  it('says whose list refused: the key own, or its plan', () => {
    const refuse = () =>
      checkModelAccess(principal([], 'key'), [{ name: 'openai/gpt-4o', targets: [openai] }], cheap);
    expect(refuse).toThrow('is not allowed for key key_1; it allows: no model.');
    try {
      refuse();
    } catch (error) {
      expect(error).toMatchObject({ kind: 'model-not-allowed', details: { param: 'model' } });
    }
  });
});
