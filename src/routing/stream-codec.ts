import { isContentPart, type ChatStreamPart } from '../spec/chat-stream-part.js';
import type { ProviderError } from '../spec/provider-error.js';
import type { Usage } from '../spec/usage.js';

/**
 * What the router needs to know about the items of a stream, whatever its wire format: which item is
 * the first real content (the commit point), which is a failure, and which carries usage.
 */
export interface StreamCodec<P> {
  isContent(part: P): boolean;
  errorOf(part: P): ProviderError | undefined;
  usageOf(part: P): Usage | undefined;
}

/** The codec of the internal stream parts. */
export const chatStreamCodec: StreamCodec<ChatStreamPart> = {
  isContent: isContentPart,
  errorOf: (part) => (part.type === 'error' ? part.error : undefined),
  usageOf: (part) => (part.type === 'usage' ? part.usage : undefined),
};
