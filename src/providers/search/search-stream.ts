import type { ChatStreamPart } from '../../spec/chat-stream-part.js';
import { getSearchModelName } from './convert-synthesis-response.js';
import type { SearchResult } from './search-result.js';
import { formatSearchSources } from './search-sources.js';

/**
 * The synthesis route's stream as the search answer's stream: metadata renamed to
 * `search/brave+<synthesis model>`, the parts as they come, and the sources block as a last text delta
 * of the first choice, just before its finish (or at the end when no finish came). An error part ends
 * the stream without sources: the answer is incomplete, so nothing should make it look finished.
 */
export async function* convertSynthesisStream(
  parts: AsyncIterable<ChatStreamPart>,
  search: { modelLabel: string; results: readonly SearchResult[] },
): AsyncGenerator<ChatStreamPart> {
  let isMetadataSent = false;
  let areSourcesSent = false;
  const sources = (): ChatStreamPart => {
    areSourcesSent = true;
    return { type: 'text-delta', choiceIndex: 0, text: formatSearchSources(search.results) };
  };
  for await (const part of parts) {
    if (part.type === 'response-metadata') {
      isMetadataSent = true;
      yield { ...part, model: getSearchModelName(search.modelLabel, part.model) };
      continue;
    }
    if (part.type === 'error') {
      yield part;
      return;
    }
    if (!isMetadataSent) {
      isMetadataSent = true;
      yield { type: 'response-metadata', model: search.modelLabel };
    }
    if (part.type === 'finish' && part.choiceIndex === 0 && !areSourcesSent) yield sources();
    yield part;
  }
  if (!areSourcesSent) yield sources();
}
