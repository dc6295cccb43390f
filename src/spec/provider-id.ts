/**
 * The wire families Arbiter speaks as a client. Every OpenAI-compatible host (Groq, DeepSeek, OpenRouter,
 * Together, Mistral, xAI, Ollama's /v1, ...) is the `openai` family with its own configuration.
 */
export type ProviderFamily = 'openai' | 'azure' | 'anthropic' | 'gemini' | 'ollama' | 'search';

/**
 * The name of one configured provider, a lowercase kebab string: `openai`, `groq`, `deepseek`,
 * `anthropic`, or a custom name from the config file (`my-vllm`). It is the first segment of a
 * `provider/model` route name.
 */
export type ProviderId = string;
