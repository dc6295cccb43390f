import type { ApiError } from '../api-error.js';

/** OpenAI's error envelope (PROVIDERS.md §2.6), which the `openai` SDK turns into typed exceptions. */
export function renderOpenAIError(error: ApiError): string {
  return JSON.stringify({
    error: { message: error.message, type: error.type, param: error.param, code: error.code },
  });
}
