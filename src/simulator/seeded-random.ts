/** A deterministic pseudo-random source: the same seed always gives the same sequence. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  integer(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with the given probability (0..1). */
  chance(probability: number): boolean;
  /** `hexDigits` lower-case hex characters. */
  hex(hexDigits: number): string;
}

/**
 * mulberry32: tiny, fast and good enough for simulated behaviour (not for anything secret).
 * @example const random = createSeededRandom(hashSeed(42, 'sim-flaky', 7)); random.chance(0.3)
 */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  }
  return {
    next,
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (probability) => next() < probability,
    hex(hexDigits) {
      let text = '';
      while (text.length < hexDigits)
        text += Math.floor(next() * 4294967296)
          .toString(16)
          .padStart(8, '0');
      return text.slice(0, hexDigits);
    },
  };
}

/** Folds any mix of numbers and strings into one 32-bit seed (FNV-1a over their text). */
export function hashSeed(...parts: ReadonlyArray<string | number | undefined | null>): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    const text = part === undefined || part === null ? '\u0000' : String(part);
    for (let index = 0; index < text.length; index++) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x1f;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
