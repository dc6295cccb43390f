import type { ChatMessage, ChatRequest } from '../spec/index.js';
import { hashSeed } from './seeded-random.js';

/** What the simulated model "understood" of a request, wire-neutral. */
export interface PromptSummary {
  /** Text of the last user message (all text parts joined). */
  lastUserText: string;
  /** Up to four content words of the last user message, in order of appearance. */
  topicWords: string[];
  /** Tool results that end the conversation (the answer must use them), in order. */
  toolResults: SimulatedToolResult[];
  /** A hash of every message's role and text: the same prompt gives the same answer. */
  fingerprint: number;
}

export interface SimulatedToolResult {
  /** The called tool's name, from the assistant turn that made the call (`tool` when unknown). */
  name: string;
  content: string;
}

const stopWords = new Set(
  (
    'about above after again also because been before being below between both could does doing down ' +
    'during each from further have having here into just know like make more most much must only other ' +
    'over please same should some such tell than that their them then there these they this those ' +
    'through under until very want what when where which while will with would your yours give explain ' +
    'describe write short answer question using used help need thanks thank'
  ).split(' '),
);

export function summarizePrompt(request: ChatRequest): PromptSummary {
  const messages = request.messages;
  let fingerprint = 0;
  let lastUserText = '';
  for (const message of messages) {
    const text = getMessageText(message);
    fingerprint = hashSeed(fingerprint, message.role, text);
    if (message.role === 'user') lastUserText = text;
  }
  return {
    lastUserText,
    topicWords: extractTopicWords(lastUserText),
    toolResults: collectTrailingToolResults(messages),
    fingerprint,
  };
}

/** The text parts of a message's content joined with newlines (images and audio contribute nothing). */
export function getMessageText(message: ChatMessage): string {
  const content = message.content;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  let text = '';
  for (const part of content) {
    if (part.type === 'text' && typeof part.text === 'string') text += (text === '' ? '' : '\n') + part.text;
  }
  return text;
}

function extractTopicWords(text: string): string[] {
  const words: string[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(/[\p{L}][\p{L}\p{N}'-]*/gu)) {
    const word = match[0].replace(/-+$/, '');
    const key = word.toLowerCase();
    if (word.length < 4 || word.includes("'") || stopWords.has(key) || seen.has(key)) continue;
    seen.add(key);
    words.push(/^\p{Lu}[\p{Ll}]/u.test(word) && match.index !== 0 ? word : key);
    if (words.length === 4) break;
  }
  return words;
}

function collectTrailingToolResults(messages: readonly ChatMessage[]): SimulatedToolResult[] {
  const results: SimulatedToolResult[] = [];
  let index = messages.length - 1;
  while (index >= 0 && messages[index]!.role === 'tool') index--;
  const toolNames = new Map<string, string>();
  const caller = messages[index];
  if (caller?.role === 'assistant' && Array.isArray(caller.tool_calls)) {
    for (const call of caller.tool_calls) toolNames.set(call.id, call.function.name);
  }
  for (let next = index + 1; next < messages.length; next++) {
    const message = messages[next]!;
    if (message.role !== 'tool') continue;
    results.push({ name: toolNames.get(message.tool_call_id) ?? 'tool', content: getMessageText(message) });
  }
  return results;
}
