import { countPromptTokens } from '../count-simulated-tokens.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import { convertGeminiBodyToChatRequest } from './convert-gemini-body-to-chat-request.js';
import { isGeminiObject, type GeminiWireCall } from './gemini-wire-types.js';
import { renderGeminiInvalidArgument } from './render-gemini-error.js';
import { sendGeminiError, sendGeminiJson } from './send-gemini-json.js';
import { validateGeminiGenerateRequest } from './validate-gemini-generate-request.js';

/**
 * `POST …:countTokens` with `{contents}` or a whole `{generateContentRequest}`: the prompt tokens a
 * generation would report, by the simulator's one tokenizer, as `{totalTokens, promptTokensDetails}`.
 */
export function handleGeminiCountTokens(exchange: SimulatorExchange, call: GeminiWireCall): void {
  const body = exchange.body;
  const request =
    isGeminiObject(body) && isGeminiObject(body.generateContentRequest)
      ? body.generateContentRequest
      : isGeminiObject(body)
        ? { contents: body.contents }
        : body;
  const problem = exchange.isBodyMalformed
    ? 'Invalid JSON payload received. Unexpected token.'
    : validateGeminiGenerateRequest(request, call.model);
  if (problem !== undefined) {
    sendGeminiError(
      exchange,
      renderGeminiInvalidArgument(problem.replace('GenerateContentRequest', 'CountTokensRequest')),
    );
    return;
  }
  const totalTokens = countPromptTokens(
    convertGeminiBodyToChatRequest(request as Record<string, unknown>, call.model),
  );
  sendGeminiJson(exchange, 200, {
    totalTokens,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: totalTokens }],
  });
}
