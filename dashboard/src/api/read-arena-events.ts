import type { ArenaEvent } from './admin-api-types';
import { readSSEEvents } from './read-sse-events';

const arenaEventTypes = new Set<string>(['start', 'delta', 'done', 'verdict', 'error', 'end']);

/**
 * The arena's events from its `text/event-stream` body, typed by their SSE name. Events of other names
 * are skipped (a newer gateway may add some); data that is not JSON ends the run with an `error` event,
 * as a broken stream should, rather than with an exception in the middle of rendering.
 */
export async function* readArenaEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ArenaEvent> {
  for await (const message of readSSEEvents(body)) {
    if (!arenaEventTypes.has(message.event)) continue;
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch {
      yield { type: 'error', data: { message: `The gateway sent an unreadable '${message.event}' event.` } };
      return;
    }
    yield { type: message.event, data } as ArenaEvent;
  }
}
