import type {
  ChatMessage,
  ChatRequest,
  ChatTool,
  JSONSchema,
  ToolCall,
  ToolChoice,
  UserContentPart,
} from '../../spec/index.js';
import { isGeminiObject, type GeminiWireContent } from './gemini-wire-types.js';

/**
 * A validated Gemini request in the shape the wire-neutral planner reads (plan-simulated-answer.ts):
 * `systemInstruction` → a system message; `model` turns → assistant messages whose function calls get
 * ids; `functionResponse` parts → tool messages answering, by name and in order, the calls of the model
 * turn before them; media parts count as images. Function declarations keep their JSON Schema
 * (`parametersJsonSchema`, or the OpenAPI-subset `parameters` with its upper-case types lowered) so the
 * planner can generate arguments; `functionCallingConfig` becomes `tool_choice`.
 */
export function convertGeminiBodyToChatRequest(body: Record<string, unknown>, model: string): ChatRequest {
  const messages: ChatMessage[] = [];
  const system = isGeminiObject(body.systemInstruction) ? getText(body.systemInstruction.parts) : '';
  if (system !== '') messages.push({ role: 'system', content: system });
  let previousCalls: ToolCall[] = [];
  (body.contents as GeminiWireContent[]).forEach((content, contentIndex) => {
    if (content.role === 'model') {
      previousCalls = content.parts.flatMap((part, partIndex) =>
        isGeminiObject(part.functionCall)
          ? [
              {
                id: `call_${contentIndex}_${partIndex}`,
                type: 'function' as const,
                function: {
                  name: String(part.functionCall.name ?? ''),
                  arguments: JSON.stringify(part.functionCall.args ?? {}),
                },
              },
            ]
          : [],
      );
      const text = getText(content.parts);
      messages.push({
        role: 'assistant',
        content: text === '' ? null : text,
        ...(previousCalls.length > 0 ? { tool_calls: previousCalls } : {}),
      });
      return;
    }
    const unanswered = [...previousCalls];
    const userParts: UserContentPart[] = [];
    for (const part of content.parts) {
      if (isGeminiObject(part.functionResponse)) {
        const name = String(part.functionResponse.name ?? '');
        const index = unanswered.findIndex((call) => call.function.name === name);
        const call = index === -1 ? undefined : unanswered.splice(index, 1)[0];
        const id = call?.id ?? `call_${contentIndex}_${name}`;
        messages.push({
          role: 'tool',
          tool_call_id: id,
          content: JSON.stringify(part.functionResponse.response ?? {}),
        });
      } else if (typeof part.text === 'string' && part.thought !== true) {
        userParts.push({ type: 'text', text: part.text });
      } else if (isGeminiObject(part.inlineData) || isGeminiObject(part.fileData)) {
        userParts.push({ type: 'image_url', image_url: { url: 'data:application/octet-stream;base64,' } });
      }
    }
    if (userParts.length > 0) messages.push({ role: 'user', content: userParts });
  });
  return {
    model,
    messages,
    ...convertTools(body.tools, body.toolConfig),
    ...convertGenerationConfig(body.generationConfig),
  };
}

function getText(parts: unknown): string {
  if (!Array.isArray(parts)) return '';
  return parts
    .flatMap((part: unknown) =>
      isGeminiObject(part) && typeof part.text === 'string' && part.thought !== true ? [part.text] : [],
    )
    .join('\n');
}

function convertTools(tools: unknown, toolConfig: unknown): Partial<ChatRequest> {
  const declarations = (Array.isArray(tools) ? tools : []).flatMap((tool: unknown) =>
    isGeminiObject(tool) && Array.isArray(tool.functionDeclarations) ? tool.functionDeclarations : [],
  );
  const chatTools: ChatTool[] = declarations.filter(isGeminiObject).map((declaration) => ({
    type: 'function',
    function: {
      name: String(declaration.name ?? ''),
      parameters: (declaration.parametersJsonSchema ?? lowerSchemaTypes(declaration.parameters)) as
        JSONSchema | undefined,
    },
  }));
  if (chatTools.length === 0) return {};
  const config = isGeminiObject(toolConfig) ? toolConfig.functionCallingConfig : undefined;
  const mode = isGeminiObject(config) ? config.mode : undefined;
  const allowed =
    isGeminiObject(config) && Array.isArray(config.allowedFunctionNames) ? config.allowedFunctionNames : [];
  let toolChoice: ToolChoice = 'auto';
  if (mode === 'NONE') toolChoice = 'none';
  else if (mode === 'ANY' && allowed.length === 1) {
    toolChoice = { type: 'function', function: { name: String(allowed[0]) } };
  } else if (mode === 'ANY' && allowed.length > 1) {
    toolChoice = {
      type: 'allowed_tools',
      allowed_tools: {
        mode: 'required',
        tools: allowed.map((name) => ({ type: 'function', function: { name } })),
      },
    };
  } else if (mode === 'ANY') toolChoice = 'required';
  return { tools: chatTools, tool_choice: toolChoice };
}

function convertGenerationConfig(config: unknown): Partial<ChatRequest> {
  if (!isGeminiObject(config)) return {};
  const request: Partial<ChatRequest> = {};
  if (typeof config.maxOutputTokens === 'number') request.max_tokens = config.maxOutputTokens;
  if (typeof config.temperature === 'number') request.temperature = config.temperature;
  if (typeof config.topP === 'number') request.top_p = config.topP;
  if (typeof config.seed === 'number') request.seed = config.seed;
  if (typeof config.candidateCount === 'number') request.n = config.candidateCount;
  if (Array.isArray(config.stopSequences)) request.stop = config.stopSequences.map(String);
  if (config.responseMimeType === 'application/json') {
    const schema = config.responseJsonSchema ?? lowerSchemaTypes(config.responseSchema);
    request.response_format = isGeminiObject(schema)
      ? { type: 'json_schema', json_schema: { name: 'response', schema } }
      : { type: 'json_object' };
  }
  return request;
}

/** The OpenAPI-subset schema of `parameters` / `responseSchema` (`OBJECT`, `NUMBER`) as JSON Schema types. */
function lowerSchemaTypes(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(lowerSchemaTypes);
  if (!isGeminiObject(schema)) return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === 'type' && typeof value === 'string' ? value.toLowerCase() : lowerSchemaTypes(value),
    ]),
  );
}
