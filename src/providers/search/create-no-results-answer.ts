import type { ChatResponse } from '../../spec/chat-response.js';
import type { ChatStreamPart } from '../../spec/chat-stream-part.js';
import type { Usage } from '../../spec/usage.js';
import { createId } from '../../lib/create-id.js';

const noUsage: Usage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };

/**
 * With nothing found there is nothing to synthesise from: the answer says so directly instead of asking
 * a model, which would spend tokens and could answer from memory while looking search-grounded.
 */
export function getNoResultsText(query: string, backend: string): string {
  return (
    `The web search (${backend}) found no results for "${query}", so there are no sources to answer ` +
    'from. Try other keywords or a broader question.'
  );
}

/** The no-results answer, non-streamed: no citations, no sources, no tokens. */
export function createNoResultsResponse(modelLabel: string, text: string): ChatResponse {
  return {
    id: createId('chatcmpl-'),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: modelLabel,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text, refusal: null, annotations: [] },
        finish_reason: 'stop',
      },
    ],
    usage: noUsage,
    sources: [],
  };
}

/** The no-results answer as stream parts. */
export async function* createNoResultsStream(
  modelLabel: string,
  text: string,
): AsyncGenerator<ChatStreamPart> {
  yield {
    type: 'response-metadata',
    id: createId('chatcmpl-'),
    model: modelLabel,
    created: Math.floor(Date.now() / 1000),
  };
  yield { type: 'text-delta', choiceIndex: 0, text };
  yield { type: 'finish', choiceIndex: 0, finishReason: 'stop' };
  yield { type: 'usage', usage: noUsage };
}
