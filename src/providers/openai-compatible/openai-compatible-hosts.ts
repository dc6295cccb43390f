import type { Usage } from '../../spec/usage.js';
import type { OpenAICompatibleConfig } from './openai-compatible-config.js';
import type { OpenAICompatibleUsage } from './openai-compatible-api.js';
import { convertOpenAICompatibleUsage } from './convert-openai-compatible-usage.js';
import { transformMistralRequest } from './transform-mistral-request.js';

/** The hooks of one host; the provider name, pool and base URL are added by the composition root. */
export type OpenAICompatibleHostHooks = Omit<OpenAICompatibleConfig, 'provider' | 'dispatcher'>;

/** OpenAI's reasoning models reject `max_tokens` (fixture openai/error-400-unsupported-parameter.json). */
const openAIReasoningModel = /^(o\d|gpt-5)/;

/**
 * The known OpenAI-compatible hosts and how each differs from OpenAI (PROVIDERS.md §3). A host not listed
 * here (a custom `my-vllm`) is plain OpenAI.
 */
const hostHooks: Readonly<Record<string, OpenAICompatibleHostHooks>> = {
  openai: {
    supportsResponses: true,
    transformRequestBody(body, model) {
      if (openAIReasoningModel.test(model) && body.max_tokens != null && body.max_completion_tokens == null) {
        body.max_completion_tokens = body.max_tokens;
        delete body.max_tokens;
      }
      return body;
    },
  },
  mistral: { transformRequestBody: transformMistralRequest },
  deepseek: {
    // deepseek-reasoner (R1) rejects earlier turns' reasoning_content; V4 models require it.
    transformRequestBody(body, model) {
      if (model === 'deepseek-reasoner' && Array.isArray(body.messages)) {
        body.messages = body.messages.map((message: Record<string, unknown>) => {
          if (message.role !== 'assistant' || !('reasoning_content' in message)) return message;
          const { reasoning_content: _dropped, ...rest } = message;
          return rest;
        });
      }
      return body;
    },
  },
  xai: {
    // xAI's completion_tokens exclude reasoning tokens; everywhere else they include them.
    convertUsage(usage: OpenAICompatibleUsage): Usage {
      const converted = convertOpenAICompatibleUsage(usage);
      const reasoningTokens = converted.completion_tokens_details?.reasoning_tokens ?? 0;
      const completionTokens = converted.completion_tokens + reasoningTokens;
      return {
        ...converted,
        completion_tokens: completionTokens,
        total_tokens: converted.prompt_tokens + completionTokens,
      };
    },
  },
  groq: {},
  together: {},
  openrouter: {},
};

export function getOpenAICompatibleHostHooks(host: string): OpenAICompatibleHostHooks {
  return hostHooks[host] ?? {};
}
