import type { ChatMessage, ChatRequest } from '../spec/index.js';

/**
 * The simulator's one tokenizer. A token is a run of letters/digits with the whitespace before it, or a
 * single other character (punctuation, a quote, a brace) with the whitespace before it; trailing
 * whitespace is a token of its own. Concatenating the tokens always gives back the text, so what is
 * streamed and what is counted can never disagree.
 */
const tokenPattern = /\s*[\p{L}\p{N}_]+|\s*[^\s\p{L}\p{N}_]|\s+/gu;

/** Fixed cost of each message's role and framing, like OpenAI's documented ~3 tokens per message. */
export const tokensPerMessage = 3;
/** Tokens that prime the assistant's reply, counted once per request. */
export const tokensPerReply = 3;
/** What one image part costs, OpenAI's price for a `detail: low` image. */
export const tokensPerImage = 85;

export function splitIntoSimulatedTokens(text: string): string[] {
  return text.match(tokenPattern) ?? [];
}

export function countSimulatedTokens(text: string): number {
  tokenPattern.lastIndex = 0;
  let tokens = 0;
  while (tokenPattern.exec(text) !== null) tokens++;
  return tokens;
}

/**
 * Prompt tokens of a request: for each message, `tokensPerMessage` + its text parts + its name + the
 * names and arguments of its tool calls (+ `tokensPerImage` per image part); then the JSON text of the
 * tool definitions, the JSON schema of `response_format`, and `tokensPerReply`.
 */
export function countPromptTokens(request: ChatRequest): number {
  let tokens = tokensPerReply;
  for (const message of request.messages) tokens += countMessageTokens(message);
  if (request.tools !== undefined && request.tools !== null && request.tools.length > 0) {
    tokens += countSimulatedTokens(JSON.stringify(request.tools));
  }
  if (request.response_format?.type === 'json_schema') {
    tokens += countSimulatedTokens(JSON.stringify(request.response_format.json_schema));
  }
  return tokens;
}

function countMessageTokens(message: ChatMessage): number {
  let tokens = tokensPerMessage;
  if ('name' in message && typeof message.name === 'string') tokens += countSimulatedTokens(message.name);
  const content = message.content;
  if (typeof content === 'string') tokens += countSimulatedTokens(content);
  else if (Array.isArray(content)) {
    for (const part of content) {
      if (part.type === 'text' && typeof part.text === 'string') tokens += countSimulatedTokens(part.text);
      else if (part.type === 'refusal' && typeof part.refusal === 'string') {
        tokens += countSimulatedTokens(part.refusal);
      } else if (part.type === 'image_url') tokens += tokensPerImage;
    }
  }
  if (message.role === 'assistant' && Array.isArray(message.tool_calls)) {
    for (const call of message.tool_calls) {
      tokens += countSimulatedTokens(call.function.name) + countSimulatedTokens(call.function.arguments);
    }
  }
  return tokens;
}
