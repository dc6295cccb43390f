import type { FastifyReply, FastifyRequest } from 'fastify';
import { CallerCancelledError } from '../../routing/attempt-context.js';
import type { RequestedRoute } from '../../security/check-model-access.js';
import type { Admission } from '../../security/create-admission-control.js';
import type { Gateway } from '../../gateway.js';
import { getRateLimitHeaders } from './get-rate-limit-headers.js';
import { readMeteredRequest } from './read-metered-request.js';

/**
 * Before a generating route runs: a keyed caller's request is checked against its allowed models and
 * reserved on its limits (all at once, before any upstream call), then every request waits for a slot
 * of the gateway-wide concurrency limit, in its plan's priority. The slot is given back and the unused
 * estimate released when the response closes; `recordRequest` settles the real usage before that.
 */
export async function admitRequest(
  request: FastifyRequest,
  reply: FastifyReply,
  gateway: Gateway,
): Promise<void> {
  const { tenancy } = gateway;
  const principal = request.principal;
  let admission: Admission | undefined;
  if (principal) {
    // Each name the request uses is resolved once, whether metering or the access check asks first.
    const resolved = new Map<string, RequestedRoute['targets'] | undefined>();
    const resolve = (name: string) => {
      if (!resolved.has(name)) resolved.set(name, resolveTargets(gateway, name));
      return resolved.get(name);
    };
    const metered = readMeteredRequest(
      `${request.method} ${request.routeOptions.url}`,
      request.body,
      request.headers,
      {
        defaultOutputTokens: gateway.config.security.defaultReservedOutputTokens,
        isRoutable: (name) => resolve(name) !== undefined,
      },
    );
    // Plain loops: flatMap with spreads was the costliest line of admission.
    const names = new Set<string>();
    let inputTokens = 0;
    let outputTokens = 0;
    for (const item of metered.items) {
      inputTokens += item.inputTokens;
      outputTokens += item.outputTokens;
      if (!item.route) continue;
      names.add(item.route);
      for (const fallback of item.fallbacks) names.add(fallback);
    }
    const routes: RequestedRoute[] = [];
    for (const name of names) routes.push({ name, targets: resolve(name) ?? [] });
    admission = await tenancy.admit(principal, {
      routes,
      requests: metered.items.length,
      inputTokens,
      outputTokens,
      settlements: metered.settlements,
    });
    request.admission = admission;
  }

  const release = tenancy.gate.tryAcquire() ?? (await waitForSlot(request, reply, gateway));
  const done = (): void => {
    release();
    admission?.finish();
  };
  if (reply.raw.destroyed) done();
  else reply.raw.once('close', done);
  if (admission) {
    const headers = getRateLimitHeaders(admission.counters, Date.now());
    for (const name in headers) reply.raw.setHeader(name, headers[name]!);
  }
}

/** Queues for a slot in the key's priority, until one frees, the wait runs out or the caller leaves. */
async function waitForSlot(
  request: FastifyRequest,
  reply: FastifyReply,
  gateway: Gateway,
): Promise<() => void> {
  const controller = new AbortController();
  const onClose = (): void => controller.abort(new CallerCancelledError());
  if (reply.raw.destroyed) onClose();
  reply.raw.once('close', onClose);
  try {
    return await gateway.tenancy.gate.acquire(request.principal?.limits.priority ?? 0, controller.signal);
  } catch (error) {
    // Refused or abandoned in the queue: it never ran, so it counts against nothing.
    request.admission?.cancel();
    request.admission = undefined;
    throw error;
  } finally {
    reply.raw.off('close', onClose);
  }
}

/** The distinct `provider/model`s a route name can reach; undefined when the name does not resolve. */
export function resolveTargets(gateway: Gateway, name: string): RequestedRoute['targets'] | undefined {
  try {
    const seen = new Map<string, { provider: string; model: string }>();
    for (const target of gateway.resolve(name).targets)
      seen.set(`${target.provider}/${target.model}`, { provider: target.provider, model: target.model });
    return [...seen.values()];
  } catch {
    return undefined;
  }
}
