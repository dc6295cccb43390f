import { describe, expect, it } from 'vitest';
import { createFakeAdapter, createFakeTarget } from '../../test/support/create-fake-adapter.js';
import { createRouteResolver, type RoutableProvider } from './resolve-route.js';

function provider(name: string, models: string[], keys = 1): RoutableProvider {
  const { adapter } = createFakeAdapter(name, [{ response: 'ok' }]);
  return {
    name,
    family: 'openai',
    defaultModel: models[0],
    models,
    getTargets: (model) =>
      Array.from({ length: keys }, (_, index) =>
        createFakeTarget(name, adapter, model, `${name}#${index + 1}`),
      ),
  };
}

const providers = [provider('groq', ['llama']), provider('openai', ['gpt-4o-mini', 'gpt-4o'], 2)];
const routes = {
  duel: {
    targets: [
      { provider: 'groq', model: 'llama' },
      { provider: 'openai', model: 'gpt-4o' },
    ],
    policy: { strategy: 'compete' as const },
  },
};
const names = (route: { targets: Array<{ provider: string; model: string }> }) =>
  route.targets.map((target) => `${target.provider}/${target.model}`);

describe('race and compete routes', () => {
  it('run one target per provider default model unless contenders are configured', () => {
    const resolver = createRouteResolver({ providers, routes });
    const race = resolver.resolve('race');
    expect(race.policy.strategy).toBe('race');
    expect(names(race)).toEqual(['groq/llama', 'openai/gpt-4o-mini']);
    expect(resolver.resolve('compete').policy.strategy).toBe('compete');
    const configured = createRouteResolver({ providers, routes, contenders: ['openai/gpt-4o', 'groq'] });
    expect(names(configured.resolve('race'))).toEqual(['openai/gpt-4o', 'groq/llama']);
  });

  it("take the request's contenders, for built-in contests and config routes with a contest strategy", () => {
    const resolver = createRouteResolver({ providers, routes });
    expect(names(resolver.resolve('race', ['openai/gpt-4o', 'openai', 'openai/gpt-4o']))).toEqual([
      'openai/gpt-4o',
      'openai/gpt-4o-mini',
    ]);
    expect(names(resolver.resolve('duel'))).toEqual(['groq/llama', 'openai/gpt-4o', 'openai/gpt-4o']);
    expect(names(resolver.resolve('duel', ['groq']))).toEqual(['groq/llama']);
  });

  it('refuse a contest inside a contest and a contest without contenders', () => {
    const resolver = createRouteResolver({ providers, routes });
    expect(() => resolver.resolve('race', ['compete'])).toThrow(
      '"race" cannot have "compete" as a contender',
    );
    expect(() => createRouteResolver({ providers: [], routes: {} }).resolve('compete')).toThrow(
      '"compete" has no contenders',
    );
  });
});
