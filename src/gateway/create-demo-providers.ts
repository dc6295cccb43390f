import type { ProviderConfig } from '../config/arbiter-config.js';
import { createKeyConfig } from '../config/create-key-config.js';
import type { ProviderFamily } from '../spec/provider-id.js';

/** The simulator's behaviours offered in demo mode; `sim-fast` is the default. */
export const demoModels = [
  'sim-fast',
  'sim-slow',
  'sim-tools',
  'sim-flaky',
  'sim-cut',
  'sim-429',
  'sim-down',
  'sim-hang',
];

const demoFamilies: ReadonlyArray<{ name: string; family: ProviderFamily; path: string }> = [
  { name: 'demo-openai', family: 'openai', path: '/v1' },
  { name: 'demo-groq', family: 'openai', path: '/openai/v1' },
  { name: 'demo-anthropic', family: 'anthropic', path: '' },
  { name: 'demo-gemini', family: 'gemini', path: '' },
  { name: 'demo-ollama', family: 'ollama', path: '' },
];

/**
 * Demo mode's providers, one per wire family, all served by the in-process simulator in that family's
 * real format, so a newcomer can try routing and cross-format calls (`demo-anthropic/sim-tools` from the
 * openai SDK, `demo-gemini/sim-fast` from the Anthropic SDK) with no key at all.
 */
export function createDemoProviders(simulatorUrl: string): ProviderConfig[] {
  return demoFamilies.map(({ name, family, path }) => ({
    name,
    family,
    baseUrl: simulatorUrl + path,
    keys: [createKeyConfig(name, 'demo-key-not-secret')],
    defaultModel: 'sim-fast',
    models: demoModels,
    timeoutInMs: 30_000,
    headers: {},
    isDemo: true,
  }));
}
