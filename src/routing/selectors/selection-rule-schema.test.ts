import { describe, expect, it } from 'vitest';
import { selectionRulesSchema } from './selection-rule-schema.js';

function issuesOf(input: unknown) {
  const result = selectionRulesSchema.safeParse(input);
  if (result.success) throw new Error('expected the rules to be rejected');
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('selectionRulesSchema', () => {
  it('accepts every condition type', () => {
    const rules = [
      { when: { contains: ['stack trace', 'typescript'] }, prefer: ['deepseek/*'] },
      { when: { matches: '\\b(def|class)\\s+\\w+' }, prefer: ['deepseek/deepseek-coder'] },
      { when: { minMessages: 20 }, prefer: ['gemini/*'] },
      { when: { minInputTokens: 100_000, isStream: true }, prefer: ['gemini/gemini-2.5-pro'] },
      { when: { plan: ['premium', 'enterprise'] }, prefer: ['anthropic/*', 'openai/gpt-4o'] },
      { when: { plan: 'free' }, prefer: ['groq/llama-3.1-8b-instant@groq#1'] },
    ];
    expect(selectionRulesSchema.parse(rules)).toEqual(rules);
  });

  it('names the path of a misspelt condition', () => {
    expect(
      issuesOf([
        { when: { minMessages: 2 }, prefer: ['a/*'] },
        { when: { minMesages: 2 }, prefer: ['a/*'] },
      ]),
    ).toEqual([{ path: '1.when', message: expect.stringContaining('minMesages') }]);
  });

  it('explains an invalid regular expression at its path', () => {
    expect(issuesOf([{ when: { matches: '(unclosed' }, prefer: ['a/*'] }])).toEqual([
      { path: '0.when.matches', message: expect.stringMatching(/^not a valid regular expression: /) },
    ]);
  });

  it('refuses a rule without conditions or without targets', () => {
    expect(issuesOf([{ when: {}, prefer: ['a/*'] }])).toEqual([
      { path: '0.when', message: expect.stringContaining('at least one condition') },
    ]);
    expect(issuesOf([{ when: { isStream: true }, prefer: [] }])).toEqual([
      { path: '0.prefer', message: 'name at least one target' },
    ]);
  });

  it('refuses empty phrases, non-integer counts and an empty plan list', () => {
    expect(
      issuesOf([
        { when: { contains: ['  '] }, prefer: ['a/*'] },
        { when: { minInputTokens: 1.5 }, prefer: ['a/*'] },
        { when: { plan: [] }, prefer: ['a/*'] },
      ]).map((issue) => issue.path),
    ).toEqual(['0.when.contains.0', '1.when.minInputTokens', '2.when.plan']);
  });

  it('reports each rule on its own', () => {
    expect(
      issuesOf([
        { when: { minMesages: 2 }, prefer: ['a/*'] },
        { when: {}, prefer: [] },
      ]).map((issue) => issue.path),
    ).toEqual(['0.when', '1.when', '1.prefer']);
  });
});
