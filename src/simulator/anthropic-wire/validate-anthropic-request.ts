import { findAnthropicMessagesError, isRecord } from './validate-anthropic-messages.js';

const toolNamePattern = /^[a-zA-Z0-9_-]{1,128}$/;
const toolChoiceTypes = ['auto', 'any', 'tool', 'none'];
const thinkingTypes = ['enabled', 'disabled', 'adaptive'];
const efforts = ['low', 'medium', 'high', 'xhigh', 'max'];

/**
 * The 400 message Anthropic would give this Messages (or count_tokens) body, in its pydantic-style
 * words (`max_tokens: Field required`), or undefined when it is acceptable (PROVIDERS.md §5.2, §5.10).
 * Fields the simulator does not know are accepted, so pass-through tests can carry new ones.
 */
export function findAnthropicRequestError(body: unknown, isCountTokens: boolean): string | undefined {
  if (!isRecord(body)) return 'Input should be a valid dictionary';
  if (body.model === undefined) return 'model: Field required';
  if (typeof body.model !== 'string') return 'model: Input should be a valid string';
  if (!isCountTokens) {
    const maxTokensError = findIntegerError(body.max_tokens, 'max_tokens', 0);
    if (maxTokensError !== undefined) return maxTokensError;
  }
  if (body.messages === undefined) return 'messages: Field required';
  if (!Array.isArray(body.messages)) return 'messages: Input should be a valid list';
  return (
    findAnthropicMessagesError(body.messages) ??
    findSystemError(body.system) ??
    findSamplingError(body) ??
    findToolsError(body.tools, body.tool_choice) ??
    findThinkingError(body.thinking, isCountTokens ? undefined : (body.max_tokens as number)) ??
    findOutputConfigError(body.output_config)
  );
}

function findSystemError(system: unknown): string | undefined {
  if (system === undefined || typeof system === 'string') return undefined;
  if (!Array.isArray(system)) return 'system: Input should be a valid string';
  const index = system.findIndex((block) => !isRecord(block) || typeof block.text !== 'string');
  return index === -1 ? undefined : `system.${index}.text: Field required`;
}

function findSamplingError(body: Record<string, unknown>): string | undefined {
  for (const field of ['temperature', 'top_p'] as const) {
    const value = body[field];
    if (value === undefined) continue;
    if (typeof value !== 'number') return `${field}: Input should be a valid number`;
    if (value < 0) return `${field}: Input should be greater than or equal to 0`;
    if (value > 1) return `${field}: Input should be less than or equal to 1`;
  }
  const topKError = body.top_k === undefined ? undefined : findIntegerError(body.top_k, 'top_k', 0);
  if (topKError !== undefined) return topKError;
  if (body.stream !== undefined && typeof body.stream !== 'boolean')
    return 'stream: Input should be a valid boolean';
  const stops = body.stop_sequences;
  if (stops !== undefined && (!Array.isArray(stops) || stops.some((stop) => typeof stop !== 'string'))) {
    return 'stop_sequences: Input should be a valid list';
  }
  return undefined;
}

function findToolsError(tools: unknown, toolChoice: unknown): string | undefined {
  if (tools !== undefined && !Array.isArray(tools)) return 'tools: Input should be a valid list';
  const names: string[] = [];
  for (const [index, tool] of (tools ?? []).entries()) {
    if (!isRecord(tool)) return `tools.${index}: Input should be a valid dictionary`;
    if (tool.type !== undefined && tool.type !== null && tool.type !== 'custom') continue; // server tools
    const path = `tools.${index}.custom`;
    if (typeof tool.name !== 'string') return `${path}.name: Field required`;
    if (!toolNamePattern.test(tool.name)) {
      return `${path}.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'`;
    }
    if (!isRecord(tool.input_schema)) return `${path}.input_schema: Field required`;
    if (tool.input_schema.type !== 'object') return `${path}.input_schema.type: Input should be 'object'`;
    names.push(tool.name);
  }
  if (toolChoice === undefined) return undefined;
  if (!isRecord(toolChoice) || !toolChoiceTypes.includes(String(toolChoice.type))) {
    return `tool_choice: Input tag '${String(isRecord(toolChoice) ? toolChoice.type : toolChoice)}' found using 'type' does not match any of the expected tags: 'auto', 'any', 'tool', 'none'`;
  }
  if (toolChoice.type === 'tool') {
    if (typeof toolChoice.name !== 'string') return 'tool_choice.tool.name: Field required';
    if (!names.includes(toolChoice.name))
      return `tool_choice: tool '${toolChoice.name}' was not found in tools`;
  }
  return undefined;
}

function findThinkingError(thinking: unknown, maxTokens: number | undefined): string | undefined {
  if (thinking === undefined) return undefined;
  if (!isRecord(thinking) || !thinkingTypes.includes(String(thinking.type))) {
    return "thinking: Input tag found using 'type' does not match any of the expected tags: 'enabled', 'disabled', 'adaptive'";
  }
  if (thinking.type !== 'enabled') return undefined;
  const budgetError = findIntegerError(thinking.budget_tokens, 'thinking.enabled.budget_tokens', 1024);
  if (budgetError !== undefined) return budgetError;
  if (maxTokens !== undefined && maxTokens <= (thinking.budget_tokens as number)) {
    return '`max_tokens` must be greater than `thinking.budget_tokens`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#max-tokens-and-context-window-size';
  }
  return undefined;
}

function findOutputConfigError(outputConfig: unknown): string | undefined {
  if (outputConfig === undefined) return undefined;
  if (!isRecord(outputConfig)) return 'output_config: Input should be a valid dictionary';
  const { effort, format } = outputConfig;
  if (effort !== undefined && effort !== null && !efforts.includes(String(effort))) {
    return "output_config.effort: Input should be 'low', 'medium', 'high', 'xhigh' or 'max'";
  }
  if (format === undefined || format === null) return undefined;
  if (!isRecord(format) || format.type !== 'json_schema')
    return "output_config.format.type: Input should be 'json_schema'";
  return isRecord(format.schema) ? undefined : 'output_config.format.schema: Field required';
}

function findIntegerError(value: unknown, field: string, minimum: number): string | undefined {
  if (value === undefined) return `${field}: Field required`;
  if (typeof value !== 'number' || !Number.isInteger(value))
    return `${field}: Input should be a valid integer`;
  return value < minimum ? `${field}: Input should be greater than or equal to ${minimum}` : undefined;
}
