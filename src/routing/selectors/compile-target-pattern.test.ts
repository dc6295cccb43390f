import { describe, expect, it } from 'vitest';
import { createTestTarget } from './__fixtures__/create-selection-context.js';
import { compileTargetPattern } from './compile-target-pattern.js';

const groq = createTestTarget('groq/llama-3.3-70b-versatile@groq#3f9a');
const openrouter = createTestTarget('openrouter/meta-llama/llama-3.2-3b-instruct:free@openrouter#1');

describe('compileTargetPattern', () => {
  it('matches an exact target id or provider/model', () => {
    expect(compileTargetPattern('groq/llama-3.3-70b-versatile@groq#3f9a')(groq)).toBe(true);
    expect(compileTargetPattern('groq/llama-3.3-70b-versatile@groq#other')(groq)).toBe(false);
    expect(compileTargetPattern('groq/llama-3.3-70b-versatile')(groq)).toBe(true);
    expect(compileTargetPattern('groq/llama-3.3')(groq)).toBe(false);
  });

  it('treats * as any run of characters and nothing else as special', () => {
    expect(compileTargetPattern('groq/*')(groq)).toBe(true);
    expect(compileTargetPattern('*/llama-*')(groq)).toBe(true);
    expect(compileTargetPattern('openrouter/*:free')(openrouter)).toBe(true);
    expect(compileTargetPattern('openai/*')(groq)).toBe(false);
    expect(compileTargetPattern('groq/llama.3.3-70b-versatile')(groq)).toBe(false);
    expect(compileTargetPattern('*@groq#3f9a')(groq)).toBe(true);
  });
});
