import type { FastifyReply } from 'fastify';
import type { ApiError } from '../api-error.js';
import { getAnthropicStatus, renderAnthropicError } from './render-anthropic-error.js';

/** An error answer in Anthropic's envelope, with the `request-id` header its SDK reads. */
export function sendAnthropicError(reply: FastifyReply, error: ApiError, requestId: string): void {
  if (reply.sent || reply.raw.headersSent) return;
  reply
    .code(getAnthropicStatus(error))
    .headers({
      ...error.headers,
      'request-id': requestId,
      'x-request-id': requestId,
      'x-arbiter-request-id': requestId,
    })
    .type('application/json')
    .send(renderAnthropicError(error, requestId));
}
