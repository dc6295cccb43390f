import type { BehaviourProfile } from '../behaviour-profiles.js';
import { countSimulatedTokens } from '../count-simulated-tokens.js';
import { createSeededRandom, hashSeed, type SeededRandom } from '../seeded-random.js';
import type { SimulatedFailure, SimulatedFailurePlan, SimulatedHang } from '../simulated-answer.js';

/** One text to embed, or (OpenAI only) the token ids of one. */
export type SimulatedEmbeddingInput = string | readonly number[];

export interface SimulatedEmbeddings {
  kind: 'embeddings';
  /** Unit-length vectors in float32 precision, one per input. */
  vectors: number[][];
  promptTokens: number;
  /** When to answer, after `timeScale` and jitter. */
  delayInMs: number;
}

/** What the simulator does for one embeddings request, free of any wire format (Ollama and Azure share it). */
export type SimulatedEmbeddingsPlan = SimulatedEmbeddings | SimulatedFailurePlan | SimulatedHang;

export interface EmbeddingsPlanContext {
  profile: BehaviourProfile;
  seed: number;
  timeScale: number;
  /** This request's own sequence (failures, jitter), as for chat. */
  random: SeededRandom;
  dimensions: number;
}

/**
 * Decides an embeddings answer with the same behaviours as chat (the profile's error rate, `down`,
 * `rate-limited` and `hang` modes, latency and jitter). Vectors are a bag of words: each lower-cased word
 * adds a pseudo-random direction fixed by the seed and the word, so equal texts get equal vectors and
 * texts sharing words point the same way (cosine similarity means something in tests). A smaller
 * `dimensions` gives the first coordinates renormalised, as OpenAI's shortened embeddings do.
 */
export function planSimulatedEmbeddings(
  inputs: readonly SimulatedEmbeddingInput[],
  context: EmbeddingsPlanContext,
): SimulatedEmbeddingsPlan {
  const { profile, random } = context;
  const isDrawnToFail = random.chance(profile.errorRate);
  const spread = 1 + profile.jitter * (2 * random.next() - 1);
  const delayInMs = (profile.latencyInMs + profile.ttftInMs) * context.timeScale * spread;
  const failure = isDrawnToFail ? getFailureForStatus(profile) : getFailureForMode(profile);
  if (failure !== undefined)
    return { kind: 'failure', failure, delayInMs: profile.latencyInMs * context.timeScale };
  if (profile.mode === 'hang') return { kind: 'hang' };
  let promptTokens = 0;
  const vectors = inputs.map((input) => {
    const text = typeof input === 'string' ? input : input.join(' ');
    promptTokens += typeof input === 'string' ? countSimulatedTokens(input) : input.length;
    return generateEmbedding(text, context.seed, context.dimensions);
  });
  return { kind: 'embeddings', vectors, promptTokens, delayInMs };
}

function getFailureForMode(profile: BehaviourProfile): SimulatedFailure | undefined {
  if (profile.mode === 'down') return { kind: 'overloaded', status: 503 };
  if (profile.mode === 'rate-limited') {
    return { kind: 'rate-limited', status: 429, retryAfterSeconds: profile.retryAfterSeconds };
  }
  return undefined;
}

/** The failure a provider sends with the profile's `errorStatus` (the chat planner maps it the same way). */
function getFailureForStatus(profile: BehaviourProfile): SimulatedFailure {
  const status = profile.errorStatus;
  if (status === 429) return { kind: 'rate-limited', status, retryAfterSeconds: profile.retryAfterSeconds };
  if (status === 401 || status === 403) return { kind: 'invalid-key', status };
  if (status === 404) return { kind: 'not-found', status };
  if (status === 408 || status === 504) return { kind: 'timeout', status };
  if (status === 503 || status === 529) return { kind: 'overloaded', status };
  if (status === 400) return { kind: 'context-length', status };
  return { kind: status >= 500 ? 'server' : 'bad-request', status };
}

const wordPattern = /[\p{L}\p{N}_]+/gu;

function generateEmbedding(text: string, seed: number, dimensions: number): number[] {
  const sum = new Float64Array(dimensions);
  const words = text.toLowerCase().match(wordPattern) ?? [''];
  for (const word of words) {
    const random = createSeededRandom(hashSeed(seed, 'embedding', word));
    for (let index = 0; index < dimensions; index++) sum[index]! += 2 * random.next() - 1;
  }
  let norm = 0;
  for (const value of sum) norm += value * value;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return Array.from(sum, (value) => Math.fround(value * scale));
}

/** A vector as OpenAI's `encoding_format: "base64"` sends it: little-endian float32 bytes. */
export function encodeEmbeddingBase64(vector: readonly number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
  return bytes.toString('base64');
}
