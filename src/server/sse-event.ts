import type { ProviderError } from '../spec/provider-error.js';
import type { Usage } from '../spec/usage.js';
import type { StreamCodec } from '../routing/stream-codec.js';

/**
 * One named SSE event on its way to the caller (Anthropic's and the Responses API's streams are both
 * named events): the event name and data text to write, plus what the router needs to know of it.
 */
export interface SSEEvent {
  event: string;
  data: string;
  /** Set when the event reports a failure; it ends the stream. */
  error?: ProviderError;
  /** Set on the event that carries the (cumulative) usage. */
  usage?: Usage;
}

/** A codec for annotated events whose commit point is the first of `contentEvents`. */
export function createSSEEventCodec(contentEvents: ReadonlySet<string>): StreamCodec<SSEEvent> {
  return {
    isContent: (event) => contentEvents.has(event.event),
    errorOf: (event) => event.error,
    usageOf: (event) => event.usage,
  };
}
