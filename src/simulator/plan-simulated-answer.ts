import type { ChatRequest } from '../spec/index.js';
import type { BehaviourProfile } from './behaviour-profiles.js';
import { chooseToolsToCall } from './choose-tools-to-call.js';
import { countPromptTokens, countSimulatedTokens } from './count-simulated-tokens.js';
import { planSimulatedChoice } from './plan-simulated-choice.js';
import type {
  SimulatedAnswerPlan,
  SimulatedChoice,
  SimulatedFailure,
  SimulatedTiming,
} from './simulated-answer.js';
import { hashSeed, type SeededRandom } from './seeded-random.js';
import { summarizePrompt } from './summarize-prompt.js';

export interface PlanContext {
  profile: BehaviourProfile;
  seed: number;
  timeScale: number;
  /** This request's own sequence (failures, jitter), fixed by the seed, the model and its arrival order. */
  random: SeededRandom;
}

/**
 * Decides everything about one answer before a byte is written: failure or success, timing, and for
 * each of the `n` choices the exact tokens, tool calls and finish reason, with usage that counts
 * exactly what will be emitted. The content depends only on the seed and the prompt (plus `seed`,
 * `temperature` and the choice index), so equal requests get equal answers.
 */
export function planSimulatedAnswer(request: ChatRequest, context: PlanContext): SimulatedAnswerPlan {
  const { profile, random } = context;
  const isDrawnToFail = random.chance(profile.errorRate);
  const timing = planTiming(profile, context.timeScale, random);
  if (isDrawnToFail) return failAfterLatency(getFailureForStatus(profile.errorStatus, profile), timing);
  if (profile.mode === 'down') return failAfterLatency({ kind: 'overloaded', status: 503 }, timing);
  if (profile.mode === 'rate-limited') {
    return failAfterLatency(
      { kind: 'rate-limited', status: 429, retryAfterSeconds: profile.retryAfterSeconds },
      timing,
    );
  }
  if (profile.mode === 'hang') return { kind: 'hang' };

  const summary = summarizePrompt(request);
  const toolsToCall = chooseToolsToCall(request, profile.mode, summary.toolResults.length > 0);
  const choices: SimulatedChoice[] = [];
  let completionTokens = 0;
  for (let index = 0; index < (request.n ?? 1); index++) {
    const textSeed = hashSeed(context.seed, summary.fingerprint, request.seed, request.temperature, index);
    const choice = planSimulatedChoice(request, index, summary, toolsToCall, textSeed);
    completionTokens += choice.textTokens.length;
    for (const call of choice.toolCalls)
      completionTokens += countToolCallTokens(call.name, call.argumentTokens);
    choices.push(choice);
  }
  return {
    kind: 'answer',
    choices,
    usage: { promptTokens: countPromptTokens(request), completionTokens },
    timing,
    cutAfterChunks: profile.mode === 'cut' ? profile.cutAfterChunks : undefined,
  };
}

/** Maps any configured error status onto the failure a real provider sends with it. */
function getFailureForStatus(status: number, profile: BehaviourProfile): SimulatedFailure {
  if (status === 429) return { kind: 'rate-limited', status, retryAfterSeconds: profile.retryAfterSeconds };
  if (status === 401 || status === 403) return { kind: 'invalid-key', status };
  if (status === 404) return { kind: 'not-found', status };
  if (status === 408 || status === 504) return { kind: 'timeout', status };
  if (status === 503 || status === 529) return { kind: 'overloaded', status };
  if (status === 400) return { kind: 'context-length', status };
  return { kind: status >= 500 ? 'server' : 'bad-request', status };
}

function failAfterLatency(failure: SimulatedFailure, timing: SimulatedTiming): SimulatedAnswerPlan {
  return { kind: 'failure', failure, delayInMs: timing.latencyInMs };
}

function planTiming(profile: BehaviourProfile, timeScale: number, random: SeededRandom): SimulatedTiming {
  const spread = (value: number): number =>
    value * timeScale * (1 + profile.jitter * (2 * random.next() - 1));
  return {
    latencyInMs: spread(profile.latencyInMs),
    ttftInMs: spread(profile.ttftInMs),
    tokenIntervalInMs: profile.tokensPerSecond > 0 ? spread(1000 / profile.tokensPerSecond) : 0,
  };
}

function countToolCallTokens(name: string, argumentTokens: readonly string[]): number {
  return countSimulatedTokens(name) + argumentTokens.length;
}
