import { describe, expect, it } from 'vitest';
import { getPublicBindingRefusal, isLoopbackHost } from './check-public-binding.js';

describe('getPublicBindingRefusal', () => {
  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'example.com']) expect(isLoopbackHost(host)).toBe(false);
  });

  it('refuses a public address only when no key exists and nobody said a proxy authenticates', () => {
    expect(getPublicBindingRefusal('0.0.0.0', false, false)).toContain('Arbiter will not listen on 0.0.0.0');
    expect(getPublicBindingRefusal('0.0.0.0', true, false)).toBeUndefined();
    expect(getPublicBindingRefusal('0.0.0.0', false, true)).toBeUndefined();
    expect(getPublicBindingRefusal('127.0.0.1', false, false)).toBeUndefined();
  });
});
