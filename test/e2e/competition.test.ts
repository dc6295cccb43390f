import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSimulator, type Simulator } from '../../src/simulator/index.js';
import { startGateway, type RunningGateway } from '../support/start-gateway.js';

/**
 * Competition through the real server and the simulator: `/compete` in the original brief's shape,
 * `race` committing on the first content token, `compete` on the OpenAI and Anthropic APIs, and a judge
 * route that answers, is too slow, or fails.
 */
let simulator: Simulator;
let running: RunningGateway;
let openai: OpenAI;

interface ContenderJSON {
  name: string;
  provider: string;
  model: string;
  response: string | null;
  error: { kind: string; message: string } | null;
  timed_out: boolean;
  time: number;
  ttft: number | null;
  tokens: number | null;
  cost: number | null;
}
interface VerdictJSON {
  evaluator: string;
  winner: string;
  scores: Record<string, number>;
  reasoning: string;
  fell_back_to?: string;
  fallback_reason?: string;
}
type CompeteBody = Record<string, unknown> & {
  winning_response: string;
  best_performer: string;
  performance_stats: Record<string, number>;
  responses: ContenderJSON[];
  verdict: VerdictJSON;
  request_id: string;
};
type Competition = { winner: string; verdict: VerdictJSON; contenders: ContenderJSON[]; total_time: number };

const judgeDeadlineInMs = 800;

beforeAll(async () => {
  simulator = await createSimulator({ seed: 5, timeScale: 0.3 });
  // Fast headers but a slow first token, against slower headers and an immediate first token (× 0.3).
  simulator.setProfile('headers-first', { latencyInMs: 10, ttftInMs: 900, tokensPerSecond: 0, jitter: 0 });
  simulator.setProfile('token-first', { latencyInMs: 250, ttftInMs: 5, tokensPerSecond: 0, jitter: 0 });
  running = await startGateway(
    {
      GROQ_API_KEY: 'sim-groq',
      GROQ_BASE_URL: `${simulator.url}/openai/v1`,
      GROQ_MODEL: 'sim-fast',
      OPENAI_API_KEY: 'sim-openai',
      OPENAI_BASE_URL: `${simulator.url}/v1`,
      OPENAI_MODEL: 'sim-fast',
      ANTHROPIC_API_KEY: 'sim-anthropic',
      ANTHROPIC_BASE_URL: simulator.url,
      ANTHROPIC_MODEL: 'sim-fast',
      MAX_RETRY_ATTEMPTS: '0',
      COMPETE_CONTENDERS: 'groq,openai',
      JUDGE_MODEL: 'openai/judge-model',
    },
    {
      configYaml: `
routes:
  judged:
    strategy: compete
    targets: [groq/sim-fast, openai/sim-fast, anthropic/sim-fast]
competition:
  judge:
    deadlineMs: ${judgeDeadlineInMs}
    rubric: Prefer the answer that names the most sea creatures.
`,
    },
  );
  openai = new OpenAI({ baseURL: `${running.url}/v1`, apiKey: 'caller', maxRetries: 0 });
});

afterAll(async () => {
  await running?.close();
  await simulator?.close();
});

beforeEach(() => {
  simulator.reset();
  simulator.setProfile('judge-model', { latencyInMs: 20, ttftInMs: 10, mode: 'normal' });
  vi.restoreAllMocks();
});

const hi = [{ role: 'user' as const, content: 'Tell me about the sea' }];

