import { describe, expect, it } from 'vitest';
import { describeConfigFix } from './describe-config-fix.js';

describe('describeConfigFix', () => {
  it('sends an environment variable back to where it is set', () => {
    expect(describeConfigFix({ path: 'GROQ_API_KEY (item 2)', message: 'is empty' })).toBe(
      'fix or unset GROQ_API_KEY in the environment or .env (.env.example documents every variable)',
    );
  });

  it('sends a config-file path to the file', () => {
    expect(
      describeConfigFix({ path: 'providers.groq.timeout', message: 'expected a number' }, './x.yaml'),
    ).toBe(`fix "providers.groq.timeout" in ./x.yaml (the README's Configure section shows the format)`);
  });
});
