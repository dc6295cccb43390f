import { createId } from '../../lib/create-id.js';
import { createSeededRandom, hashSeed } from '../seeded-random.js';

/** What every chunk or body of one Gemini answer repeats. */
export interface GeminiResponseMeta {
  /** 23 characters, like the API's (`Un6LacrVMcjUxs0PmJfWoQc`). */
  responseId: string;
  /** The model as the caller named it, without a `models/` prefix. */
  modelVersion: string;
  /** Fixes the thought signatures of this answer. */
  seed: number;
}

export function createGeminiResponseMeta(model: string, seed: number): GeminiResponseMeta {
  const responseId = createId('', 23);
  return { responseId, modelVersion: model, seed: hashSeed(seed, responseId) };
}

/**
 * A thought signature for a function call: opaque base64 (48 bytes), deterministic per answer and
 * choice. Gemini 3 signs the first function call part of every answer (fixture nonstream-tool-call.json)
 * and wants it back in later turns; the simulator signs always, so the round trip can be tested with
 * any model name, and checks it for `gemini-3*` names only, as the real API does.
 */
export function createSimulatedThoughtSignature(meta: GeminiResponseMeta, choiceIndex: number): string {
  return Buffer.from(createSeededRandom(hashSeed(meta.seed, choiceIndex)).hex(96), 'hex').toString('base64');
}
