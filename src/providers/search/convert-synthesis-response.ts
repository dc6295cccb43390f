import type { ChatResponse } from '../../spec/chat-response.js';
import { getCitationAnnotations } from './get-citation-annotations.js';
import type { SearchResult } from './search-result.js';
import { getSearchSources } from './search-sources.js';

/**
 * The synthesis route's answer as the search answer: its text and usage as they are, each choice's
 * `[n]` citations as OpenAI-style `message.annotations`, every result in a top-level `sources` list, and
 * a model name saying both halves (`search/brave+gpt-4o-mini`).
 */
export function convertSynthesisResponse(
  response: ChatResponse,
  search: { modelLabel: string; results: readonly SearchResult[] },
): ChatResponse {
  return {
    ...response,
    model: getSearchModelName(search.modelLabel, response.model),
    choices: response.choices.map((choice) => ({
      ...choice,
      message: {
        ...choice.message,
        annotations: getCitationAnnotations(choice.message.content ?? '', search.results),
      },
    })),
    sources: getSearchSources(search.results),
  };
}

/** `search/brave+<synthesis model>`, or the backend alone when the synthesis did not name its model. */
export function getSearchModelName(modelLabel: string, synthesisModel: string | undefined): string {
  return synthesisModel ? `${modelLabel}+${synthesisModel}` : modelLabel;
}
