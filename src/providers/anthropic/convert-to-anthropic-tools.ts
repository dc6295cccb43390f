import type { ChatRequest, ChatTool } from '../../spec/chat-request.js';
import type { AnthropicToolChoiceParam, AnthropicToolParam } from './anthropic-request-body.js';
import { isObject } from './anthropic-api.js';

/** A tool without parameters still needs an object schema (PROVIDERS.md §5.3). */
const noParameters = { type: 'object', properties: {} };

/**
 * OpenAI `tools` / `tool_choice` / `parallel_tool_calls` as Anthropic's (PROVIDERS.md §5.3):
 * `auto` → auto, `none` → none, `required` → any, a named function → tool; `allowed_tools` keeps only the
 * allowed tools (Anthropic has no such choice) with `required` → any; `parallel_tool_calls: false` sets
 * `disable_parallel_tool_use`. Without tools no `tool_choice` is sent, since Anthropic would refuse it.
 */
export function convertToAnthropicTools(request: ChatRequest): {
  tools?: AnthropicToolParam[];
  tool_choice?: AnthropicToolChoiceParam;
} {
  let tools = (request.tools ?? []).filter((tool) => tool.type === 'function');
  const choice = request.tool_choice ?? undefined;
  let isRequired = choice === 'required';
  if (typeof choice === 'object' && choice.type === 'allowed_tools') {
    const allowed = new Set(choice.allowed_tools.tools.map(getAllowedToolName));
    tools = tools.filter((tool) => allowed.has(tool.function.name));
    isRequired = choice.allowed_tools.mode === 'required';
  }
  if (tools.length === 0) return {};
  const disableParallel = request.parallel_tool_calls === false ? { disable_parallel_tool_use: true } : {};
  let toolChoice: AnthropicToolChoiceParam | undefined;
  if (choice === 'none') toolChoice = { type: 'none' };
  else if (typeof choice === 'object' && choice.type === 'function') {
    toolChoice = { type: 'tool', name: choice.function.name, ...disableParallel };
  } else if (isRequired) toolChoice = { type: 'any', ...disableParallel };
  else if (choice === 'auto' || request.parallel_tool_calls === false) {
    toolChoice = { type: 'auto', ...disableParallel };
  }
  return { tools: tools.map(convertTool), ...(toolChoice ? { tool_choice: toolChoice } : {}) };
}

function convertTool(tool: ChatTool): AnthropicToolParam {
  const { name, description, parameters, strict } = tool.function;
  const schema = parameters ?? noParameters;
  return {
    name,
    ...(description ? { description } : {}),
    // JSON Schema allows omitting `type`; Anthropic requires `type: "object"` at the top.
    input_schema: schema.type === undefined ? { ...schema, type: 'object' } : schema,
    ...(typeof strict === 'boolean' ? { strict } : {}),
  };
}

function getAllowedToolName(tool: unknown): string | undefined {
  if (!isObject(tool)) return undefined;
  if (isObject(tool.function) && typeof tool.function.name === 'string') return tool.function.name;
  return typeof tool.name === 'string' ? tool.name : undefined;
}
