import { describe, expect, it } from 'vitest';
import { getChatServiceRoute } from './get-chat-service-route.js';

const routable = new Set(['groq', 'anthropic', 'compete', 'search']);
const isRoutable = (name: string) => routable.has(name);

describe('getChatServiceRoute', () => {
  it('joins model_provider and model, or uses either alone, or auto', () => {
    expect(getChatServiceRoute('llama-3.1-8b-instant', 'groq', isRoutable)).toBe('groq/llama-3.1-8b-instant');
    expect(getChatServiceRoute('groq/llama-3.1-8b-instant', 'groq', isRoutable)).toBe(
      'groq/llama-3.1-8b-instant',
    );
    expect(getChatServiceRoute('smart', null, isRoutable)).toBe('smart');
    expect(getChatServiceRoute(undefined, 'compete', isRoutable)).toBe('compete');
    expect(getChatServiceRoute('brave', 'search', isRoutable)).toBe('search/brave');
    expect(getChatServiceRoute(null, null, isRoutable)).toBe('auto');
  });

  it("maps the brief's provider names unless something is routable under them", () => {
    expect(getChatServiceRoute(null, 'claude', isRoutable)).toBe('anthropic');
    expect(getChatServiceRoute('claude-haiku-4-5', 'claude', isRoutable)).toBe('anthropic/claude-haiku-4-5');
    expect(getChatServiceRoute(null, 'claude', (name) => name === 'claude')).toBe('claude');
  });
});
