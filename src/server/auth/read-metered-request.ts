import type { IncomingHttpHeaders } from 'node:http';
import { batchLimits } from '../chat-service/chat-service-request-schema.js';
import { getChatServiceRoute } from '../chat-service/get-chat-service-route.js';
import { estimateTextTokens } from './estimate-text-tokens.js';

/** One request as the limits see it, read from the body before the route parses it. */
export interface MeteredItem {
  /** The route it names; undefined when the body does not say (the route then refuses it). */
  route?: string;
  fallbacks: string[];
  inputTokens: number;
  /** Reserved for the answer: the body's output limit, else the default. */
  outputTokens: number;
}

/** What one HTTP request will ask of upstreams: its items (one, or a batch's) and its usage records. */
export interface MeteredRequest {
  items: MeteredItem[];
  /** Usage records its route writes, each settling the reservation once. */
  settlements: number;
}

export interface MeteringContext {
  /** Output tokens reserved when a body sets no limit. */
  defaultOutputTokens: number;
  isRoutable(name: string): boolean;
}

type Body = Record<string, unknown>;
type Reader = (body: Body, headers: IncomingHttpHeaders, context: MeteringContext) => MeteredRequest;

const one = (item: MeteredItem): MeteredRequest => ({ items: [item], settlements: 1 });
const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;

/** The fallbacks a body or header names, read without taking them out (the route does that). */
function readFallbacks(body: Body, headers: IncomingHttpHeaders): string[] {
  const field = Array.isArray(body.fallbacks)
    ? body.fallbacks.filter((name) => typeof name === 'string')
    : [];
  const header = headers['x-arbiter-fallbacks'];
  // The usual request names none: no splitting and trimming of an empty header.
  if (header === undefined) return field;
  const listed = (Array.isArray(header) ? header.join(',') : header).split(',');
  return [...field, ...listed.map((name) => name.trim()).filter(Boolean)];
}

const names = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string' && name !== '') : [];

/**
 * A `race` or `compete` request that names its contenders is served by them, each of which answers:
 * they are the routes to check, and each reserves the answer's tokens (`/compete` names them `providers`
 * too). Without contenders, the route's own targets are the configured contenders.
 */
function withContenders(item: MeteredItem, contenders: string[]): MeteredItem {
  if (contenders.length === 0) return item;
  return {
    route: contenders[0],
    fallbacks: [...contenders.slice(1), ...item.fallbacks],
    inputTokens: item.inputTokens * contenders.length,
    outputTokens: item.outputTokens * contenders.length,
  };
}

function chatServiceItem(body: Body, context: MeteringContext): MeteredItem {
  return {
    route: getChatServiceRoute(text(body.model), text(body.model_provider), context.isRoutable),
    fallbacks: [],
    inputTokens: estimateTextTokens(body.message ?? body.prompt, body.system_prompt),
    outputTokens: count(body.max_tokens) ?? context.defaultOutputTokens,
  };
}

/** How each generating route's body names its model, its input and its output limit. */
const readers: Readonly<Record<string, Reader>> = {
  'POST /v1/chat/completions': readOpenAIChat,
  'POST /chat/completions': readOpenAIChat,
  'POST /v1/messages': (body, headers, context) =>
    one(
      withContenders(
        {
          route: text(body.model),
          fallbacks: readFallbacks(body, headers),
          inputTokens: estimateTextTokens(body.system, body.messages, body.tools),
          outputTokens: count(body.max_tokens) ?? context.defaultOutputTokens,
        },
        names(body.contenders),
      ),
    ),
  // Counting generates nothing and writes no usage record: it counts as a request, nothing more.
  'POST /v1/messages/count_tokens': (body) => ({
    items: [{ route: text(body.model), fallbacks: [], inputTokens: 0, outputTokens: 0 }],
    settlements: 0,
  }),
  'POST /v1/responses': (body, headers, context) =>
    one({
      route: text(body.model),
      fallbacks: readFallbacks(body, headers),
      inputTokens: estimateTextTokens(body.instructions, body.input, body.tools),
      outputTokens: count(body.max_output_tokens) ?? context.defaultOutputTokens,
    }),
  'POST /v1/embeddings': (body, headers) =>
    one({
      route: text(body.model),
      fallbacks: readFallbacks(body, headers),
      inputTokens: estimateTextTokens(body.input),
      outputTokens: 0,
    }),
  'POST /chat': (body, _headers, context) => one(chatServiceItem(body, context)),
  'POST /chat/stream': (body, _headers, context) => one(chatServiceItem(body, context)),
  'POST /compete': (body, _headers, context) =>
    one(
      withContenders(
        {
          route: 'compete',
          fallbacks: [],
          inputTokens: estimateTextTokens(body.prompt, body.messages, body.system_prompt),
          outputTokens: count(body.max_tokens) ?? context.defaultOutputTokens,
        },
        names(body.contenders).length > 0 ? names(body.contenders) : names(body.providers),
      ),
    ),
  'POST /chat/batch': (body, _headers, context) => {
    const requests = body.requests;
    // A batch the route will refuse whole counts as one request, not as its would-be items.
    if (!Array.isArray(requests) || requests.length === 0 || requests.length > batchLimits.maxRequests)
      return { items: [{ fallbacks: [], inputTokens: 0, outputTokens: 0 }], settlements: 0 };
    const items = requests.map((item) =>
      typeof item === 'object' && item !== null
        ? chatServiceItem(item as Body, context)
        : { fallbacks: [], inputTokens: 0, outputTokens: 0 },
    );
    return { items, settlements: items.length };
  },
};

function readOpenAIChat(body: Body, headers: IncomingHttpHeaders, context: MeteringContext): MeteredRequest {
  const limit = count(body.max_completion_tokens) ?? count(body.max_tokens) ?? context.defaultOutputTokens;
  return one(
    withContenders(
      {
        route: text(body.model),
        fallbacks: readFallbacks(body, headers),
        inputTokens: estimateTextTokens(body.messages, body.tools),
        outputTokens: limit * (count(body.n) ?? 1),
      },
      names(body.contenders),
    ),
  );
}

/**
 * The request as the limits see it. Routes not listed above that take a POST count as one request
 * with an estimate from their whole body (a new generating endpoint is limited before anyone lists it).
 */
export function readMeteredRequest(
  routeKey: string,
  body: unknown,
  headers: IncomingHttpHeaders,
  context: MeteringContext,
): MeteredRequest {
  const object: Body =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Body) : {};
  const reader = readers[routeKey];
  if (reader) return reader(object, headers, context);
  return one({
    route: text(object.model),
    fallbacks: readFallbacks(object, headers),
    inputTokens: estimateTextTokens(object),
    outputTokens: count(object.max_tokens) ?? context.defaultOutputTokens,
  });
}
