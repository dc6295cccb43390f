import { describe, expect, it } from 'vitest';
import type { ChatRequest, ChatTool } from '../spec/index.js';
import { builtInProfiles, type BehaviourProfile } from './behaviour-profiles.js';
import { countSimulatedTokens } from './count-simulated-tokens.js';
import { planSimulatedAnswer } from './plan-simulated-answer.js';
import type { SimulatedAnswer, SimulatedAnswerPlan } from './simulated-answer.js';
import { createSeededRandom } from './seeded-random.js';

const tools: ChatTool[] = ['lookup_order', 'cancel_order'].map((name) => ({
  type: 'function',
  function: {
    name,
    parameters: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
  },
}));

function plan(
  request: Partial<ChatRequest>,
  profile: Partial<BehaviourProfile> = {},
  seed = 1,
): SimulatedAnswerPlan {
  return planSimulatedAnswer(
    { model: 'sim-fast', messages: [{ role: 'user', content: 'Where is my order?' }], ...request },
    {
      profile: { ...builtInProfiles['sim-fast']!, ...profile },
      seed: 42,
      timeScale: 1,
      random: createSeededRandom(seed),
    },
  );
}

function answer(request: Partial<ChatRequest>, profile: Partial<BehaviourProfile> = {}): SimulatedAnswer {
  const planned = plan(request, profile);
  if (planned.kind !== 'answer') throw new Error(`expected an answer, got ${planned.kind}`);
  return planned;
}

const calledTools = (planned: SimulatedAnswer) => planned.choices[0]!.toolCalls.map((call) => call.name);

describe('planSimulatedAnswer', () => {
  it('decides tool calls from tool_choice and the mode', () => {
    expect(calledTools(answer({ tools }))).toEqual([]);
    expect(calledTools(answer({ tools }, { mode: 'tools' }))).toEqual(['lookup_order', 'cancel_order']);
    expect(calledTools(answer({ tools, parallel_tool_calls: false }, { mode: 'tools' }))).toEqual([
      'lookup_order',
    ]);
    expect(calledTools(answer({ tools, tool_choice: 'none' }, { mode: 'tools' }))).toEqual([]);
    expect(calledTools(answer({ tools, tool_choice: 'required' }))).toEqual(['lookup_order']);
    expect(
      calledTools(answer({ tools, tool_choice: { type: 'function', function: { name: 'cancel_order' } } })),
    ).toEqual(['cancel_order']);
    const allowed = {
      type: 'allowed_tools' as const,
      allowed_tools: {
        mode: 'required' as const,
        tools: [{ type: 'function', function: { name: 'cancel_order' } }],
      },
    };
    expect(calledTools(answer({ tools, tool_choice: allowed }))).toEqual(['cancel_order']);
  });

  it('answers in text after tool results unless a tool is forced', () => {
    const messages: ChatRequest['messages'] = [
      { role: 'user', content: 'Where is my order?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_a', type: 'function', function: { name: 'lookup_order', arguments: '{"id":"7"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_a', content: 'shipped on Monday' },
    ];
    const text = answer({ messages, tools }, { mode: 'tools' }).choices[0]!;
    expect(text.finishReason).toBe('stop');
    expect(text.textTokens.join('')).toContain('According to lookup_order, the result is shipped on Monday.');
    expect(calledTools(answer({ messages, tools, tool_choice: 'required' }, { mode: 'tools' }))).toHaveLength(
      2,
    );
  });

  it('counts exactly the emitted tokens, also when a limit cuts a tool call', () => {
    const planned = answer({ tools, tool_choice: 'required', max_tokens: 4 });
    const call = planned.choices[0]!.toolCalls[0]!;
    expect(planned.choices[0]!.finishReason).toBe('length');
    expect(call.argumentTokens.join('')).toBe('{"id');
    expect(planned.usage.completionTokens).toBe(
      countSimulatedTokens('lookup_order') + call.argumentTokens.length,
    );
    const tiny = answer({ tools, tool_choice: 'required', max_tokens: 1 }, { mode: 'tools' });
    expect(tiny.choices[0]!.toolCalls).toHaveLength(1);
    expect(tiny.usage.completionTokens).toBe(1);
  });

  it('fails, hangs or answers as the profile says, with failures drawn from the request sequence', () => {
    expect(plan({}, { mode: 'down' })).toMatchObject({
      kind: 'failure',
      failure: { kind: 'overloaded', status: 503 },
    });
    expect(plan({}, { mode: 'rate-limited', retryAfterSeconds: 4 })).toMatchObject({
      failure: { kind: 'rate-limited', status: 429, retryAfterSeconds: 4 },
    });
    expect(plan({}, { mode: 'hang' })).toEqual({ kind: 'hang' });
    expect(plan({}, { errorRate: 1, errorStatus: 400 })).toMatchObject({
      failure: { kind: 'context-length' },
    });
    const outcomes = Array.from({ length: 100 }, (_, seed) => plan({}, { errorRate: 0.5 }, seed).kind);
    expect(outcomes.filter((kind) => kind === 'failure').length).toBeGreaterThan(30);
    expect(outcomes.filter((kind) => kind === 'answer').length).toBeGreaterThan(30);
  });

  it('scales and jitters delays within the profile bounds', () => {
    const timing = answer({}, { latencyInMs: 100, ttftInMs: 200, tokensPerSecond: 50, jitter: 0.5 }).timing;
    expect(timing.latencyInMs).toBeGreaterThanOrEqual(50);
    expect(timing.latencyInMs).toBeLessThanOrEqual(150);
    expect(timing.ttftInMs).toBeGreaterThanOrEqual(100);
    expect(timing.tokenIntervalInMs).toBeGreaterThanOrEqual(10);
    expect(timing.tokenIntervalInMs).toBeLessThanOrEqual(30);
    expect(answer({}, { tokensPerSecond: 0, latencyInMs: 0, ttftInMs: 0 }).timing).toEqual({
      latencyInMs: 0,
      ttftInMs: 0,
      tokenIntervalInMs: 0,
    });
  });
});
