import { describe, expect, it } from 'vitest';
import { readSSEEvents, type SSEMessage } from './read-sse-events';

function streamOf(chunks: ReadonlyArray<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks)
        controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

async function collect(chunks: ReadonlyArray<string | Uint8Array>): Promise<SSEMessage[]> {
  const messages: SSEMessage[] = [];
  for await (const message of readSSEEvents(streamOf(chunks))) messages.push(message);
  return messages;
}

describe('readSSEEvents', () => {
  it('reads named events with JSON data, as the arena sends them', async () => {
    expect(
      await collect([
        'event: start\ndata: {"request_id":"req_1"}\n\n',
        'event: delta\ndata: {"text":"Hi"}\n\n',
      ]),
    ).toEqual([
      { event: 'start', data: '{"request_id":"req_1"}' },
      { event: 'delta', data: '{"text":"Hi"}' },
    ]);
  });

  it('puts events back together across arbitrary chunk boundaries, a CRLF split in two included', async () => {
    expect(await collect(['eve', 'nt: done\r', '\ndata: {"a"', ':1}\r', '\n\r', '\n'])).toEqual([
      { event: 'done', data: '{"a":1}' },
    ]);
  });

  it('accepts CR-only line ends, joins data lines and defaults the name to message', async () => {
    expect(await collect(['data: one\rdata: two\r\r'])).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });

  it('ignores comments, unknown fields and events without data; keeps a second space after the colon', async () => {
    expect(
      await collect([': keep-alive\n\n', 'id: 7\nretry: 10\nevent: ping\n\n', 'data:  spaced\n\n']),
    ).toEqual([{ event: 'message', data: ' spaced' }]);
  });

  it('decodes a multi-byte character split between chunks', async () => {
    const bytes = new TextEncoder().encode('data: café ☕\n\n');
    expect(await collect([bytes.slice(0, 10), bytes.slice(10)])).toEqual([
      { event: 'message', data: 'café ☕' },
    ]);
  });

  it('drops an event the stream ended in the middle of', async () => {
    expect(await collect(['event: end\ndata: {}\n\n', 'event: delta\ndata: {"text":"cut'])).toEqual([
      { event: 'end', data: '{}' },
    ]);
  });

  it('cancels the underlying stream when the reader stops early', async () => {
    let isCancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('data: tick\n\n'));
      },
      cancel() {
        isCancelled = true;
      },
    });
    for await (const message of readSSEEvents(stream)) {
      expect(message.data).toBe('tick');
      break;
    }
    expect(isCancelled).toBe(true);
  });
});
