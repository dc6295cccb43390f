import type { ProviderFamily } from '../spec/provider-id.js';

/** What Arbiter knows about a provider before any configuration. */
export interface KnownProvider {
  name: string;
  family: ProviderFamily;
  /** Environment variable prefix: `GROQ` for `GROQ_API_KEY`, `GROQ_BASE_URL`, ... */
  envPrefix: string;
  /** Extra names users set for the key (`CLAUDE_API_KEY`). */
  keyAliases?: string[];
  /** Extra names for the base URL (`AZURE_OPENAI_ENDPOINT`). */
  baseUrlAliases?: string[];
  /** Extra names for the default model (`AZURE_OPENAI_DEPLOYMENT_NAME`). */
  modelAliases?: string[];
  /** Follows the official SDK's convention: includes the version prefix where the SDK's does. Absent when
   *  every account has its own (Azure resources). */
  defaultBaseUrl?: string;
  defaultModel?: string;
  /** Well-known model ids, so a bare `gpt-4o-mini` finds its provider. Not exhaustive. */
  models: string[];
  /** False for providers that work without a key (a local Ollama): configured by `P_BASE_URL` or `P_MODEL`. */
  needsKey: boolean;
}

/** @see ../../../shared/protocols/PROVIDERS.md §0, §3–§7 for base URLs and conventions. */
export const knownProviders: readonly KnownProvider[] = [
  {
    name: 'openai',
    family: 'openai',
    envPrefix: 'OPENAI',
    defaultBaseUrl: 'https://api.openai.com/v1',
    defaultModel: 'gpt-4o-mini',
    models: [
      'gpt-4o',
      'gpt-4o-mini',
      'gpt-4.1',
      'gpt-4.1-mini',
      'gpt-4.1-nano',
      'o3',
      'o3-mini',
      'o4-mini',
      'gpt-5',
      'gpt-5-mini',
      'gpt-5-nano',
      'text-embedding-3-small',
      'text-embedding-3-large',
    ],
    needsKey: true,
  },
  {
    name: 'groq',
    family: 'openai',
    envPrefix: 'GROQ',
    defaultBaseUrl: 'https://api.groq.com/openai/v1',
    defaultModel: 'llama-3.3-70b-versatile',
    models: [
      'llama-3.3-70b-versatile',
      'llama-3.1-8b-instant',
      'openai/gpt-oss-120b',
      'openai/gpt-oss-20b',
      'qwen/qwen3-32b',
    ],
    needsKey: true,
  },
  {
    name: 'deepseek',
    family: 'openai',
    envPrefix: 'DEEPSEEK',
    defaultBaseUrl: 'https://api.deepseek.com',
    defaultModel: 'deepseek-chat',
    models: ['deepseek-chat', 'deepseek-reasoner'],
    needsKey: true,
  },
  {
    name: 'openrouter',
    family: 'openai',
    envPrefix: 'OPENROUTER',
    defaultBaseUrl: 'https://openrouter.ai/api/v1',
    defaultModel: 'openai/gpt-4o-mini',
    models: [],
    needsKey: true,
  },
  {
    name: 'together',
    family: 'openai',
    envPrefix: 'TOGETHER',
    defaultBaseUrl: 'https://api.together.xyz/v1',
    defaultModel: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
    models: [],
    needsKey: true,
  },
  {
    name: 'mistral',
    family: 'openai',
    envPrefix: 'MISTRAL',
    defaultBaseUrl: 'https://api.mistral.ai/v1',
    defaultModel: 'mistral-small-latest',
    models: [
      'mistral-small-latest',
      'mistral-medium-latest',
      'mistral-large-latest',
      'codestral-latest',
      'mistral-embed',
    ],
    needsKey: true,
  },
  {
    name: 'xai',
    family: 'openai',
    envPrefix: 'XAI',
    defaultBaseUrl: 'https://api.x.ai/v1',
    defaultModel: 'grok-3-mini',
    models: ['grok-3', 'grok-3-mini', 'grok-4'],
    needsKey: true,
  },
  {
    name: 'anthropic',
    family: 'anthropic',
    envPrefix: 'ANTHROPIC',
    keyAliases: ['CLAUDE_API_KEY'],
    defaultBaseUrl: 'https://api.anthropic.com',
    defaultModel: 'claude-sonnet-4-5',
    models: [
      'claude-opus-4-5',
      'claude-sonnet-4-5',
      'claude-haiku-4-5',
      'claude-opus-4-1',
      'claude-sonnet-4-0',
      'claude-3-5-haiku-latest',
    ],
    needsKey: true,
  },
  {
    name: 'gemini',
    family: 'gemini',
    envPrefix: 'GEMINI',
    keyAliases: ['GOOGLE_API_KEY'],
    defaultBaseUrl: 'https://generativelanguage.googleapis.com',
    defaultModel: 'gemini-2.5-flash',
    models: [
      'gemini-2.5-flash',
      'gemini-2.5-pro',
      'gemini-2.5-flash-lite',
      'gemini-2.0-flash',
      'text-embedding-004',
      'gemini-embedding-001',
    ],
    needsKey: true,
  },
  {
    name: 'azure',
    family: 'azure',
    envPrefix: 'AZURE_OPENAI',
    baseUrlAliases: ['AZURE_OPENAI_ENDPOINT'],
    modelAliases: ['AZURE_OPENAI_DEPLOYMENT_NAME'],
    models: [],
    needsKey: true,
  },
  {
    name: 'ollama',
    family: 'ollama',
    envPrefix: 'OLLAMA',
    defaultBaseUrl: 'http://localhost:11434',
    defaultModel: 'llama3.2',
    models: [],
    needsKey: false,
  },
];

export function getKnownProvider(name: string): KnownProvider | undefined {
  return knownProviders.find((provider) => provider.name === name);
}