async function compete(body: Record<string, unknown>) {
  const response = await fetch(`${running.url}/compete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { response, body: (await response.json()) as CompeteBody };
}

describe('POST /compete', () => {
  it("answers in the original brief's shape, times in seconds, with every contender's details", async () => {
    const competitions = vi.spyOn(running.gateway.learning, 'recordCompetition');
    const { response, body } = await compete({
      prompt: 'Explain tides',
      temperature: 0.7,
      providers: ['groq', 'openai'],
    });
    expect(response.status).toBe(200);
    expect(typeof body.groq_response).toBe('string');
    expect(typeof body.openai_response).toBe('string');
    expect([body.groq_response, body.openai_response]).toContain(body.winning_response);
    expect(['groq', 'openai']).toContain(body.best_performer);
    expect(body.winning_response).toBe(body[`${body.best_performer}_response`]);
    const stats = body.performance_stats;
    for (const time of [stats.groq_time!, stats.openai_time!, stats.total_time!]) {
      // Seconds: the simulator answers in a few hundred milliseconds.
      expect(time).toBeGreaterThan(0.01);
      expect(time).toBeLessThan(5);
    }
    expect(stats.total_time).toBeGreaterThanOrEqual(Math.max(stats.groq_time!, stats.openai_time!));
    expect(body.responses).toHaveLength(2);
    for (const contender of body.responses) {
      expect(contender).toMatchObject({ model: 'sim-fast', error: null, timed_out: false });
      expect(contender.ttft).toBeGreaterThan(0);
      expect(contender.ttft!).toBeLessThanOrEqual(contender.time);
      expect(contender.tokens).toBeGreaterThan(0);
      expect(contender.cost).toBe(0);
    }
    expect(body.verdict).toMatchObject({ evaluator: 'fastest', winner: body.best_performer });
    expect(response.headers.get('x-arbiter-competition-winner')).toBe(body.best_performer);
    expect(response.headers.get('x-arbiter-evaluator')).toBe('fastest');
    expect(response.headers.get('x-arbiter-attempts')).toBe('2');
    expect(competitions).toHaveBeenCalledWith('compete', expect.stringMatching(/^(groq|openai)\/sim-fast@/), [
      expect.stringMatching(/^groq\/sim-fast@/),
      expect.stringMatching(/^openai\/sim-fast@/),
    ]);

    // Each contender's spend is in the usage log: the request priced at the winner, the other on its own.
    await running.gateway.usage.flush();
    const main = await running.gateway.stores.usage.get(body.request_id);
    expect(main).toMatchObject({ endpoint: '/compete', route: 'compete', provider: body.best_performer });
    const other = await running.gateway.stores.usage.get(
      `${body.request_id}_contender_${body.best_performer === 'groq' ? 2 : 1}`,
    );
    expect(other?.completionTokens).toBeGreaterThan(0);
  });

  it('uses the configured contenders when the request names none', async () => {
    const { body } = await compete({ messages: hi });
    expect(body.responses.map((contender) => contender.name)).toEqual(['groq', 'openai']);
  });

  it('cuts a straggler off at the deadline and reports it as timed out', async () => {
    const startedAt = Date.now();
    const { body } = await compete({
      prompt: 'Hi',
      contenders: ['groq', 'openai/sim-hang'],
      timeout_ms: 600,
    });
    expect(Date.now() - startedAt).toBeLessThan(1500);
    expect(body.best_performer).toBe('groq');
    expect(body.openai_response).toBeNull();
    expect(body.responses[1]).toMatchObject({ timed_out: true, error: { kind: 'timeout' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(simulator.stats()).toMatchObject({ abortedRequests: 1, inFlightRequests: 0 });
  });

  it('fails like an all-failed route when nobody answers, and refuses a malformed body', async () => {
    const failed = await compete({ prompt: 'Hi', contenders: ['groq/sim-down', 'openai/sim-down'] });
    expect(failed.response.status).toBe(503);
    const wrongEvaluator = await compete({ prompt: 'Hi', evaluator: 'loudest' });
    expect(wrongEvaluator.response.status).toBe(400);
    expect(wrongEvaluator.body).toMatchObject({ error: { param: 'evaluator', code: 'invalid_value' } });
    const unknown = await compete({ prompt: 'Hi', model: 'x' });
    expect(unknown.body).toMatchObject({ error: { param: 'model', code: 'unknown_parameter' } });
    const neither = await compete({ temperature: 1 });
    expect(neither.body).toMatchObject({ error: { param: 'prompt', code: 'missing_required_parameter' } });
  });
});

describe('race on the OpenAI API', () => {
  it('streams from the contender whose first content token came first, not its headers, and closes the other', async () => {
    const { data: stream, response } = await openai.chat.completions
      .create({
        model: 'race',
        messages: hi,
        stream: true,
        contenders: ['openai/headers-first', 'groq/token-first'],
      } as OpenAI.ChatCompletionCreateParamsStreaming)
      .withResponse();
    expect(response.headers.get('x-arbiter-provider')).toBe('groq');
    expect(response.headers.get('x-arbiter-model')).toBe('token-first');
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text.length).toBeGreaterThan(10);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(simulator.stats()).toMatchObject({ abortedRequests: 1, inFlightRequests: 0 });
    expect(simulator.stats().byModel['headers-first']).toBeDefined();
    for (const sent of simulator.requests) expect(sent.body).not.toHaveProperty('contenders');
  });

  it('refuses contest options on a model that is not a contest', async () => {
    const error = (await openai.chat.completions
      .create({
        model: 'groq/sim-fast',
        messages: hi,
        evaluator: 'judge',
      } as OpenAI.ChatCompletionCreateParamsNonStreaming)
      .catch((thrown: unknown) => thrown)) as InstanceType<typeof OpenAI.APIError>;
    expect(error.status).toBe(400);
    expect(error.code).toBe('contest_option_not_applicable');
  });
});

describe('compete on the OpenAI and Anthropic APIs', () => {
  it('answers with the winner and the whole competition beside it', async () => {
    const { data, response } = await openai.chat.completions
      .create({
        model: 'compete',
        messages: hi,
        contenders: ['groq', 'anthropic'],
      } as OpenAI.ChatCompletionCreateParamsNonStreaming)
      .withResponse();
    const competition = (data as unknown as { arbiter_competition: Competition }).arbiter_competition;
    expect(competition.contenders.map((contender) => contender.name)).toEqual(['groq', 'anthropic']);
    const winner = competition.contenders.find((contender) => contender.name === competition.winner)!;
    expect(data.choices[0]!.message.content).toBe(winner.response);
    expect(response.headers.get('x-arbiter-provider')).toBe(winner.provider);
    expect(competition.verdict.evaluator).toBe('fastest');
    for (const sent of simulator.requests) expect(sent.body).not.toHaveProperty('contenders');
  });

  it('streams the winner once the verdict is in', async () => {
    const { data: stream, response } = await openai.chat.completions
      .create({ model: 'compete', messages: hi, stream: true })
      .withResponse();
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(['groq', 'openai']).toContain(response.headers.get('x-arbiter-competition-winner'));
    expect(text.length).toBeGreaterThan(10);
  });

  it('works through the Anthropic SDK, streamed or not', async () => {
    const anthropic = new Anthropic({ baseURL: running.url, apiKey: 'caller', maxRetries: 0 });
    const message = await anthropic.messages.create({
      model: 'compete',
      max_tokens: 200,
      messages: [{ role: 'user', content: 'Tell me about the sea' }],
    });
    const competition = (message as unknown as { arbiter_competition: Competition }).arbiter_competition;
    const winner = competition.contenders.find((contender) => contender.name === competition.winner)!;
    expect(message.content[0]).toMatchObject({ type: 'text', text: winner.response });
    const stream = anthropic.messages.stream({
      model: 'compete',
      max_tokens: 200,
      messages: [{ role: 'user', content: 'Tell me about the sea' }],
    });
    const streamed = await stream.finalMessage();
    expect(streamed.content[0]!.type).toBe('text');
    expect(streamed.stop_reason).toBe('end_turn');
  });

  it('serves /chat with model_provider compete', async () => {
    const response = await fetch(`${running.url}/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Hello', model_provider: 'compete' }),
    });
    const body = (await response.json()) as { message: string; model_used: string };
    expect(response.status).toBe(200);
    expect(['groq/sim-fast', 'openai/sim-fast']).toContain(body.model_used);
    expect(body.message.length).toBeGreaterThan(0);
    expect(response.headers.get('x-arbiter-competition-winner')).toBeNull();
  });
});

