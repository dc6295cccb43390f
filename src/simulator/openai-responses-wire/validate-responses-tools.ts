import { renderOpenAIInvalidRequest, type RenderedOpenAIError } from '../openai-wire/render-openai-error.js';
import { invalidType, invalidValue, isJsonObject, missingParameter } from './responses-request-errors.js';
import type { ResponsesTool, ResponsesToolChoice } from './responses-wire-types.js';

const toolChoiceModes = ['none', 'auto', 'required'];

type ToolsResult =
  | { tools: ResponsesTool[]; toolChoice: ResponsesToolChoice; rejection?: undefined }
  | { rejection: RenderedOpenAIError };

/**
 * `tools` and `tool_choice`. Function tools take the Responses shape (`name` at the top level, not
 * under `function` as in Chat Completions, which OpenAI answers with a missing `tools[i].name`).
 * Built-in tools (`web_search`, `file_search`, …) only need a `type`: they are accepted and echoed,
 * and the simulated model never calls them.
 */
export function validateResponsesTools(body: Record<string, unknown>): ToolsResult {
  const tools = body.tools ?? [];
  if (!Array.isArray(tools)) return { rejection: invalidType('tools', 'an array', tools) };
  for (const [index, tool] of tools.entries()) {
    const rejection = validateTool(tool, `tools[${index}]`);
    if (rejection !== undefined) return { rejection };
  }
  const functionNames = new Set(
    (tools as ResponsesTool[]).filter((tool) => tool.type === 'function').map((tool) => tool.name),
  );
  const toolChoice = body.tool_choice ?? 'auto';
  const rejection = validateToolChoice(toolChoice, functionNames, tools.length > 0);
  if (rejection !== undefined) return { rejection };
  return { tools: tools as ResponsesTool[], toolChoice: toolChoice as ResponsesToolChoice };
}

function validateTool(tool: unknown, path: string): RenderedOpenAIError | undefined {
  if (!isJsonObject(tool)) return invalidType(path, 'an object', tool);
  if (tool.type === undefined) return missingParameter(`${path}.type`);
  if (typeof tool.type !== 'string') return invalidType(`${path}.type`, 'a string', tool.type);
  if (tool.type !== 'function') return undefined;
  if (tool.name === undefined || tool.name === '') return missingParameter(`${path}.name`);
  if (typeof tool.name !== 'string') return invalidType(`${path}.name`, 'a string', tool.name);
  const { parameters, strict, description } = tool;
  if (parameters !== undefined && parameters !== null && !isJsonObject(parameters)) {
    return invalidType(`${path}.parameters`, 'an object', parameters);
  }
  if (strict !== undefined && strict !== null && typeof strict !== 'boolean') {
    return invalidType(`${path}.strict`, 'a boolean', strict);
  }
  if (description !== undefined && description !== null && typeof description !== 'string') {
    return invalidType(`${path}.description`, 'a string', description);
  }
  return undefined;
}

function validateToolChoice(
  choice: unknown,
  functionNames: ReadonlySet<string | undefined>,
  hasTools: boolean,
): RenderedOpenAIError | undefined {
  if (typeof choice === 'string') {
    if (!toolChoiceModes.includes(choice)) return invalidValue('tool_choice', choice, toolChoiceModes);
    return choice === 'required' && !hasTools ? requiresTools() : undefined;
  }
  if (!isJsonObject(choice)) return invalidType('tool_choice', 'a string or an object', choice);
  if (choice.type === undefined) return missingParameter('tool_choice.type');
  if (choice.type === 'function') {
    if (typeof choice.name !== 'string') return missingParameter('tool_choice.name');
    if (!functionNames.has(choice.name)) {
      return renderOpenAIInvalidRequest(
        `Invalid value for 'tool_choice': function '${choice.name}' not found in 'tools'.`,
        'tool_choice',
        null,
      );
    }
  }
  if (choice.type === 'allowed_tools') {
    if (choice.mode !== 'auto' && choice.mode !== 'required') {
      return invalidValue('tool_choice.mode', choice.mode, ['auto', 'required']);
    }
    if (!Array.isArray(choice.tools)) return invalidType('tool_choice.tools', 'an array', choice.tools);
  }
  return undefined;
}

function requiresTools(): RenderedOpenAIError {
  return renderOpenAIInvalidRequest(
    "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.",
    'tool_choice',
    null,
  );
}
