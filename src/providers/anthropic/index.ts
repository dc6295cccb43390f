export { createAnthropicAdapter } from './create-anthropic-adapter.js';
