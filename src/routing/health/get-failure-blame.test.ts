import { describe, expect, it } from 'vitest';
import { getFailureBlame } from './get-failure-blame.js';

describe('getFailureBlame', () => {
  it('blames the upstream only for faults another attempt can fix', () => {
    expect(
      (['server', 'overloaded', 'timeout', 'network', 'rate-limited'] as const).map(getFailureBlame),
    ).toEqual(['upstream', 'upstream', 'upstream', 'upstream', 'upstream']);
  });

  it('blames the key for auth and quota, the target for an unknown model', () => {
    expect(getFailureBlame('auth')).toBe('credential');
    expect(getFailureBlame('quota')).toBe('credential');
    expect(getFailureBlame('not-found')).toBe('target');
  });

  it("blames the caller's request for bad requests, context length and content filters", () => {
    expect((['bad-request', 'context-length', 'content-filter'] as const).map(getFailureBlame)).toEqual([
      'request',
      'request',
      'request',
    ]);
  });

  it('learns nothing from a cancelled attempt', () => {
    expect(getFailureBlame('cancelled')).toBe('none');
  });
});
