import { describe, expect, it } from 'vitest';
import { createSelectionContext, createTestTarget, idsOf } from './__fixtures__/create-selection-context.js';
import { createRulesSelector } from './rules-selector.js';
import type { SelectionRule } from './selection-rule-schema.js';
import type { SelectionRequest } from './selector.js';

const ids = [
  'openai/gpt-4o-mini@openai#1',
  'deepseek/deepseek-coder@deepseek#1',
  'gemini/gemini-2.5-pro@gemini#1',
  'anthropic/claude-sonnet-4-5@anthropic#1',
  'anthropic/claude-haiku-4-5@anthropic#1',
];
const targets = ids.map(createTestTarget);

function orderFor(rules: SelectionRule[], request: Partial<SelectionRequest>): string[] {
  return idsOf(createRulesSelector({ rules }).order(targets, createSelectionContext({ request })));
}

const toCoder: SelectionRule[] = [
  { when: { contains: ['typescript', 'stack trace'] }, prefer: ['deepseek/*'] },
];

describe('rules selector: conditions', () => {
  it('contains: any of the words or phrases, case-insensitive', () => {
    expect(orderFor(toCoder, { text: 'Why does my TypeScript build fail?' })[0]).toBe(
      'deepseek/deepseek-coder@deepseek#1',
    );
    expect(orderFor(toCoder, { text: 'Here is the stack  trace' })[0]).toBe(
      'deepseek/deepseek-coder@deepseek#1',
    );
    expect(orderFor(toCoder, { text: 'Write me a poem' })).toEqual(ids);
  });

  it('matches: a regular expression, case-insensitive', () => {
    const rules: SelectionRule[] = [{ when: { matches: '^\\s*(def|class) \\w+' }, prefer: ['deepseek/*'] }];
    expect(orderFor(rules, { text: 'DEF parse(text):' })[0]).toBe('deepseek/deepseek-coder@deepseek#1');
    expect(orderFor(rules, { text: 'what is a class?' })).toEqual(ids);
  });

  it('minMessages and minInputTokens: long conversations to a long-context model', () => {
    const byMessages: SelectionRule[] = [{ when: { minMessages: 30 }, prefer: ['gemini/*'] }];
    expect(orderFor(byMessages, { messageCount: 30 })[0]).toBe('gemini/gemini-2.5-pro@gemini#1');
    expect(orderFor(byMessages, { messageCount: 29 })).toEqual(ids);
    const byTokens: SelectionRule[] = [{ when: { minInputTokens: 100_000 }, prefer: ['gemini/*'] }];
    expect(orderFor(byTokens, { estimatedInputTokens: 150_000 })[0]).toBe('gemini/gemini-2.5-pro@gemini#1');
    expect(orderFor(byTokens, { estimatedInputTokens: 99_999 })).toEqual(ids);
  });

  it('plan: one plan or any of several, never matching a caller without a plan', () => {
    const rules: SelectionRule[] = [{ when: { plan: ['premium', 'enterprise'] }, prefer: ['anthropic/*'] }];
    expect(orderFor(rules, { plan: 'enterprise' }).slice(0, 2)).toEqual([
      'anthropic/claude-sonnet-4-5@anthropic#1',
      'anthropic/claude-haiku-4-5@anthropic#1',
    ]);
    expect(orderFor(rules, { plan: 'free' })).toEqual(ids);
    expect(orderFor(rules, {})).toEqual(ids);
    const single: SelectionRule[] = [{ when: { plan: 'free' }, prefer: ['openai/gpt-4o-mini'] }];
    expect(orderFor(single, { plan: 'free' })[0]).toBe('openai/gpt-4o-mini@openai#1');
  });

  it('isStream: only streamed or only non-streamed requests', () => {
    const rules: SelectionRule[] = [{ when: { isStream: true }, prefer: ['gemini/*'] }];
    expect(orderFor(rules, { isStream: true })[0]).toBe('gemini/gemini-2.5-pro@gemini#1');
    expect(orderFor(rules, { isStream: false })).toEqual(ids);
  });

  it('requires every condition of a rule to hold', () => {
    const rules: SelectionRule[] = [
      { when: { contains: ['typescript'], minMessages: 3, isStream: false }, prefer: ['deepseek/*'] },
    ];
    expect(orderFor(rules, { text: 'typescript', messageCount: 3 })[0]).toBe(
      'deepseek/deepseek-coder@deepseek#1',
    );
    expect(orderFor(rules, { text: 'typescript', messageCount: 2 })).toEqual(ids);
    expect(orderFor(rules, { text: 'typescript', messageCount: 3, isStream: true })).toEqual(ids);
  });
});

describe('rules selector: order', () => {
  it("puts the first matching rule's targets first in its order, the rest in route order", () => {
    const rules: SelectionRule[] = [
      { when: { contains: ['poem'] }, prefer: ['openai/gpt-4o-mini'] },
      { when: { contains: ['review'] }, prefer: ['anthropic/claude-haiku-4-5', 'deepseek/*', 'anthropic/*'] },
      { when: { contains: ['review', 'code'] }, prefer: ['gemini/*'] },
    ];
    expect(orderFor(rules, { text: 'please review this code' })).toEqual([
      'anthropic/claude-haiku-4-5@anthropic#1',
      'deepseek/deepseek-coder@deepseek#1',
      'anthropic/claude-sonnet-4-5@anthropic#1',
      'openai/gpt-4o-mini@openai#1',
      'gemini/gemini-2.5-pro@gemini#1',
    ]);
  });

  it('keeps the route order when the preferred targets are not in the route', () => {
    const rules: SelectionRule[] = [{ when: { isStream: false }, prefer: ['mistral/*'] }];
    expect(orderFor(rules, {})).toEqual(ids);
  });

  it('refuses an invalid pattern at construction', () => {
    expect(() => createRulesSelector({ rules: [{ when: { matches: '(' }, prefer: ['a/*'] }] })).toThrow(
      SyntaxError,
    );
  });
});
