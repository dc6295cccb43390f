import { createId } from '../lib/create-id.js';
import type { SearchSynthesizer } from '../providers/search/index.js';
import { AllAttemptsFailedError } from '../routing/all-attempts-failed-error.js';
import type { ResolvedRoute } from '../routing/resolve-route.js';
import { RouteError } from '../routing/route-error.js';
import type { ChatRequest } from '../spec/chat-request.js';
import type { ChatResponse } from '../spec/chat-response.js';
import type { ChatStreamPart } from '../spec/chat-stream-part.js';
import { ProviderError, isProviderError } from '../spec/provider-error.js';
import type { ProviderId } from '../spec/provider-id.js';

/** The part of the Gateway the synthesizer uses (declared here: gateway.ts imports this file). */
export interface SynthesisGateway {
  chat(request: ChatRequest, context: SynthesisContext): Promise<{ value: ChatResponse }>;
  chatStream(
    request: ChatRequest,
    context: SynthesisContext,
  ): Promise<{ value: { parts: AsyncIterable<ChatStreamPart> } }>;
  resolve(model: string): ResolvedRoute;
}

interface SynthesisContext {
  requestId: string;
  signal: AbortSignal;
}

export interface SearchSynthesizerOptions {
  /** The configured search provider, named in configuration errors. */
  provider: ProviderId;
  /** The route that writes answers (`SEARCH_SYNTHESIS_MODEL`). */
  synthesisModel: string;
  /** The gateway; adapters are built before it exists, so it is looked up at call time. */
  getGateway: () => SynthesisGateway;
}

/**
 * The search provider's synthesizer: the gateway's own routing, asked for the synthesis route with a
 * request id of its own (its attempts are outcomes like any other). A route that would reach a search
 * provider again is refused, since every synthesis would start another search. Failures come back as
 * the synthesis provider's own ProviderError.
 */
export function createSearchSynthesizer(options: SearchSynthesizerOptions): SearchSynthesizer {
  const { synthesisModel } = options;

  function prepare(request: ChatRequest, signal: AbortSignal) {
    const gateway = options.getGateway();
    let route: ResolvedRoute;
    try {
      route = gateway.resolve(synthesisModel);
    } catch (error) {
      if (error instanceof RouteError) throw configurationError(options, error.message);
      throw error;
    }
    const loop = route.targets.find((target) => target.family === 'search');
    if (loop) {
      throw configurationError(
        options,
        `it resolves to the search provider itself (${loop.provider}/${loop.model}), so every answer would start another search; set it to a chat model such as openai/gpt-4o-mini`,
      );
    }
    const context = { requestId: createId('req_synthesis_', 16), signal };
    return { gateway, request: { ...request, model: synthesisModel }, context };
  }

  return {
    async chat(request, signal) {
      const prepared = prepare(request, signal);
      try {
        return (await prepared.gateway.chat(prepared.request, prepared.context)).value;
      } catch (error) {
        throw unwrapSynthesisError(options, error);
      }
    },
    async chatStream(request, signal) {
      const prepared = prepare(request, signal);
      try {
        return (await prepared.gateway.chatStream(prepared.request, prepared.context)).value.parts;
      } catch (error) {
        throw unwrapSynthesisError(options, error);
      }
    },
  };
}

function configurationError(options: SearchSynthesizerOptions, reason: string): ProviderError {
  return new ProviderError({
    kind: 'server',
    provider: options.provider,
    retryable: false,
    code: 'search_synthesis_misconfigured',
    message: `SEARCH_SYNTHESIS_MODEL "${options.synthesisModel}" cannot write search answers: ${reason}`,
  });
}

/** The synthesis provider's own error when the route failed, so it propagates as it is. */
function unwrapSynthesisError(options: SearchSynthesizerOptions, error: unknown): unknown {
  if (error instanceof AllAttemptsFailedError) {
    const last = error.lastError;
    if (isProviderError(last)) return last;
    return configurationError(
      options,
      error.attempts.length === 0 ? 'the route has no target to try' : error.message,
    );
  }
  if (error instanceof RouteError) return configurationError(options, error.message);
  return error;
}
