/** One server-sent event: its `event:` name (`message` when none was given) and its joined `data:` lines. */
export interface SSEMessage {
  event: string;
  data: string;
}

/**
 * Server-sent events from a byte stream, as the HTML spec parses them: lines end in LF, CR or CRLF
 * (even split across chunks), `data:` lines join with LF, comments and unknown fields are ignored, an
 * event is dispatched at a blank line and an unterminated one at the end is dropped. The arena needs
 * this because `EventSource` cannot send a POST body or an `Authorization` header.
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 * @example for await (const message of readSSEEvents(response.body!)) console.log(message.event, message.data);
 */
export async function* readSSEEvents(stream: ReadableStream<Uint8Array>): AsyncGenerator<SSEMessage> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let hasData = false;

  function* takeLines(isLast: boolean): Generator<SSEMessage> {
    for (;;) {
      const match = /\r\n|\r|\n/.exec(buffer);
      // A CR at the very end may be the first half of a CRLF still in flight.
      if (!match || (!isLast && match[0] === '\r' && match.index === buffer.length - 1)) return;
      const line = buffer.slice(0, match.index);
      buffer = buffer.slice(match.index + match[0].length);
      if (line === '') {
        if (hasData) yield { event: event || 'message', data: data.join('\n') };
        event = '';
        data = [];
        hasData = false;
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') event = value;
      else if (field === 'data') {
        data.push(value);
        hasData = true;
      }
    }
  }

  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      yield* takeLines(false);
    }
    buffer += decoder.decode();
    yield* takeLines(true);
  } finally {
    // Stopping early (a `break` in the caller, an abort) must release the connection.
    await reader.cancel().catch(() => undefined);
  }
}
