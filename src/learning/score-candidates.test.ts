import { describe, expect, it } from 'vitest';
import { seededRandom } from './__fixtures__/create-learning-fixtures.js';
import type { Evidence } from './blend-evidence.js';
import { scoreCandidates, type ScoreOptions } from './score-candidates.js';
import { defaultScoreWeights } from './score-weights.js';

const hour = 3_600_000;
const now = 10 * hour;

/** Evidence of `successes`/`failures` with every success timed at `latencyInMs`. */
function evidence(
  successes: number,
  failures: number,
  latencyInMs?: number,
  fields: Partial<Evidence> = {},
): Evidence {
  const log = latencyInMs === undefined ? 0 : Math.log(latencyInMs);
  const weight = latencyInMs === undefined ? 0 : successes;
  return {
    reliability: { successes, failures },
    quality: { positive: 0, negative: 0 },
    latency: {
      weight,
      sum: weight * (latencyInMs ?? 0),
      sumOfLogs: weight * log,
      sumOfSquaredLogs: weight * log * log,
    },
    ttft: { weight: 0, sum: 0, sumOfLogs: 0, sumOfSquaredLogs: 0 },
    lastSuccessAt: successes > 0 ? now : undefined,
    lastAttemptAt: successes + failures > 0 ? now : undefined,
    ...fields,
  };
}

const options: ScoreOptions = { weights: defaultScoreWeights, isStream: false, now, halfLifeInMs: hour };

describe('scoreCandidates (posterior means)', () => {
  it('normalises each term by the best candidate, and sums them with the weights', () => {
    const [fast, slow] = scoreCandidates(
      [
        { targetId: 'fast', evidence: evidence(98, 0, 200) },
        { targetId: 'slow', evidence: evidence(48, 50, 800) },
      ],
      options,
    );
    expect(fast!.terms).toEqual({ reliability: 1, speed: 1, quality: 1, recency: 1 });
    expect(slow!.terms.reliability).toBeCloseTo(49 / 100 / (99 / 100), 9);
    // Speed is fastest ÷ own, on the posterior mean log latency (a little pulled towards the route's).
    expect(slow!.terms.speed).toBeGreaterThan(0.25);
    expect(slow!.terms.speed).toBeLessThan(0.26);
    expect(fast!.score).toBeCloseTo(1, 12);
    expect(slow!.score).toBeCloseTo(
      0.4 * slow!.terms.reliability + 0.3 * slow!.terms.speed + 0.2 * 1 + 0.1 * 1,
      12,
    );
  });

  it('quality is equal for all until some candidate has quality evidence', () => {
    const judged = evidence(10, 0, 300, { quality: { positive: 4, negative: 0 } });
    const unjudged = evidence(10, 0, 300);
    expect(scoreCandidates([{ targetId: 'b', evidence: unjudged }], options)[0]!.terms.quality).toBe(1);
    const [withQuality, without] = scoreCandidates(
      [
        { targetId: 'a', evidence: judged },
        { targetId: 'b', evidence: unjudged },
      ],
      options,
    );
    expect(withQuality!.terms.quality).toBe(1);
    expect(without!.terms.quality).toBeCloseTo(0.5 / (5 / 6), 9);
  });

  it('recency halves every half-life since the last success; 0 for only failures, 0.5 for never tried', () => {
    const scores = scoreCandidates(
      [
        { targetId: 'now', evidence: evidence(5, 0, 300) },
        { targetId: 'hour-ago', evidence: evidence(5, 0, 300, { lastSuccessAt: now - hour }) },
        { targetId: 'failing', evidence: evidence(0, 3) },
        { targetId: 'new', evidence: evidence(0, 0) },
      ],
      options,
    );
    expect(scores.map((score) => score.terms.recency)).toEqual([1, 0.5, 0, 0.5]);
  });

  it('judges streams by time to first token, and falls back to the other timing when none has it', () => {
    const ttft = (value: number) => ({
      weight: 1,
      sum: value,
      sumOfLogs: Math.log(value),
      sumOfSquaredLogs: Math.log(value) ** 2,
    });
    const candidates = [
      { targetId: 'quick-start', evidence: evidence(1, 0, 2_000, { ttft: ttft(100) }) },
      { targetId: 'slow-start', evidence: evidence(1, 0, 500, { ttft: ttft(900) }) },
    ];
    const streamed = scoreCandidates(candidates, { ...options, isStream: true });
    expect(streamed[0]!.terms.speed).toBe(1);
    expect(streamed[1]!.terms.speed).toBeLessThan(1);
    const called = scoreCandidates(candidates, options);
    expect(called[1]!.terms.speed).toBe(1);
    const streamedWithoutTtft = scoreCandidates(
      [
        { targetId: 'a', evidence: evidence(1, 0, 2_000) },
        { targetId: 'b', evidence: evidence(1, 0, 500) },
      ],
      { ...options, isStream: true },
    );
    expect(streamedWithoutTtft[1]!.terms.speed).toBe(1);
  });

  it('with nothing measured, every term is equal', () => {
    const scores = scoreCandidates(
      [
        { targetId: 'a', evidence: evidence(0, 0) },
        { targetId: 'b', evidence: evidence(0, 0) },
      ],
      options,
    );
    expect(scores[0]).toEqual({ ...scores[0], terms: scores[1]!.terms });
    expect(scores[0]!.terms.speed).toBe(1);
  });
});

describe('scoreCandidates (Thompson draws)', () => {
  it('draws vary around the means, and an unmeasured target is sometimes drawn as the best', () => {
    const random = seededRandom(11);
    const candidates = [
      { targetId: 'known', evidence: evidence(40, 2, 400) },
      { targetId: 'new', evidence: evidence(0, 0) },
    ];
    let newWins = 0;
    for (let draw = 0; draw < 1_000; draw++) {
      const [known, fresh] = scoreCandidates(candidates, { ...options, random });
      if (fresh!.score > known!.score) newWins += 1;
    }
    expect(newWins).toBeGreaterThan(20);
    expect(newWins).toBeLessThan(500);
  });

  it('much evidence makes draws tight: a clearly better target wins nearly every draw', () => {
    const random = seededRandom(12);
    const candidates = [
      { targetId: 'good', evidence: evidence(200, 4, 300) },
      { targetId: 'bad', evidence: evidence(120, 80, 900) },
    ];
    let goodWins = 0;
    for (let draw = 0; draw < 1_000; draw++) {
      const [good, bad] = scoreCandidates(candidates, { ...options, random });
      if (good!.score > bad!.score) goodWins += 1;
    }
    expect(goodWins).toBeGreaterThan(990);
  });

  it('an idle target’s speed grows uncertain again (drift), so a once-slow target is retried', () => {
    const slowWins = (idleHours: number) => {
      const random = seededRandom(13);
      const candidates = [
        { targetId: 'fast', evidence: evidence(50, 0, 300) },
        {
          targetId: 'slow',
          evidence: evidence(3, 0, 900, { lastAttemptAt: now - idleHours * hour, lastSuccessAt: now }),
        },
      ];
      let wins = 0;
      for (let draw = 0; draw < 2_000; draw++) {
        const [fast, slow] = scoreCandidates(candidates, { ...options, random });
        if (slow!.score > fast!.score) wins += 1;
      }
      return wins;
    };
    expect(slowWins(4)).toBeGreaterThan(3 * slowWins(0));
  });
});
