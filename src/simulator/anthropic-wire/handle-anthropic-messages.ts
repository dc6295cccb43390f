import type { SimulatorExchange } from '../simulator-exchange.js';
import { createAnthropicResponseMeta } from './anthropic-response-meta.js';
import { checkAnthropicHeaders } from './check-anthropic-headers.js';
import { convertAnthropicWireRequest } from './convert-anthropic-wire-request.js';
import { getAnthropicBehaviour } from './get-anthropic-behaviour.js';
import { planAnthropicAnswer } from './plan-anthropic-answer.js';
import {
  malformedBodyMessage,
  renderAnthropicFailure,
  renderAnthropicInvalidRequest,
} from './render-anthropic-error.js';
import { sendAnthropicAnswer, streamAnthropicAnswer } from './send-anthropic-answer.js';
import { sendAnthropicError } from './send-anthropic-json.js';
import { findAnthropicRequestError } from './validate-anthropic-request.js';

/**
 * `POST …/v1/messages`, checked in Anthropic's order: credentials and version, JSON, parameters, model;
 * then the planned answer (or failure, or hang) is sent on the profile's schedule, as a Message or as
 * the SSE event sequence.
 */
export function handleAnthropicMessages(exchange: SimulatorExchange): void {
  const { state, body } = exchange;
  const requestedModel = (body as { model?: unknown } | undefined)?.model;
  if (typeof requestedModel === 'string') {
    state.stats.byModel[requestedModel] = (state.stats.byModel[requestedModel] ?? 0) + 1;
  }
  const headerRejection = checkAnthropicHeaders(exchange, String(requestedModel ?? ''));
  if (headerRejection !== undefined) {
    sendAnthropicError(exchange, headerRejection);
    return;
  }
  const invalid = exchange.isBodyMalformed ? malformedBodyMessage : findAnthropicRequestError(body, false);
  if (invalid !== undefined) {
    sendAnthropicError(exchange, renderAnthropicInvalidRequest(invalid));
    return;
  }
  const wire = convertAnthropicWireRequest(body as Record<string, unknown>);
  const model = wire.chat.model;
  const behaviour = getAnthropicBehaviour(model, state.profiles);
  if (behaviour === undefined) {
    sendAnthropicError(exchange, renderAnthropicFailure({ kind: 'not-found', status: 404 }, model));
    return;
  }
  const { profile, isOverloadedMidstream } = behaviour;
  const plan = planAnthropicAnswer(wire, {
    profile,
    seed: state.seed,
    timeScale: state.timeScale,
    random: state.nextRandom(model),
  });
  if (plan.kind === 'hang') return;
  if (plan.kind === 'failure' || (isOverloadedMidstream && !wire.isStream)) {
    const failure = plan.kind === 'failure' ? plan.failure : { kind: 'overloaded' as const, status: 529 };
    const delayInMs = plan.kind === 'failure' ? plan.delayInMs : plan.timing.latencyInMs;
    exchange.lifecycle.after(delayInMs, () =>
      sendAnthropicError(exchange, renderAnthropicFailure(failure, model)),
    );
    return;
  }
  const meta = createAnthropicResponseMeta(model, plan);
  if (wire.isStream) {
    streamAnthropicAnswer(exchange, plan, meta, isOverloadedMidstream ? profile.cutAfterChunks : undefined);
  } else {
    sendAnthropicAnswer(exchange, plan, meta);
  }
}