describe('the judge', () => {
  let lastRequestId = '';
  async function judged(): Promise<Competition> {
    const { data, response } = await openai.chat.completions
      .create({
        model: 'judged',
        messages: hi,
        evaluator: 'judge',
      } as OpenAI.ChatCompletionCreateParamsNonStreaming)
      .withResponse();
    lastRequestId = response.headers.get('x-request-id')!;
    return (data as unknown as { arbiter_competition: Competition }).arbiter_competition;
  }

  it('grades every answer on a config route with strategy compete, and teaches the grades', async () => {
    const quality = vi.spyOn(running.gateway.learning, 'recordQuality');
    const competition = await judged();
    expect(competition.verdict.fell_back_to).toBeUndefined();
    expect(competition.verdict.evaluator).toBe('judge');
    expect(Object.keys(competition.verdict.scores).sort()).toEqual([
      'anthropic/sim-fast',
      'groq/sim-fast',
      'openai/sim-fast',
    ]);
    const best = Math.max(...Object.values(competition.verdict.scores));
    expect(competition.verdict.scores[competition.winner]).toBe(best);
    expect(competition.verdict.reasoning).toMatch(/A = \S+, B = \S+, C = \S+/);
    const judgeRequest = simulator.requests.find(
      (request) => (request.body as { model?: string }).model === 'judge-model',
    );
    const sent = judgeRequest!.body as {
      response_format: { type: string };
      messages: Array<{ content: string }>;
    };
    expect(sent.response_format.type).toBe('json_schema');
    expect(sent.messages[1]!.content).toContain('Prefer the answer that names the most sea creatures.');
    // The judge's spend is recorded beside the contenders'.
    await running.gateway.usage.flush();
    const judgeRecord = await running.gateway.stores.usage.get(`${lastRequestId}_judge`);
    expect(judgeRecord).toMatchObject({ route: 'openai/judge-model', model: 'judge-model', status: 200 });
    expect(quality).toHaveBeenCalledTimes(3);
    expect(quality).toHaveBeenCalledWith(
      expect.stringMatching(/^groq\/sim-fast@/),
      'judged',
      competition.verdict.scores['groq/sim-fast'],
      'judge',
    );
  });

  it('falls back to fastest when the judge misses its deadline, without waiting for it', async () => {
    simulator.setProfile('judge-model', { latencyInMs: 5000 });
    const startedAt = Date.now();
    const competition = await judged();
    expect(Date.now() - startedAt).toBeLessThan(judgeDeadlineInMs + 2000);
    expect(competition.verdict).toMatchObject({
      evaluator: 'judge',
      fell_back_to: 'fastest',
      fallback_reason: `the judge did not answer within ${judgeDeadlineInMs} ms`,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(simulator.stats().inFlightRequests).toBe(0);
  });

  it('falls back to fastest when the judge fails, never failing the request', async () => {
    simulator.setProfile('judge-model', { mode: 'down' });
    const competition = await judged();
    expect(competition.verdict.fell_back_to).toBe('fastest');
    expect(competition.verdict.fallback_reason).toMatch(/^the judge failed: /);
  });
});
