import type { ChatRequest } from '../../spec/chat-request.js';
import { ProviderError } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';

/**
 * Brave rejects queries over 400 characters or 50 words (its API reference for `q`); the same cap keeps
 * a pasted paragraph a usable query on every backend.
 */
const maxQueryCharacters = 400;
const maxQueryWords = 50;

/**
 * What to search for: the text of the last user message, whitespace collapsed, cut to the longest
 * query backends accept. A request without one is the caller's mistake (`bad-request`), found before
 * any backend is called.
 */
export function getSearchQuery(request: ChatRequest, provider: ProviderId, model: string): string {
  const lastUser = request.messages.findLast((message) => message.role === 'user');
  const content = lastUser?.content;
  const text =
    typeof content === 'string'
      ? content
      : (content ?? []).map((part) => (part.type === 'text' ? part.text : '')).join(' ');
  const words = text.split(/\s+/).filter(Boolean).slice(0, maxQueryWords);
  let query = words.join(' ');
  if (query.length > maxQueryCharacters) {
    const cut = query.slice(0, maxQueryCharacters + 1);
    query = cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trimEnd();
  }
  if (query === '') {
    throw new ProviderError({
      kind: 'bad-request',
      provider,
      param: 'messages',
      code: 'missing_search_query',
      message: `${provider}/${model} searches the web for the last user message, and this request has no user message with text`,
    });
  }
  return query;
}
