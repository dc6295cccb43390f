/**
 * Parses newline-delimited JSON (Ollama's native stream) incrementally; yields each line's raw text.
 * Blank lines are skipped; a last line without a newline is still yielded.
 */
export async function* parseNDJSONLines(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of source) {
    buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    let newline = buffer.indexOf('\n', start);
    while (newline !== -1) {
      const line = buffer.slice(start, newline).trim();
      if (line.length > 0) yield line;
      start = newline + 1;
      newline = buffer.indexOf('\n', start);
    }
    buffer = buffer.slice(start);
  }
  const rest = (buffer + decoder.decode()).trim();
  if (rest.length > 0) yield rest;
}
