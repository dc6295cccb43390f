import type { AttemptRecord } from '../routing/attempt-record.js';
import type { ChatRequest } from '../spec/chat-request.js';
import type { Usage } from '../spec/usage.js';

/**
 * What an ingress route knows when one request ends. It is handed to the usage recorder as it is (no
 * copying, no serialising); the recorder turns it into a UsageRecord at flush time, off the request path.
 */
export interface FinishedRequest {
  requestId: string;
  /** Unix milliseconds when the request arrived. */
  createdAt: number;
  /** The gateway key's id, when the request came with one. */
  keyId?: string;
  /** `/v1/chat/completions`, `/v1/messages`, `/chat`, … */
  endpoint: string;
  /** The route the caller named; undefined when the request was refused before routing. */
  route?: string;
  /** HTTP status the caller got (a failure after a stream started: its error's status). */
  status: number;
  isStream: boolean;
  isCacheHit?: boolean;
  /** A cache hit: the target whose answer was cached (named in the record, costing nothing). */
  cachedFrom?: { provider: string; model: string };
  /** Every attempt in order; the last successful one (or the last one) is the target that answered. */
  attempts?: readonly AttemptRecord[];
  durationInMs: number;
  ttftInMs?: number;
  /** As the provider reported it; authoritative when present. */
  usage?: Usage;
  errorCode?: string | null;
  conversationId?: string;
  /**
   * What to count tokens from when the provider reported no usage (a cut stream, a provider that does not
   * report it): the request's messages and the answer's text. Dropped after the flush.
   */
  countable?: {
    request?: Pick<ChatRequest, 'messages' | 'tools'>;
    outputText?: string | readonly string[];
  };
  /**
   * Present only with LOG_REQUESTS / LOG_RESPONSES on; serialised and redacted at flush time (a string as
   * it is, an array of strings — a stream's text deltas — joined, anything else as JSON).
   */
  requestBody?: unknown;
  responseBody?: unknown;
}
