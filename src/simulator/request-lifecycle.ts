import type { ServerResponse } from 'node:http';

/**
 * The timers and end of one simulated response. At most one timer is pending at a time; when the
 * client disconnects it is cleared at once, so nothing is written after close and nothing keeps the
 * process alive.
 */
export interface RequestLifecycle {
  /** True once the response finished, was cut, or the client went away. */
  readonly isClosed: boolean;
  /** Runs `action` after `delayInMs` (synchronously when the delay is zero), unless closed first. */
  after(delayInMs: number, action: () => void): void;
  /** Destroys the connection on purpose, after `lastBytes` are flushed. Not counted as an abort. */
  cut(lastBytes?: string): void;
  /** Stops any pending timer; the simulator calls it for every open request when it closes. */
  cancel(): void;
}

/** `onEnd` runs once, with `isAborted` true when the client left before the response was complete. */
export function createRequestLifecycle(
  response: ServerResponse,
  onEnd: (lifecycle: RequestLifecycle, isAborted: boolean) => void,
): RequestLifecycle {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let isClosed = false;
  let isCut = false;

  const lifecycle: RequestLifecycle = {
    get isClosed() {
      return isClosed;
    },
    after(delayInMs, action) {
      if (isClosed) return;
      if (delayInMs <= 0) {
        action();
        return;
      }
      timer = setTimeout(() => {
        timer = undefined;
        if (!isClosed) action();
      }, delayInMs);
    },
    cut(lastBytes) {
      isCut = true;
      const socket = response.socket;
      if (lastBytes === undefined || lastBytes === '' || socket === null) socket?.destroy();
      else response.write(lastBytes, () => socket.destroy());
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };

  response.once('close', () => {
    isClosed = true;
    lifecycle.cancel();
    onEnd(lifecycle, !response.writableFinished && !isCut);
  });
  return lifecycle;
}
