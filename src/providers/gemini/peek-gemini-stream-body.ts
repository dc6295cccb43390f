import type { ProviderId } from '../../spec/provider-id.js';
import { convertNetworkError } from '../../lib/convert-network-error.js';
import { parseJSONOrUndefined } from '../../lib/http-request.js';
import { isObject } from './gemini-api.js';
import { convertGeminiError } from './gemini-error.js';

/**
 * Reads a `streamGenerateContent` body up to its first non-blank byte, before the stream is handed on.
 * Gemini sends a failure before streaming as a plain JSON body even on the stream endpoint (fixture
 * recording-stream-error-404.json); with an error status that is handled as any failed response, but the
 * same body under a 200 would look like an SSE stream with no events. So: a body that starts with `{` or
 * `[` is read whole: an `{"error": …}` object (or an array holding one) is thrown as a ProviderError
 * here, so `chatStream` rejects and the router can still fall back; a JSON response (or the JSON array
 * the endpoint sends without `alt=sse`) is re-framed as SSE events. Anything else is SSE, returned
 * with the peeked bytes put back in front. Same read-ahead idea as vercel/ai's Anthropic provider.
 */
export async function peekGeminiStreamBody(
  body: AsyncIterable<Uint8Array>,
  options: { provider: ProviderId; signal: AbortSignal; apiKey?: string },
): Promise<AsyncIterable<Uint8Array | string>> {
  const iterator = body[Symbol.asyncIterator]();
  const decoder = new TextDecoder();
  const peeked: Uint8Array[] = [];
  let firstCharacter: string | undefined;
  try {
    while (firstCharacter === undefined) {
      const next = await iterator.next();
      if (next.done) break;
      peeked.push(next.value);
      firstCharacter = /\S/.exec(decoder.decode(next.value, { stream: true }))?.[0];
    }
  } catch (error) {
    throw convertNetworkError(error, options.provider, options.signal);
  }
  if (firstCharacter !== '{' && firstCharacter !== '[') return replay(peeked, iterator);
  const text = await readRest(peeked, iterator, options);
  const parsed = parseJSONOrUndefined(text);
  const items: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
  const failure = items.find((item) => isObject(item) && isObject(item.error));
  if (failure !== undefined || parsed === undefined) {
    const code = isObject(failure) && isObject(failure.error) ? failure.error.code : undefined;
    throw convertGeminiError({
      provider: options.provider,
      status: typeof code === 'number' && code >= 400 ? code : 500,
      headers: {},
      bodyText: text,
      apiKey: options.apiKey,
    });
  }
  return reframeAsSSE(items);
}

async function* reframeAsSSE(items: readonly unknown[]): AsyncGenerator<string> {
  for (const item of items) yield `data: ${JSON.stringify(item)}\n\n`;
}

async function* replay(
  peeked: Uint8Array[],
  iterator: AsyncIterator<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  yield* peeked;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return;
    yield next.value;
  }
}

async function readRest(
  peeked: Uint8Array[],
  iterator: AsyncIterator<Uint8Array>,
  options: { provider: ProviderId; signal: AbortSignal },
): Promise<string> {
  const textDecoder = new TextDecoder();
  let text = peeked.map((chunk) => textDecoder.decode(chunk, { stream: true })).join('');
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      text += textDecoder.decode(next.value, { stream: true });
    }
  } catch (error) {
    throw convertNetworkError(error, options.provider, options.signal);
  }
  return text + textDecoder.decode();
}
