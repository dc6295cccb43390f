import { describe, expect, it } from 'vitest';
import type { UsageRecord } from '../../store/usage-store.js';
import { createGatewayMetrics } from './create-gateway-metrics.js';

function makeRecord(overrides: Partial<UsageRecord> = {}): UsageRecord {
  return {
    requestId: 'req_1',
    createdAt: 0,
    keyId: 'key_a',
    endpoint: '/v1/chat/completions',
    route: 'auto',
    provider: 'openai',
    model: 'gpt-4o-mini',
    status: 200,
    isStream: false,
    isCacheHit: false,
    attempts: [
      {
        targetId: 'openai/gpt-4o-mini',
        provider: 'openai',
        model: 'gpt-4o-mini',
        isSuccess: true,
        latencyInMs: 300,
      },
    ],
    promptTokens: 10,
    completionTokens: 5,
    tokenSource: 'provider',
    costInUsd: 0.002,
    latencyInMs: 300,
    ...overrides,
  };
}

/** The value of one series in the exposition text, or undefined when absent. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('createGatewayMetrics', () => {
  it('counts requests, tokens, cost, errors and fallbacks from usage records', async () => {
    const metrics = createGatewayMetrics({ includeProcessMetrics: false });
    metrics.observe([
      makeRecord(),
      makeRecord({
        requestId: 'req_2',
        isStream: true,
        ttftInMs: 120,
        attempts: [
          {
            targetId: 'groq/llama',
            provider: 'groq',
            model: 'llama',
            isSuccess: false,
            errorKind: 'rate-limited',
            status: 429,
            latencyInMs: 20,
          },
          {
            targetId: 'openai/gpt-4o-mini',
            provider: 'openai',
            model: 'gpt-4o-mini',
            isSuccess: true,
            latencyInMs: 300,
          },
        ],
      }),
      makeRecord({
        requestId: 'req_3',
        provider: undefined,
        model: undefined,
        status: 400,
        attempts: [],
        promptTokens: 0,
        completionTokens: 0,
        costInUsd: 0,
      }),
    ]);
    const text = await metrics.render();
    expect(valueOf(text, 'llm_requests_total{provider="openai",model="gpt-4o-mini",status="200"}')).toBe(2);
    expect(valueOf(text, 'llm_requests_total{provider="none",model="none",status="400"}')).toBe(1);
    expect(valueOf(text, 'llm_tokens_used_total{provider="openai",direction="input",key_id="key_a"}')).toBe(
      20,
    );
    expect(valueOf(text, 'llm_tokens_used_total{provider="openai",direction="output",key_id="key_a"}')).toBe(
      10,
    );
    expect(valueOf(text, 'llm_cost_dollars_total{provider="openai",key_id="key_a"}')).toBeCloseTo(0.004);
    expect(valueOf(text, 'llm_errors_total{provider="groq",error_type="rate-limited"}')).toBe(1);
    expect(valueOf(text, 'llm_fallbacks_total')).toBe(1);
    expect(valueOf(text, 'llm_response_time_seconds_count{provider="openai"}')).toBe(2);
    expect(valueOf(text, 'llm_time_to_first_token_seconds_count{provider="openai"}')).toBe(1);
    expect(valueOf(text, 'llm_time_to_first_token_seconds_bucket{le="0.25",provider="openai"}')).toBe(1);
  });

  it('does not count a race loser cancelled by the gateway as an error', async () => {
    const metrics = createGatewayMetrics({ includeProcessMetrics: false });
    metrics.observe([
      makeRecord({
        attempts: [
          { targetId: 'a', provider: 'openai', model: 'm', isSuccess: true, latencyInMs: 10 },
          {
            targetId: 'b',
            provider: 'groq',
            model: 'm',
            isSuccess: false,
            errorKind: 'cancelled',
            latencyInMs: 10,
          },
        ],
      }),
    ]);
    const text = await metrics.render();
    expect(text).not.toContain('llm_errors_total{');
    expect(valueOf(text, 'llm_fallbacks_total')).toBe(0);
  });

  it('folds gateway key ids beyond the cap into "other"', async () => {
    const metrics = createGatewayMetrics({ includeProcessMetrics: false, maxKeyIds: 2 });
    metrics.observe(
      ['k1', 'k2', 'k3', 'k4'].map((keyId, index) => makeRecord({ requestId: `r${index}`, keyId })),
    );
    const text = await metrics.render();
    expect(valueOf(text, 'llm_cost_dollars_total{provider="openai",key_id="k2"}')).toBeCloseTo(0.002);
    expect(valueOf(text, 'llm_cost_dollars_total{provider="openai",key_id="other"}')).toBeCloseTo(0.004);
    expect(text).not.toContain('key_id="k3"');
  });

  it('reads circuit states, in-flight counts and learned scores when scraped', async () => {
    let state: 'closed' | 'open' = 'closed';
    const metrics = createGatewayMetrics({
      includeProcessMetrics: false,
      targets: () => [{ targetId: 'groq/llama', provider: 'groq', circuitState: state, inFlight: 3 }],
      learnedScores: () => [
        { targetId: 'groq/llama', route: 'auto', score: 0.7, terms: { reliability: 0.9 } },
      ],
    });
    expect(valueOf(await metrics.render(), 'llm_circuit_state{target="groq/llama",provider="groq"}')).toBe(0);
    state = 'open';
    const text = await metrics.render();
    expect(valueOf(text, 'llm_circuit_state{target="groq/llama",provider="groq"}')).toBe(2);
    expect(valueOf(text, 'llm_target_in_flight{target="groq/llama",provider="groq"}')).toBe(3);
    expect(valueOf(text, 'llm_learned_score{target="groq/llama",route="auto",term="total"}')).toBe(0.7);
    expect(valueOf(text, 'llm_learned_score{target="groq/llama",route="auto",term="reliability"}')).toBe(0.9);
  });

  it('keeps each gateway on its own registry, with process metrics when asked', async () => {
    const first = createGatewayMetrics();
    const second = createGatewayMetrics();
    first.observe([makeRecord()]);
    expect(await second.render()).not.toContain('llm_requests_total{');
    expect(await first.render()).toContain('process_cpu_user_seconds_total');
  });
});
