import { createSeededRandom, hashSeed } from '../seeded-random.js';

/** What `text-embedding-004` returns; `outputDimensionality` asks for fewer or more. */
export const defaultEmbeddingDimensions = 768;

/**
 * A unit-length vector fixed by the seed and the text: equal texts embed equally, different texts
 * differently, so retrieval code can be tested against the simulator. It carries no meaning.
 */
export function createSimulatedEmbedding(text: string, seed: number, dimensions: number): number[] {
  const random = createSeededRandom(hashSeed(seed, 'embedding', text));
  const values = Array.from({ length: dimensions }, () => random.next() * 2 - 1);
  const length = Math.hypot(...values) || 1;
  return values.map((value) => Math.round((value / length) * 1e8) / 1e8);
}
