import type { SimulatedFailure } from '../simulated-answer.js';

export interface RenderedOllamaFailure {
  status: number;
  message: string;
  /** Extra response headers as name/value pairs. */
  headers: string[];
}

/**
 * The `{"error"}` message Ollama answers a failure with (PROVIDERS.md §7.3). A local server has no keys or
 * quotas; those kinds stand for ollama.com's answers. `overloaded` (what `sim-down` plans) is Ollama's
 * full request queue, 503 "server busy" (`server/sched.go` ErrMaxQueue), the one way a running Ollama
 * turns requests away; a stopped one refuses connections, which one shared port cannot simulate.
 */
export function renderOllamaFailure(failure: SimulatedFailure, model: string): RenderedOllamaFailure {
  const { status } = failure;
  switch (failure.kind) {
    case 'not-found':
      return { status, message: getOllamaModelNotFoundMessage(model), headers: [] };
    case 'overloaded':
      return {
        status,
        message: 'server busy, please try again.  maximum pending requests exceeded',
        headers: [],
      };
    case 'server':
      return {
        status,
        message:
          'model runner has unexpectedly stopped, this may be due to resource limitations or an internal error, ' +
          'check ollama server logs for details',
        headers: [],
      };
    case 'timeout':
      return { status, message: 'timed out waiting for llama runner to start', headers: [] };
    case 'rate-limited':
    case 'quota': {
      const retryAfterSeconds = failure.retryAfterSeconds ?? 1;
      return { status, message: 'too many requests', headers: ['retry-after', String(retryAfterSeconds)] };
    }
    case 'missing-key':
    case 'invalid-key':
      return { status, message: 'unauthorized', headers: [] };
    case 'context-length':
      return { status, message: 'input length exceeds the context length', headers: [] };
    case 'bad-request':
      return { status, message: 'invalid request', headers: [] };
    default: {
      const exhaustive: never = failure.kind;
      throw new Error(`Unknown simulated failure: ${String(exhaustive)}`);
    }
  }
}

/** Current servers format the name with Go's `%q` (fixture README: ollama/error-404-model-not-found.json). */
export function getOllamaModelNotFoundMessage(model: string): string {
  return `model ${JSON.stringify(model)} not found, try pulling it first`;
}
