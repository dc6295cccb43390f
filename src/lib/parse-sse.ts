/** One Server-Sent Event. `data` lines are joined with `\n`, as the SSE spec says. */
export interface SSEMessage {
  event?: string;
  data: string;
  id?: string;
}

/**
 * Parses a `text/event-stream` body into events, incrementally. Accepts `\n`, `\r\n` and `\r` line ends
 * (Gemini's SDK handles all three), an optional space after the colon, comment lines (OpenRouter's
 * `: OPENROUTER PROCESSING`), and a last event that the upstream closed without a blank line.
 */
export async function* parseSSE(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<SSEMessage> {
  const decoder = new TextDecoder();
  let buffer = '';
  let event: string | undefined;
  let id: string | undefined;
  let data: string | undefined;

  for await (const chunk of source) {
    buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    const hasCarriageReturn = buffer.includes('\r');
    for (;;) {
      const lineEnd = findLineEnd(buffer, start, hasCarriageReturn);
      if (lineEnd === -1) break;
      // A lone `\r` at the very end may be the first half of `\r\n`: wait for the next chunk.
      if (buffer.charCodeAt(lineEnd) === 13 && lineEnd === buffer.length - 1) break;
      const line = buffer.slice(start, lineEnd);
      start = lineEnd + (buffer.charCodeAt(lineEnd) === 13 && buffer.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
      if (line.length === 0) {
        if (data !== undefined) {
          yield { event, data, id };
        }
        event = undefined;
        data = undefined;
        continue;
      }
      if (line.charCodeAt(0) === 58) continue; // ':' comment
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.charCodeAt(0) === 32) value = value.slice(1);
      if (field === 'data') data = data === undefined ? value : data + '\n' + value;
      else if (field === 'event') event = value;
      else if (field === 'id') id = value;
    }
    buffer = start === 0 ? buffer : buffer.slice(start);
  }
  buffer += decoder.decode();
  for (const line of buffer.split(/\r\n|\r|\n/)) {
    if (line.startsWith('data:')) {
      const value = line.slice(5).replace(/^ /, '');
      data = data === undefined ? value : data + '\n' + value;
    } else if (line.startsWith('event:')) event = line.slice(6).trim();
  }
  if (data !== undefined) yield { event, data, id };
}

/**
 * The first `\n` or `\r` at or after `from`, or -1. Most hosts end lines with `\n` alone: for a buffer
 * without `\r` (checked once per chunk) a native search finds it; otherwise a scan for either.
 */
function findLineEnd(text: string, from: number, hasCarriageReturn: boolean): number {
  if (!hasCarriageReturn) return text.indexOf('\n', from);
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 13) return index;
  }
  return -1;
}
