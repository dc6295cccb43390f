import { describe, expect, it } from 'vitest';
import { countSimulatedTokens } from './count-simulated-tokens.js';
import { createSeededRandom } from './seeded-random.js';
import { generateSimulatedText, generateToolResultText } from './simulated-text.js';

describe('generateSimulatedText', () => {
  it('writes 30 to about 90 tokens of sentences that mention the topic', () => {
    for (let seed = 0; seed < 100; seed++) {
      const text = generateSimulatedText({
        random: createSeededRandom(seed),
        topicWords: ['kubernetes', 'scaling'],
      });
      const tokens = countSimulatedTokens(text);
      expect(tokens).toBeGreaterThanOrEqual(30);
      expect(tokens).toBeLessThanOrEqual(100);
      expect(text).toMatch(/kubernetes|scaling/i);
      expect(text).toMatch(/^[A-Z].*[.!?]$/s);
      expect(text).not.toMatch(/lorem|ipsum|\{|\}|undefined/i);
    }
  });

  it('is deterministic for a seed and different across seeds', () => {
    const write = (seed: number) =>
      generateSimulatedText({ random: createSeededRandom(seed), topicWords: ['tea'] });
    expect(write(5)).toBe(write(5));
    expect(new Set([1, 2, 3, 4, 5].map(write)).size).toBe(5);
  });

  it('still reads well without topic words', () => {
    const text = generateSimulatedText({ random: createSeededRandom(1), topicWords: [], targetTokens: 10 });
    expect(text).toMatch(/^[A-Z][^{}]+\.$/s);
  });
});

describe('generateToolResultText', () => {
  it('quotes each tool result briefly, by tool name', () => {
    const text = generateToolResultText(
      [
        { name: 'get_weather', content: '{"temperature": 21,\n "sky": "clear"}' },
        { name: 'get_time', content: 'x '.repeat(100) },
      ],
      createSeededRandom(1),
      ['weather'],
    );
    expect(text).toContain('According to get_weather, the result is {"temperature": 21, "sky": "clear"}.');
    expect(text).toContain('According to get_time, the result is x x x');
    expect(text).toContain(' …');
  });
});
