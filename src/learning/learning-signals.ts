/** Where a quality judgement came from; each is weighed by the learning layer. */
export type QualitySource = 'judge' | 'user' | 'consensus';

/** An offline measurement of one target (the key tester), to start learning before live traffic. */
export interface SeedMeasurement {
  isSuccess: boolean;
  latencyInMs: number;
  ttftInMs?: number;
  tokensPerSecond?: number;
}

/**
 * What the rest of the gateway tells the learning layer besides attempt outcomes (which it receives
 * through `gateway.onOutcome`): quality judgements, competition results and seeds. Implemented by the
 * learning layer; used by `/feedback`, the competition evaluators and `arbiter keys test`.
 */
export interface LearningSignals {
  /** A quality score in 0..1 for the target that produced an answer, on a route. */
  recordQuality(targetId: string, route: string, score: number, source: QualitySource): void;
  /** A competition's result: which target won among which contenders. */
  recordCompetition(
    route: string,
    winnerTargetId: string | undefined,
    contenderTargetIds: readonly string[],
  ): void;
  seed(targetId: string, measurement: SeedMeasurement): void;
}
