import type { ChatRequest } from '../../spec/chat-request.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { convertToGeminiContents } from './convert-to-gemini-contents.js';
import { convertToGeminiGenerationConfig } from './convert-to-gemini-generation-config.js';
import { convertToGeminiTools } from './convert-to-gemini-tools.js';
import { isGemini3OrLater } from './is-gemini-3-or-later.js';

/**
 * The `generateContent` / `streamGenerateContent` body for a ChatRequest (PROVIDERS.md §6.2), shaped as
 * js-genai sends it (fixtures recording-stream-*.json, whose request bodies the tests compare with).
 * The model is in the URL, not the body; `stream` and `stream_options` have no equivalent (the endpoint
 * decides, and Gemini always sends usage). Unknown OpenAI fields are not forwarded: Gemini rejects
 * unknown names with a 400 ("Invalid JSON payload received. Unknown name …").
 * Throws a `bad-request` ProviderError for what Gemini cannot be given (see the converters).
 */
export function convertToGeminiRequest(
  request: ChatRequest,
  model: string,
  provider: ProviderId,
): Record<string, unknown> {
  const { systemInstruction, contents } = convertToGeminiContents(request.messages, {
    provider,
    isSignatureRequired: isGemini3OrLater(model),
  });
  const { tools, toolConfig } = convertToGeminiTools(request.tools, request.tool_choice);
  const generationConfig = convertToGeminiGenerationConfig(request, model);
  return {
    contents,
    generationConfig,
    ...(systemInstruction ? { systemInstruction } : {}),
    ...(tools ? { tools } : {}),
    ...(toolConfig ? { toolConfig } : {}),
  };
}
