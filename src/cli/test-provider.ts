import { GatewayRequestError, type GatewayClient } from './gateway-client.js';

/** How one tiny request to a provider went. */
export type ProviderTestResult =
  | { isSuccess: true; provider: string; model: string; latencyInMs: number }
  | { isSuccess: false; provider: string; message: string; latencyInMs: number };

/**
 * `/llm test <provider>`: one tiny, non-streamed request through the gateway to the provider's default
 * model (no fallback: the provider name alone is a route of its own targets), timed from here. A
 * refusal comes back as the gateway's message, which names the key variable or server to check.
 */
export async function testProvider(
  client: GatewayClient,
  provider: string,
  now: () => number = () => performance.now(),
): Promise<ProviderTestResult> {
  const startedAt = now();
  const body = {
    model: provider,
    messages: [{ role: 'user', content: 'Reply with OK.' }],
    max_tokens: 5,
  };
  try {
    const response = await client.post('/v1/chat/completions', body);
    await response.body.text();
    const header = (name: string): string => String(response.headers[name] ?? '');
    return {
      isSuccess: true,
      provider: header('x-arbiter-provider') || provider,
      model: header('x-arbiter-model'),
      latencyInMs: now() - startedAt,
    };
  } catch (error) {
    if (!(error instanceof GatewayRequestError)) throw error;
    return { isSuccess: false, provider, message: error.message, latencyInMs: now() - startedAt };
  }
}
