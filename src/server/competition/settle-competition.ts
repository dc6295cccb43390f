import type { FastifyRequest } from 'fastify';
import type { RouteResult } from '../../gateway.js';
import type { ChatRequest } from '../../spec/chat-request.js';
import type { ServerContext } from '../server-context.js';
import { getCompetitionHeaders } from './convert-competition-to-json.js';
import { recordCompetitionExtras } from './record-competition-extras.js';

/**
 * What an ingress does once a route answered, when that route was a competition: it records what the
 * other contenders and the judge spent, and returns the headers that say how the winner was chosen.
 * For any other route it does nothing and returns no headers.
 */
export function settleCompetition(
  context: ServerContext,
  request: FastifyRequest,
  result: RouteResult<unknown>,
  chatRequest: ChatRequest,
): Record<string, string> {
  if (!result.competition) return {};
  recordCompetitionExtras(context, request, request.id, result.competition, chatRequest);
  return getCompetitionHeaders(result.competition);
}
