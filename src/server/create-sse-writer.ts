import type { ServerResponse } from 'node:http';

/**
 * Writes SSE text to a response with two properties the hot path needs: events produced in the same
 * tick go out in one socket write (the socket is corked until the tick ends), and a slow reader applies
 * backpressure (`write` waits for `drain`) instead of buffering without bound.
 */
export function createSSEWriter(response: ServerResponse) {
  let isCorked = false;
  const uncork = (): void => {
    isCorked = false;
    response.uncork();
  };
  return {
    /** Resolves at once, or once the socket drained if its buffer is full. */
    write(text: string): Promise<void> | undefined {
      if (response.destroyed) return undefined;
      if (!isCorked) {
        isCorked = true;
        response.cork();
        process.nextTick(uncork);
      }
      if (response.write(text)) return undefined;
      return new Promise((resolve) => {
        const done = (): void => {
          response.off('drain', done);
          response.off('close', done);
          resolve();
        };
        response.on('drain', done);
        response.on('close', done);
      });
    },
    end(text?: string): void {
      if (!response.destroyed) response.end(text);
    },
  };
}

export type SSEWriter = ReturnType<typeof createSSEWriter>;
