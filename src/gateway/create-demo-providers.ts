import type { ProviderConfig } from '../config/arbiter-config.js';
import { createKeyConfig } from '../config/create-key-config.js';

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

/**
 * Demo mode's providers: two OpenAI-compatible providers served by the in-process simulator, so a
 * newcomer can try routing by name (`demo-openai/sim-fast`, `demo-groq/sim-tools`) with no key at all.
 */
export function createDemoProviders(simulatorUrl: string): ProviderConfig[] {
  return ['demo-openai', 'demo-groq'].map((name) => ({
    name,
    family: 'openai',
    baseUrl: `${simulatorUrl}/v1`,
    keys: [createKeyConfig(name, 'demo-key-not-secret')],
    defaultModel: 'sim-fast',
    models: demoModels,
    timeoutInMs: 30_000,
    headers: {},
    isDemo: true,
  }));
}
