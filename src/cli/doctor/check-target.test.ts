import { describe, expect, it } from 'vitest';
import type { Target } from '../../routing/target.js';
import type { ModelsCall, ProviderAdapter } from '../../spec/provider-adapter.js';
import { ProviderError, type ProviderErrorKind } from '../../spec/provider-error.js';
import { createFakeAdapter } from '../../../test/support/create-fake-adapter.js';
import { checkTarget } from './check-target.js';

function targetWith(adapter: ProviderAdapter): Target {
  return {
    id: 'groq/llama@groq#1',
    provider: 'groq',
    family: 'openai',
    model: 'llama',
    credential: { id: 'groq#1', apiKey: 'gsk-secret' },
    baseUrl: 'https://api.groq.test/openai/v1',
    adapter,
    timeoutInMs: 60_000,
  };
}

function listingAdapter(listModels: (call: ModelsCall) => Promise<[]>): ProviderAdapter {
  const unused = () => Promise.reject(new Error('not called'));
  return { provider: 'groq', chat: unused, chatStream: unused, listModels };
}

const failing = (kind: ProviderErrorKind, status?: number) =>
  listingAdapter(() =>
    Promise.reject(new ProviderError({ kind, provider: 'groq', status, message: `${kind}!` })),
  );

describe('checkTarget', () => {
  it('lists models when the adapter can, with the key and base URL of the target', async () => {
    const calls: ModelsCall[] = [];
    const check = await checkTarget(targetWith(listingAdapter(async (call) => (calls.push(call), []))), 1000);
    expect(check).toMatchObject({ status: 'ok', method: 'models' });
    expect(calls[0]).toMatchObject({
      credential: { id: 'groq#1', apiKey: 'gsk-secret' },
      baseUrl: 'https://api.groq.test/openai/v1',
    });
  });

  it('falls back to a one-token chat for adapters that cannot list models', async () => {
    const { adapter, calls } = createFakeAdapter('groq', [{ response: 'ok' }]);
    const check = await checkTarget(targetWith(adapter), 1000);
    expect(check).toMatchObject({ status: 'ok', method: 'chat' });
    expect(calls[0]).toMatchObject({ model: 'llama', request: { max_tokens: 1 } });
  });

  it.each([
    ['auth', 401, 'key-rejected'],
    ['network', undefined, 'unreachable'],
    ['timeout', undefined, 'unreachable'],
    ['rate-limited', 429, 'rate-limited'],
    ['quota', 429, 'failed'],
    ['server', 500, 'failed'],
  ] as const)('classifies %s as %s', async (kind, status, expected) => {
    const check = await checkTarget(targetWith(failing(kind, status)), 1000);
    expect(check.status).toBe(expected);
    expect(check.message).toBe(`${kind}!`);
    expect(check.attempt).toMatchObject({
      provider: 'groq',
      credentialId: 'groq#1',
      isSuccess: false,
      status,
    });
  });

  it('gives up on a host that does not answer in time, and files it as unreachable for the fix', async () => {
    const hanging = listingAdapter(
      (call) =>
        new Promise((_resolve, reject) =>
          call.signal.addEventListener('abort', () =>
            reject(
              new ProviderError({
                kind: 'timeout',
                provider: 'groq',
                message: 'groq did not answer in time',
              }),
            ),
          ),
        ),
    );
    const check = await checkTarget(targetWith(hanging), 10);
    expect(check).toMatchObject({ status: 'unreachable', attempt: { errorKind: 'network' } });
  });
});
