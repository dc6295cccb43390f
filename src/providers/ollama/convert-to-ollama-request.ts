import type { ChatRequest, ChatTool } from '../../spec/chat-request.js';
import { ProviderError } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { convertToOllamaMessages } from './convert-to-ollama-messages.js';

/**
 * The `/api/chat` body for a ChatRequest (PROVIDERS.md §7.1). `stream` is always sent because Ollama
 * streams unless told `false`. Sampling parameters go under `options` with Modelfile names; fields Ollama
 * has no equivalent for (`logit_bias`, `user`, logprobs, unknown extras) are not sent.
 *
 * `tool_choice` has no native equivalent either, so it is approximated by what is offered: `none` sends
 * no tools and a named function sends only that one; `auto` and `required` send them all (the model
 * decides, as Ollama's own /v1 does).
 */
export function convertToOllamaRequest(
  request: ChatRequest,
  model: string,
  isStream: boolean,
  provider: ProviderId,
): Record<string, unknown> {
  if ((request.n ?? 1) > 1) {
    throw new ProviderError({
      kind: 'bad-request',
      provider,
      param: 'n',
      message: 'Ollama answers with one choice per request; n must be 1',
    });
  }
  const body: Record<string, unknown> = {
    model,
    messages: convertToOllamaMessages(request.messages, provider),
    stream: isStream,
  };
  const tools = selectTools(request);
  if (tools.length > 0) body.tools = tools.map(convertTool);
  const format = request.response_format;
  if (format?.type === 'json_object') body.format = 'json';
  else if (format?.type === 'json_schema') body.format = format.json_schema.schema ?? { type: 'object' };
  const options = convertOptions(request);
  if (Object.keys(options).length > 0) body.options = options;
  const think = mapReasoningEffort(request.reasoning_effort);
  if (think !== undefined) body.think = think;
  return body;
}

function selectTools(request: ChatRequest): ChatTool[] {
  const tools = (request.tools ?? []).filter((tool) => tool.type === 'function');
  const choice = request.tool_choice;
  if (choice === 'none') return [];
  if (typeof choice === 'object' && choice !== null && choice.type === 'function') {
    return tools.filter((tool) => tool.function.name === choice.function.name);
  }
  return tools;
}

/** Ollama's tool definition has no `strict`. */
function convertTool(tool: ChatTool): Record<string, unknown> {
  const { name, description, parameters } = tool.function;
  return {
    type: 'function',
    function: {
      name,
      ...(description === undefined ? {} : { description }),
      ...(parameters === undefined ? {} : { parameters }),
    },
  };
}

function convertOptions(request: ChatRequest): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  if (maxTokens != null) options.num_predict = maxTokens;
  if (request.temperature != null) options.temperature = request.temperature;
  if (request.top_p != null) options.top_p = request.top_p;
  if (request.stop != null) options.stop = typeof request.stop === 'string' ? [request.stop] : request.stop;
  if (request.seed != null) options.seed = request.seed;
  if (request.presence_penalty != null) options.presence_penalty = request.presence_penalty;
  if (request.frequency_penalty != null) options.frequency_penalty = request.frequency_penalty;
  return options;
}

/**
 * OpenAI's `reasoning_effort` as Ollama's `think` (`false`, `true` or a level, PROVIDERS.md §7.1):
 * `none` turns thinking off, `minimal` is the lowest level Ollama has (`low`), `xhigh` the highest below
 * `max`; a value Ollama has no level for just turns thinking on.
 */
function mapReasoningEffort(effort: string | null | undefined): boolean | string | undefined {
  switch (effort) {
    case undefined:
    case null:
      return undefined;
    case 'none':
      return false;
    case 'minimal':
    case 'low':
      return 'low';
    case 'medium':
      return 'medium';
    case 'high':
    case 'xhigh':
      return 'high';
    case 'max':
      return 'max';
    default:
      return true;
  }
}
