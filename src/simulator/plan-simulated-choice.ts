import type { ChatRequest, ChatTool, FinishReason } from '../spec/index.js';
import { countSimulatedTokens, splitIntoSimulatedTokens } from './count-simulated-tokens.js';
import { generateJsonFromSchema } from './generate-json-from-schema.js';
import type { PlausibleValueContext } from './plausible-values.js';
import type { SimulatedChoice, SimulatedToolCall } from './simulated-answer.js';
import { generateSimulatedText, generateToolResultText } from './simulated-text.js';
import { createSeededRandom } from './seeded-random.js';
import type { PromptSummary } from './summarize-prompt.js';

/** Tool definitions without parameters take an empty arguments object, as OpenAI sends `{}`. */
const noParameters = { type: 'object', properties: {} };

/** Generated contents by seed and format: benchmarks repeat one prompt, and generating is pure. */
const contentCache = new Map<string, GeneratedContent>();
const contentCacheLimit = 256;

interface GeneratedContent {
  text: string;
  tokens: readonly string[];
}

/**
 * One choice's content: tool calls when `toolsToCall` is not empty, otherwise text — JSON when
 * `response_format` asks for it, an answer quoting the tool results after a tool round trip, or prose.
 * Then `stop` cuts the text before the first stop sequence and the token limit cuts it after exactly
 * that many tokens (`finish_reason: length`). `textSeed` fixes every random choice of this choice.
 */
export function planSimulatedChoice(
  request: ChatRequest,
  index: number,
  summary: PromptSummary,
  toolsToCall: readonly ChatTool[],
  textSeed: number,
): SimulatedChoice {
  const context: PlausibleValueContext = {
    random: createSeededRandom(textSeed),
    topicWords: summary.topicWords,
    promptText: summary.lastUserText,
  };
  const limit = request.max_completion_tokens ?? request.max_tokens ?? Infinity;
  if (toolsToCall.length > 0) return planToolCalls(index, toolsToCall, limit, context);

  const content = getContent(request, summary, context, textSeed);
  let text = content.text;
  let finishReason: FinishReason = 'stop';
  const stops = typeof request.stop === 'string' ? [request.stop] : (request.stop ?? []);
  for (const stop of stops) {
    const position = stop === '' ? -1 : text.indexOf(stop);
    if (position !== -1) text = text.slice(0, position);
  }
  let textTokens = text === content.text ? content.tokens : splitIntoSimulatedTokens(text);
  if (textTokens.length > limit) {
    textTokens = textTokens.slice(0, limit);
    finishReason = 'length';
  }
  return { index, textTokens, toolCalls: [], finishReason };
}

function getContent(
  request: ChatRequest,
  summary: PromptSummary,
  context: PlausibleValueContext,
  textSeed: number,
): GeneratedContent {
  const format = request.response_format;
  const key =
    format === undefined || format === null ? String(textSeed) : `${textSeed}:${JSON.stringify(format)}`;
  let content = contentCache.get(key);
  if (content === undefined) {
    const text = generateContentText(request, summary, context);
    content = { text, tokens: splitIntoSimulatedTokens(text) };
    if (contentCache.size >= contentCacheLimit) contentCache.clear();
    contentCache.set(key, content);
  }
  return content;
}

function generateContentText(
  request: ChatRequest,
  summary: PromptSummary,
  context: PlausibleValueContext,
): string {
  const format = request.response_format;
  if (format?.type === 'json_schema') {
    return JSON.stringify(generateJsonFromSchema(format.json_schema.schema ?? noParameters, context));
  }
  if (format?.type === 'json_object') {
    return JSON.stringify({
      topic: summary.topicWords[0] ?? 'general',
      answer: generateSimulatedText({ ...context, targetTokens: 12 }),
      keywords: summary.topicWords.slice(0, 3),
    });
  }
  if (summary.toolResults.length > 0) {
    return generateToolResultText(summary.toolResults, context.random, summary.topicWords);
  }
  return generateSimulatedText(context);
}

function planToolCalls(
  index: number,
  tools: readonly ChatTool[],
  limit: number,
  context: PlausibleValueContext,
): SimulatedChoice {
  const toolCalls: SimulatedToolCall[] = [];
  let budget = limit;
  let finishReason: FinishReason = 'tool_calls';
  for (const tool of tools) {
    const argumentsText = JSON.stringify(
      generateJsonFromSchema(tool.function.parameters ?? noParameters, context),
    );
    let argumentTokens = splitIntoSimulatedTokens(argumentsText);
    budget -= countSimulatedTokens(tool.function.name);
    // A call whose name does not fit is not started; one whose arguments do not fit is cut, as a real
    // model's would be, leaving invalid JSON behind `finish_reason: length`.
    if (budget < 0) {
      finishReason = 'length';
      break;
    }
    if (argumentTokens.length > budget) {
      argumentTokens = argumentTokens.slice(0, budget);
      finishReason = 'length';
    }
    budget -= argumentTokens.length;
    toolCalls.push({ name: tool.function.name, argumentTokens });
    if (finishReason === 'length') break;
  }
  return { index, textTokens: [], toolCalls, finishReason };
}
