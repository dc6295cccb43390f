import type { FastifyReply } from 'fastify';
import type { CompetitionObserver } from '../../competition/competition-observer.js';
import type { CompetitionResult } from '../../competition/competition-result.js';
import type { ContenderResult } from '../../competition/contender-result.js';
import type { EvaluatorName } from '../../competition/contest-options.js';
import { createSSEWriter, type SSEWriter } from '../create-sse-writer.js';
import {
  convertArenaDone,
  convertArenaNoWinner,
  convertArenaStart,
  convertArenaVerdict,
  getArenaContenderId,
} from './convert-arena-events.js';

export interface ArenaStreamOptions {
  reply: FastifyReply;
  requestId: string;
  /** The evaluator that will decide (asked for, else configured), for the `start` event. */
  evaluator: EvaluatorName;
  redact: (text: string) => string;
  /** Each contender's result as it ends, just before its `done` event (to record its usage). */
  onResult(index: number, result: ContenderResult): void;
}

/**
 * The arena's SSE stream, driven by the competition's observer: the response starts (200, event
 * stream) only when the competition starts, so anything refused before that is still a plain JSON
 * error; then `start`, each contender's `delta`s as they arrive (choice 0's text, redacted), its `done`
 * as it ends, and the closing `verdict` + `end` or `error`. Writes never wait for a slow reader: the
 * observer must return at once, and an arena's few contenders write little.
 */
export function createArenaStream(options: ArenaStreamOptions) {
  const { reply, redact } = options;
  let writer: SSEWriter | undefined;
  const send = (event: string, data: unknown): void => {
    void writer?.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const close = (): void => {
    send('end', {});
    writer?.end();
  };

  const observer: CompetitionObserver = {
    onStart(contenders) {
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': options.requestId,
      });
      writer = createSSEWriter(reply.raw);
      send('start', convertArenaStart(options.requestId, options.evaluator, contenders));
    },
    onPart(index, part) {
      if (part.type !== 'text-delta' || part.choiceIndex !== 0 || part.text === '') return;
      send('delta', { contender: getArenaContenderId(index), text: redact(part.text) });
    },
    onResult(index, result) {
      options.onResult(index, result);
      send('done', convertArenaDone(index, result, redact));
    },
  };

  return {
    observer,
    /** True once the response has started: later failures are `error` events, not JSON errors. */
    get isStarted(): boolean {
      return writer !== undefined;
    },
    sendVerdict(competition: CompetitionResult): void {
      send('verdict', convertArenaVerdict(competition, redact));
      close();
    },
    /** Nobody answered: a verdict without a winner, the reason given (each `done` has its error). */
    sendNoWinner(reason: string): void {
      send('verdict', convertArenaNoWinner(options.evaluator, redact(reason)));
      close();
    },
    sendError(message: string): void {
      send('error', { message: redact(message) });
      writer?.end();
    },
  };
}
