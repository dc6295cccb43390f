import type { ChatTool, ToolChoice } from '../../spec/chat-request.js';
import { isObject } from './gemini-api.js';

export interface GeminiFunctionDeclaration {
  name: string;
  description: string;
  parametersJsonSchema?: Record<string, unknown>;
}

export interface GeminiToolSettings {
  tools?: Array<{ functionDeclarations: GeminiFunctionDeclaration[] }>;
  toolConfig?: { functionCallingConfig: { mode: 'AUTO' | 'ANY' | 'NONE'; allowedFunctionNames?: string[] } };
}

/**
 * OpenAI `tools` and `tool_choice` as Gemini's (PROVIDERS.md §6.2): all functions go in one
 * `functionDeclarations` entry, their JSON Schema as `parametersJsonSchema` (plain JSON Schema, so no
 * conversion to the OpenAPI subset of `parameters`). `description` is sent even when empty: the
 * published schema marks it required. `tool_choice` becomes the calling mode: `auto` → AUTO, `none` →
 * NONE, `required` → ANY, a named function → ANY limited to it; `allowed_tools` declares only the
 * allowed functions, in AUTO or ANY mode as it says.
 */
export function convertToGeminiTools(
  tools: readonly ChatTool[] | null | undefined,
  toolChoice: ToolChoice | null | undefined,
): GeminiToolSettings {
  let functions = (tools ?? []).filter((tool) => tool.type === 'function');
  if (functions.length === 0) return {};
  let mode: 'AUTO' | 'ANY' | 'NONE' | undefined;
  let allowedFunctionNames: string[] | undefined;
  if (toolChoice === 'auto') mode = 'AUTO';
  else if (toolChoice === 'none') mode = 'NONE';
  else if (toolChoice === 'required') mode = 'ANY';
  else if (isObject(toolChoice) && toolChoice.type === 'function') {
    mode = 'ANY';
    allowedFunctionNames = [toolChoice.function.name];
  } else if (isObject(toolChoice) && toolChoice.type === 'allowed_tools') {
    const allowed = new Set(toolChoice.allowed_tools.tools.map(getAllowedToolName));
    functions = functions.filter((tool) => allowed.has(tool.function.name));
    mode = toolChoice.allowed_tools.mode === 'required' ? 'ANY' : 'AUTO';
    if (functions.length === 0) return {};
  }
  const functionDeclarations = functions.map(({ function: definition }) => ({
    name: definition.name,
    description: definition.description ?? '',
    ...(definition.parameters ? { parametersJsonSchema: definition.parameters } : {}),
  }));
  return {
    tools: [{ functionDeclarations }],
    ...(mode === undefined
      ? {}
      : {
          toolConfig: {
            functionCallingConfig: allowedFunctionNames ? { mode, allowedFunctionNames } : { mode },
          },
        }),
  };
}

function getAllowedToolName(tool: unknown): string | undefined {
  const definition = isObject(tool) ? tool.function : undefined;
  return isObject(definition) && typeof definition.name === 'string' ? definition.name : undefined;
}
