/** One contender of a `POST /compete` answer, as the gateway renders it (times in seconds, cost in USD). */
export interface CompeteContender {
  name: string;
  provider: string;
  model: string;
  response: string | null;
  error: { kind: string; message: string; status?: number } | null;
  timed_out: boolean;
  time: number;
  ttft: number | null;
  tokens: number | null;
  cost: number | null;
}

/** The evaluator's decision; `fell_back_to` and `fallback_reason` only when it fell back to `fastest`. */
export interface CompeteVerdict {
  evaluator: string;
  /** The winning contender's `name`. */
  winner: string;
  scores: Record<string, number>;
  reasoning: string;
  fell_back_to?: string;
  fallback_reason?: string;
}

/**
 * The fields of a `POST /compete` answer the CLI reads (src/server/competition/build-compete-response.ts);
 * the answer also has the original brief's `<provider>_response` and `<provider>_time` fields, which
 * `--json` prints as they come.
 */
export interface CompeteResponse {
  winning_response: string;
  best_performer: string;
  performance_stats: { total_time: number } & Record<string, number>;
  responses: CompeteContender[];
  verdict: CompeteVerdict;
  request_id: string;
}
