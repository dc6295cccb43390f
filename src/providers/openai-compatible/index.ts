export { createOpenAICompatibleAdapter } from './create-openai-compatible-adapter.js';
export { getOpenAICompatibleHostHooks } from './openai-compatible-hosts.js';
export type { OpenAICompatibleConfig } from './openai-compatible-config.js';
