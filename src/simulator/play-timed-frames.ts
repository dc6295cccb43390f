import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { RequestLifecycle } from './request-lifecycle.js';

/** One piece of a streamed body, written when its time has come. */
export interface TimedFrame {
  text: string;
  /** When to write it, counted from the moment the headers were sent. */
  dueInMs: number;
  /** `lead`: before any content (role). `content`: a token or tool-call fragment. `tail`: finish, usage, end marker. */
  kind: 'lead' | 'content' | 'tail';
}

/** Frames due within this much of each other go out in one write, sparing a timer per token. */
const batchWindowInMs = 1;

/**
 * Writes frames (already in order of `dueInMs`) on schedule and ends the response. With
 * `cutAfterContentFrames`, the connection is destroyed instead of writing the next content frame
 * after that many, or the first tail frame, whichever comes first: the client sees a stream that
 * stops without its end marker, as when a provider drops mid-stream.
 */
export function playTimedFrames(
  response: ServerResponse,
  lifecycle: RequestLifecycle,
  frames: readonly TimedFrame[],
  cutAfterContentFrames?: number,
): void {
  const startedAt = performance.now();
  let next = 0;
  let contentFrames = 0;

  function writeDueFrames(): void {
    const elapsed = performance.now() - startedAt;
    let batch = '';
    while (next < frames.length && frames[next]!.dueInMs <= elapsed + batchWindowInMs) {
      const frame = frames[next]!;
      if (
        cutAfterContentFrames !== undefined &&
        (frame.kind === 'tail' || (frame.kind === 'content' && contentFrames >= cutAfterContentFrames))
      ) {
        lifecycle.cut(batch);
        return;
      }
      if (frame.kind === 'content') contentFrames++;
      batch += frame.text;
      next++;
    }
    if (next === frames.length) {
      response.end(batch);
      return;
    }
    if (batch !== '') response.write(batch);
    lifecycle.after(frames[next]!.dueInMs - elapsed, writeDueFrames);
  }

  writeDueFrames();
}
