import type { ChatRequest, ChatTool } from '../spec/index.js';
import type { BehaviourMode } from './behaviour-profiles.js';

/**
 * Which declared tools the simulated model calls. A forced choice (`required`, a named function,
 * `allowed_tools` with mode `required`) always calls; `auto` calls only in `tools` mode and not right
 * after tool results, so a tool round trip ends in text. In `tools` mode with two or more tools and
 * `parallel_tool_calls` not false, the first two tools are called at once.
 */
export function chooseToolsToCall(
  request: ChatRequest,
  mode: BehaviourMode,
  hasTrailingToolResults: boolean,
): ChatTool[] {
  let tools = (request.tools ?? []).filter((tool) => tool.type === 'function');
  if (tools.length === 0) return [];
  const choice = request.tool_choice ?? 'auto';
  if (choice === 'none') return [];
  let isForced = choice === 'required';
  if (typeof choice === 'object' && choice.type === 'function') {
    const named = tools.find((tool) => tool.function.name === choice.function.name);
    return named === undefined ? [] : [named];
  }
  if (typeof choice === 'object' && choice.type === 'allowed_tools') {
    const allowed = new Set(choice.allowed_tools.tools.map(getAllowedToolName));
    tools = tools.filter((tool) => allowed.has(tool.function.name));
    isForced = choice.allowed_tools.mode === 'required';
    if (tools.length === 0) return [];
  }
  const isToolsMode = mode === 'tools';
  if (!isForced && (!isToolsMode || hasTrailingToolResults)) return [];
  const isParallel = isToolsMode && request.parallel_tool_calls !== false && tools.length >= 2;
  return tools.slice(0, isParallel ? 2 : 1);
}

function getAllowedToolName(tool: unknown): string | undefined {
  if (typeof tool !== 'object' || tool === null) return undefined;
  const definition = (tool as { function?: { name?: unknown } }).function;
  return typeof definition?.name === 'string' ? definition.name : undefined;
}
