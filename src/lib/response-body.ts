import type { Dispatcher } from 'undici';

/** An upstream response's body: iterate its chunks, or read it whole with `text()` or `json()`, once. */
export interface ResponseBody extends AsyncIterable<Uint8Array> {
  text(): Promise<string>;
  json(): Promise<unknown>;
}

/** Bytes held for a reader that has not caught up before the socket is paused (backpressure). */
const highWaterMark = 64 * 1024;

/**
 * The body side of `sendHttpRequest`: chunks from undici's dispatch callbacks, queued until read. A slow
 * reader pauses the socket past 64 KB and resumes it once caught up; a reader that stops early (`break`,
 * a cancelled stream) aborts the request, so its connection is closed rather than left half-read.
 */
export function createResponseBody(controller: Dispatcher.DispatchController) {
  const chunks: Buffer[] = [];
  let queuedBytes = 0;
  let isEnded = false;
  let isClosed = false;
  let isUsed = false;
  let failure: { error: unknown } | undefined;
  let waiter: { resolve(result: IteratorResult<Uint8Array>): void; reject(error: unknown): void } | undefined;

  function next(): Promise<IteratorResult<Uint8Array>> {
    const chunk = chunks.shift();
    if (chunk !== undefined) {
      queuedBytes -= chunk.length;
      if (queuedBytes === 0 && controller.paused) controller.resume();
      return Promise.resolve({ value: chunk, done: false });
    }
    if (failure) return Promise.reject(failure.error);
    if (isEnded || isClosed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      waiter = { resolve, reject };
    });
  }

  /** The reader stopped before the end: nothing more is wanted from this connection. */
  function close(): Promise<IteratorResult<Uint8Array>> {
    if (!isClosed && !isEnded && !failure) {
      isClosed = true;
      chunks.length = 0;
      controller.abort(new DOMException('the response body was not read to its end', 'AbortError'));
    }
    isClosed = true;
    return Promise.resolve({ value: undefined, done: true });
  }

  function claim(): void {
    if (isUsed) throw new TypeError('the response body has already been read');
    isUsed = true;
  }

  async function text(): Promise<string> {
    claim();
    const parts: Buffer[] = [];
    for (let result = await next(); !result.done; result = await next()) parts.push(result.value as Buffer);
    return parts.length === 1 ? parts[0]!.toString('utf8') : Buffer.concat(parts).toString('utf8');
  }

  return {
    push(chunk: Buffer): void {
      if (isClosed) return;
      if (waiter) {
        const { resolve } = waiter;
        waiter = undefined;
        resolve({ value: chunk, done: false });
        return;
      }
      chunks.push(chunk);
      queuedBytes += chunk.length;
      if (queuedBytes > highWaterMark && !controller.paused) controller.pause();
    },
    end(): void {
      isEnded = true;
      if (!waiter) return;
      const { resolve } = waiter;
      waiter = undefined;
      resolve({ value: undefined, done: true });
    },
    fail(error: unknown): void {
      if (isEnded || isClosed || failure) return;
      failure = { error };
      if (!waiter) return;
      const { reject } = waiter;
      waiter = undefined;
      reject(error);
    },
    [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
      claim();
      return { next, return: close };
    },
    text,
    async json(): Promise<unknown> {
      return JSON.parse(await text());
    },
  } satisfies ResponseBody & Record<string, unknown>;
}
