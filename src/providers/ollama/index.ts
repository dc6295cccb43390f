export { createOllamaAdapter } from './create-ollama-adapter.js';
export type { OllamaAdapterOptions } from './create-ollama-adapter.js';
