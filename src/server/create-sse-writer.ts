import type { ServerResponse } from 'node:http';

/**
 * Writes SSE text to a response with two properties the hot path needs: events produced in the same
 * tick go out as one string in one `write` (so one chunked-encoding frame and one socket write, not a
 * frame per event: an upstream packet often carries dozens of events), and a slow reader applies
 * backpressure (`write` returns a promise that waits for `drain`) instead of buffering without bound.
 */
export function createSSEWriter(response: ServerResponse) {
  let pending = '';
  let isScheduled = false;
  let drained: Promise<void> | undefined;
  const flush = (): void => {
    isScheduled = false;
    const text = pending;
    pending = '';
    if (text === '' || response.destroyed || response.writableEnded) return;
    if (response.write(text)) return;
    drained = new Promise((resolve) => {
      const done = (): void => {
        response.off('drain', done);
        response.off('close', done);
        drained = undefined;
        resolve();
      };
      response.on('drain', done);
      response.on('close', done);
    });
  };
  return {
    /**
     * Queues the text for the end of this tick. Resolves at once, or, when the socket's buffer is full,
     * once it drained, so the producer pauses.
     */
    write(text: string): Promise<void> | undefined {
      if (response.destroyed) return undefined;
      pending += text;
      if (!isScheduled) {
        isScheduled = true;
        process.nextTick(flush);
      }
      return drained;
    },
    /** Writes what is queued and the text, and ends the response. */
    end(text?: string): void {
      const rest = pending + (text ?? '');
      pending = '';
      if (!response.destroyed && !response.writableEnded) response.end(rest === '' ? undefined : rest);
    },
  };
}

export type SSEWriter = ReturnType<typeof createSSEWriter>;
