import { countSimulatedTokens, splitIntoSimulatedTokens } from '../count-simulated-tokens.js';
import { planSimulatedAnswer, type PlanContext } from '../plan-simulated-answer.js';
import type { SimulatedAnswerPlan, SimulatedTiming, SimulatedToolCall } from '../simulated-answer.js';
import { createSeededRandom, hashSeed } from '../seeded-random.js';
import { generateSimulatedText } from '../simulated-text.js';
import { summarizePrompt } from '../summarize-prompt.js';
import type { AnthropicWireRequest } from './convert-anthropic-wire-request.js';

export type AnthropicStopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use';

/** One planned Anthropic answer: its blocks' tokens, stop reason and usage. */
export interface AnthropicAnswer {
  kind: 'answer';
  /** Empty unless the request turned thinking on. */
  thinkingTokens: readonly string[];
  textTokens: readonly string[];
  toolCalls: readonly SimulatedToolCall[];
  stopReason: AnthropicStopReason;
  /** The stop sequence that ended the text, when `stopReason` is `stop_sequence`. */
  stopSequence: string | null;
  inputTokens: number;
  /** Thinking, text, tool names and arguments: everything emitted. */
  outputTokens: number;
  timing: SimulatedTiming;
  cutAfterChunks?: number;
}

export type AnthropicAnswerPlan = Exclude<SimulatedAnswerPlan, { kind: 'answer' }> | AnthropicAnswer;

/** Thinking text is short: enough to show the block, not to slow tests down. */
const thinkingTargetTokens = 24;

/**
 * The shared plan, rendered Anthropic's way: thinking (when enabled) comes first and counts against
 * `max_tokens`, as Anthropic's does; then the planned text is cut at the earliest stop sequence it
 * contains, which becomes `stop_reason: "stop_sequence"` with the matched string (the text before it is
 * kept, the sequence itself is not emitted). Finish reasons map to `end_turn`, `max_tokens`, `tool_use`.
 */
export function planAnthropicAnswer(wire: AnthropicWireRequest, context: PlanContext): AnthropicAnswerPlan {
  const limit = wire.chat.max_tokens ?? 0;
  const thinkingTokens = wire.thinking ? planThinking(wire, context.seed, limit) : [];
  const plan = planSimulatedAnswer({ ...wire.chat, max_tokens: limit - thinkingTokens.length }, context);
  if (plan.kind !== 'answer') return plan;
  const choice = plan.choices[0]!;
  let textTokens = choice.textTokens;
  let stopSequence: string | null = null;
  if (choice.toolCalls.length === 0 && wire.stopSequences.length > 0) {
    const text = textTokens.join('');
    const match = findEarliestStop(text, wire.stopSequences);
    if (match !== undefined) {
      textTokens = splitIntoSimulatedTokens(text.slice(0, match.position));
      stopSequence = match.sequence;
    }
  }
  const stopReason: AnthropicStopReason =
    stopSequence !== null
      ? 'stop_sequence'
      : choice.finishReason === 'length'
        ? 'max_tokens'
        : choice.finishReason === 'tool_calls'
          ? 'tool_use'
          : 'end_turn';
  let outputTokens = thinkingTokens.length + textTokens.length;
  for (const call of choice.toolCalls)
    outputTokens += countSimulatedTokens(call.name) + call.argumentTokens.length;
  return {
    kind: 'answer',
    thinkingTokens,
    textTokens,
    toolCalls: choice.toolCalls,
    stopReason,
    stopSequence,
    inputTokens: plan.usage.promptTokens,
    outputTokens,
    timing: plan.timing,
    cutAfterChunks: plan.cutAfterChunks,
  };
}

function planThinking(wire: AnthropicWireRequest, seed: number, limit: number): string[] {
  const summary = summarizePrompt(wire.chat);
  const random = createSeededRandom(hashSeed(seed, 'thinking', summary.fingerprint));
  const topic = summary.topicWords[0] ?? 'this request';
  const text = `The user is asking about ${topic}. ${generateSimulatedText({
    random,
    topicWords: summary.topicWords,
    targetTokens: thinkingTargetTokens,
  })}`;
  const budget = Math.min(limit, wire.thinking?.budgetTokens ?? limit);
  return splitIntoSimulatedTokens(text).slice(0, budget);
}

function findEarliestStop(
  text: string,
  sequences: readonly string[],
): { position: number; sequence: string } | undefined {
  let earliest: { position: number; sequence: string } | undefined;
  for (const sequence of sequences) {
    const position = sequence === '' ? -1 : text.indexOf(sequence);
    if (position !== -1 && (earliest === undefined || position < earliest.position)) {
      earliest = { position, sequence };
    }
  }
  return earliest;
}
