import type { ServerResponse } from 'node:http';
import type { Usage } from '../spec/usage.js';
import type { ApiError } from './api-error.js';
import { createSSEWriter } from './create-sse-writer.js';
import type { SSEEvent } from './sse-event.js';

/**
 * Writes named SSE events as they come. The stream ends after an event that reports a failure; a failure
 * thrown after the first byte is written as the format's own last error event (`renderFailure`), so no
 * client mistakes a cut stream for a complete one. Returns the failure, for the log line; the latest
 * usage an event carried goes into `seen`, for the usage log.
 */
export async function writeSSEEvents(
  events: AsyncIterable<SSEEvent>,
  response: ServerResponse,
  toApiError: (error: unknown) => ApiError,
  renderFailure: (error: ApiError) => string,
  seen: { usage?: Usage } = {},
): Promise<ApiError | undefined> {
  const writer = createSSEWriter(response);
  try {
    for await (const event of events) {
      if (event.usage) seen.usage = event.usage;
      // Multi-line data must stay one event: each line gets its own `data:` field.
      const data = event.data.includes('\n') ? event.data.split('\n').join('\ndata: ') : event.data;
      const drained = writer.write(`event: ${event.event}\ndata: ${data}\n\n`);
      if (drained) await drained;
      if (event.error) {
        writer.end();
        return toApiError(event.error);
      }
    }
    writer.end();
    return undefined;
  } catch (error) {
    const apiError = toApiError(error);
    writer.end(renderFailure(apiError));
    return apiError;
  }
}
