import type { ChatAnswerRequest, ChatMessage } from './stream-chat-answer.js';

export interface ChatSessionOptions {
  /** The route to talk to until `/llm switch` (`--model`, default `auto`). */
  model: string;
  /** `--system`: kept as the first message through `/clear`. */
  system?: string;
}

/** The REPL's conversation, kept in memory: every turn goes back to the gateway with the next one. */
export interface ChatSession {
  /** The route the next message goes to. */
  readonly model: string;
  /** The provider chosen with `/llm switch`, if any. */
  readonly switchedProvider?: string;
  /** Turns so far, without the system message. */
  readonly turnCount: number;
  /** The next request: the conversation plus `text`, to `model`, falling back on `auto` when asked. */
  requestFor(text: string, isAutoFallbackEnabled: boolean): ChatAnswerRequest;
  /** Keeps a completed turn. A cancelled or failed one is never added, so it cannot confuse the next. */
  addTurn(question: string, answer: string): void;
  /** `/llm switch <provider>` (or `auto` to go back). */
  switchTo(provider: string): void;
  /** `/clear`: forgets the turns, keeps the system message and the provider. */
  clear(): void;
}

/**
 * The chat REPL's state. After `/llm switch groq` messages go to `groq` first, and — like the original
 * brief's `LLM_AUTO_FALLBACK` — on to `auto`'s providers when that fails and the gateway has fallback on.
 * @example const session = createChatSession({ model: 'auto' }); session.requestFor('Hi', true);
 */
export function createChatSession(options: ChatSessionOptions): ChatSession {
  const initialModel = options.model;
  let model = initialModel;
  let switchedProvider: string | undefined;
  let turns: ChatMessage[] = [];
  const system: ChatMessage[] = options.system ? [{ role: 'system', content: options.system }] : [];

  return {
    get model() {
      return model;
    },
    get switchedProvider() {
      return switchedProvider;
    },
    get turnCount() {
      return turns.length / 2;
    },
    requestFor(text, isAutoFallbackEnabled) {
      const messages: ChatMessage[] = [...system, ...turns, { role: 'user', content: text }];
      const shouldFallBack = switchedProvider !== undefined && isAutoFallbackEnabled;
      return { model, messages, ...(shouldFallBack ? { fallbacks: ['auto'] } : {}) };
    },
    addTurn(question, answer) {
      turns.push({ role: 'user', content: question }, { role: 'assistant', content: answer });
    },
    switchTo(provider) {
      switchedProvider = provider === 'auto' ? undefined : provider;
      model = provider === 'auto' ? initialModel : provider;
    },
    clear() {
      turns = [];
    },
  };
}
