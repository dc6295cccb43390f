export { createGeminiAdapter } from './create-gemini-adapter.js';
export type { GeminiAdapterOptions } from './create-gemini-adapter.js';
