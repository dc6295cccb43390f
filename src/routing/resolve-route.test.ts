import { describe, expect, it } from 'vitest';
import { createFakeAdapter, createFakeTarget } from '../../test/support/create-fake-adapter.js';
import { createRouteResolver, type RoutableProvider } from './resolve-route.js';
import type { RouteError } from './route-error.js';

function provider(name: string, models: string[], defaultModel = models[0]): RoutableProvider {
  const { adapter } = createFakeAdapter(name, [{ response: 'ok' }]);
  return {
    name,
    family: 'openai',
    defaultModel,
    models,
    getTargets: (model) => [createFakeTarget(name, adapter, model)],
  };
}

const resolver = createRouteResolver({
  providers: [
    provider('groq', ['llama-3.3-70b-versatile', 'shared-model']),
    provider('openai', ['gpt-4o-mini', 'shared-model']),
  ],
  routes: {
    smart: {
      targets: [
        { provider: 'openai', model: 'gpt-4o-mini' },
        { provider: 'groq', model: 'llama-3.3-70b-versatile' },
      ],
    },
  },
  defaultProvider: 'openai',
  describeUnconfigured: (name) => (name === 'anthropic' ? 'set ANTHROPIC_API_KEY' : undefined),
});

const targetsOf = (model: string) =>
  resolver.resolve(model).targets.map((target) => `${target.provider}/${target.model}`);

describe('route resolution', () => {
  it('resolves provider/model, provider alone, auto, routes and bare model ids', () => {
    expect(targetsOf('groq/llama-3.1-8b-instant')).toEqual(['groq/llama-3.1-8b-instant']);
    expect(targetsOf('groq')).toEqual(['groq/llama-3.3-70b-versatile']);
    expect(targetsOf('auto')).toEqual(['openai/gpt-4o-mini']);
    expect(targetsOf('smart')).toEqual(['openai/gpt-4o-mini', 'groq/llama-3.3-70b-versatile']);
    expect(targetsOf('gpt-4o-mini')).toEqual(['openai/gpt-4o-mini']);
  });

  it('keeps slashes in model ids after the provider (OpenRouter style)', () => {
    expect(targetsOf('groq/openai/gpt-oss-120b')).toEqual(['groq/openai/gpt-oss-120b']);
  });

  it('explains unknown, ambiguous and unconfigured names', () => {
    const errorOf = (model: string) => {
      try {
        resolver.resolve(model);
      } catch (error) {
        return error as RouteError;
      }
      throw new Error('expected a RouteError');
    };
    expect(errorOf('nope')).toMatchObject({
      code: 'model_not_found',
      message: expect.stringContaining('GET /v1/models'),
    });
    expect(errorOf('shared-model')).toMatchObject({
      code: 'model_ambiguous',
      message: expect.stringContaining('"groq/shared-model", "openai/shared-model"'),
    });
    expect(errorOf('anthropic/claude-sonnet-4-5')).toMatchObject({
      code: 'provider_not_configured',
      message: expect.stringContaining('set ANTHROPIC_API_KEY'),
    });
  });
});
