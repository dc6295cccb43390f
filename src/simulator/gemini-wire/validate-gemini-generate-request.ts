import { isGeminiObject, type GeminiWireContent, type GeminiWirePart } from './gemini-wire-types.js';

const requestFields = new Set([
  'model',
  'contents',
  'systemInstruction',
  'tools',
  'toolConfig',
  'safetySettings',
  'generationConfig',
  'cachedContent',
]);
const partFields = new Set([
  'text',
  'inlineData',
  'fileData',
  'functionCall',
  'functionResponse',
  'thought',
  'thoughtSignature',
  'executableCode',
  'codeExecutionResult',
  'videoMetadata',
]);
const generationFields = new Set([
  'stopSequences',
  'responseMimeType',
  'responseSchema',
  'responseJsonSchema',
  'responseModalities',
  'candidateCount',
  'maxOutputTokens',
  'temperature',
  'topP',
  'topK',
  'seed',
  'presencePenalty',
  'frequencyPenalty',
  'responseLogprobs',
  'logprobs',
  'enableEnhancedCivicAnswers',
  'speechConfig',
  'thinkingConfig',
  'mediaResolution',
]);
const skipSignature = 'skip_thought_signature_validator';
const base64Pattern = /^[A-Za-z0-9+/_-]*={0,2}$/;

/**
 * What Gemini rejects with 400 INVALID_ARGUMENT before running a model, with its messages: unknown
 * field names (the API is strict about them, unlike OpenAI), empty contents or parts, roles other than
 * `user` and `model`, function responses that do not answer the function call turn just before them
 * one for one, undecodable thought signatures, both thinking budget and level (PROVIDERS.md §6.2) and,
 * for Gemini 3 models, a function call of the current turn without its thought signature
 * (https://ai.google.dev/gemini-api/docs/thought-signatures). Returns the message, or undefined.
 */
export function validateGeminiGenerateRequest(body: unknown, model: string): string | undefined {
  if (!isGeminiObject(body))
    return 'Invalid JSON payload received. Unknown name "": Root element must be a message.';
  const unknown = Object.keys(body).find((name) => !requestFields.has(name));
  if (unknown !== undefined)
    return `Invalid JSON payload received. Unknown name "${unknown}": Cannot find field.`;
  const contents = body.contents;
  if (!Array.isArray(contents) || contents.length === 0) {
    return '* GenerateContentRequest.contents: contents is not specified\n';
  }
  for (const [index, content] of contents.entries()) {
    const problem = validateContent(content, index);
    if (problem !== undefined) return problem;
  }
  return (
    validateFunctionTurns(contents as GeminiWireContent[]) ??
    validateGenerationConfig(body.generationConfig) ??
    (/^gemini-[3-9]/.test(model) ? validateSignatures(contents as GeminiWireContent[]) : undefined)
  );
}

function validateContent(content: unknown, index: number): string | undefined {
  if (!isGeminiObject(content)) return `Invalid value at 'contents[${index}]': expected a Content object.`;
  if (content.role !== undefined && content.role !== 'user' && content.role !== 'model') {
    return 'Please use a valid role: user, model.';
  }
  if (!Array.isArray(content.parts) || content.parts.length === 0) {
    return `* GenerateContentRequest.contents[${index}].parts: contents.parts must not be empty.\n`;
  }
  for (const [partIndex, part] of content.parts.entries()) {
    const where = `contents[${index}].parts[${partIndex}]`;
    if (!isGeminiObject(part)) return `Invalid value at '${where}': expected a Part object.`;
    const name = Object.keys(part).find((field) => !partFields.has(field));
    if (name !== undefined) {
      return `Invalid JSON payload received. Unknown name "${name}" at '${where}': Cannot find field.`;
    }
    const signature = part.thoughtSignature;
    if (signature !== undefined && (typeof signature !== 'string' || !base64Pattern.test(signature))) {
      if (signature !== skipSignature) {
        return `Invalid value at '${where}.thought_signature' (TYPE_BYTES), Base64 decoding failed for "${String(signature)}"`;
      }
    }
  }
  return undefined;
}

function validateFunctionTurns(contents: GeminiWireContent[]): string | undefined {
  for (const [index, content] of contents.entries()) {
    const responses = content.parts.filter((part) => isGeminiObject(part.functionResponse)).length;
    if (responses === 0) continue;
    const previous = index > 0 ? contents[index - 1]! : undefined;
    const calls = previous?.role === 'model' ? previous.parts.filter(isFunctionCall).length : 0;
    if (calls === 0) {
      return 'Please ensure that function response turn comes immediately after a function call turn.';
    }
    if (calls !== responses) {
      return 'Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn.';
    }
  }
  return undefined;
}

function validateGenerationConfig(config: unknown): string | undefined {
  if (config === undefined) return undefined;
  if (!isGeminiObject(config))
    return "Invalid value at 'generation_config': expected a GenerationConfig object.";
  const unknown = Object.keys(config).find((name) => !generationFields.has(name));
  if (unknown !== undefined) {
    return `Invalid JSON payload received. Unknown name "${unknown}" at 'generation_config': Cannot find field.`;
  }
  const thinking = config.thinkingConfig;
  if (
    isGeminiObject(thinking) &&
    thinking.thinkingBudget !== undefined &&
    thinking.thinkingLevel !== undefined
  ) {
    return 'You can only set only one of thinking budget and thinking level.';
  }
  return undefined;
}

/** Only the current turn (since the last user text) is checked, and only its first call of each step. */
function validateSignatures(contents: GeminiWireContent[]): string | undefined {
  let start = 0;
  contents.forEach((content, index) => {
    if (content.role !== 'model' && content.parts.some((part) => typeof part.text === 'string'))
      start = index;
  });
  for (let index = start; index < contents.length; index++) {
    const content = contents[index]!;
    if (content.role !== 'model') continue;
    const first = content.parts.find(isFunctionCall);
    if (first !== undefined && typeof first.thoughtSignature !== 'string') {
      const name = isGeminiObject(first.functionCall) ? String(first.functionCall.name) : '';
      return (
        'Function call is missing a thought_signature in functionCall parts. This is required for tools to work ' +
        'correctly, and missing thought_signature may lead to degraded model performance. Additional data, ' +
        `function call \`default_api:${name}\` , position ${index + 1}. Please refer to ` +
        'https://ai.google.dev/gemini-api/docs/thought-signatures for more details.'
      );
    }
  }
  return undefined;
}

function isFunctionCall(part: GeminiWirePart): boolean {
  return isGeminiObject(part.functionCall);
}
