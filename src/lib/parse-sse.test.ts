import { describe, expect, it } from 'vitest';
import { collect } from '../../test/support/collect.js';
import { parseSSE } from './parse-sse.js';

async function* chunksOf(...chunks: string[]): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for (const chunk of chunks) yield encoder.encode(chunk);
}

describe('parseSSE', () => {
  it('parses data-only events and named events', async () => {
    const events = await collect(
      parseSSE(chunksOf('data: {"a":1}\n\nevent: ping\ndata: {"type": "ping"}\n\ndata: [DONE]\n\n')),
    );
    expect(events).toEqual([
      { event: undefined, data: '{"a":1}', id: undefined },
      { event: 'ping', data: '{"type": "ping"}', id: undefined },
      { event: undefined, data: '[DONE]', id: undefined },
    ]);
  });

  it('accepts \\r\\n, \\r and \\n line ends, split anywhere, even inside \\r\\n', async () => {
    const events = await collect(
      parseSSE(chunksOf('data: one\r', '\n\r\ndata: two\r\rdata:', 'three\n', '\n')),
    );
    expect(events.map((event) => event.data)).toEqual(['one', 'two', 'three']);
  });

  it('ignores comment lines and joins multi-line data with \\n', async () => {
    const events = await collect(parseSSE(chunksOf(': OPENROUTER PROCESSING\n\ndata: a\ndata: b\n\n')));
    expect(events).toEqual([{ event: undefined, data: 'a\nb', id: undefined }]);
  });

  it('decodes multi-byte characters split across chunks', async () => {
    const bytes = new TextEncoder().encode('data: héllo 🌍\n\n');
    async function* split(): AsyncGenerator<Uint8Array> {
      for (let index = 0; index < bytes.length; index += 3) yield bytes.slice(index, index + 3);
    }
    const events = await collect(parseSSE(split()));
    expect(events[0]?.data).toBe('héllo 🌍');
  });

  it('yields a last event the upstream closed without a blank line', async () => {
    const events = await collect(parseSSE(chunksOf('data: {"done":true}')));
    expect(events.map((event) => event.data)).toEqual(['{"done":true}']);
  });
});
