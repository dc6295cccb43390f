import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Tenancy } from '../../security/create-tenancy.js';
import { TenancyError } from '../../security/tenancy-error.js';
import { logRequest } from '../request-log.js';
import { recordRequest } from '../record-request.js';
import { registerAdminKeys } from '../routes/admin-keys.js';
import type { ServerContext } from '../server-context.js';
import { admitRequest } from './admit-request.js';
import { readPresentedKey } from './read-presented-key.js';
import { adminReadableRoutes, getRouteAccess } from './route-access.js';
import { scopeUsageToKey } from './scope-usage-to-key.js';
import './request-tenancy.js';

/** A route as registered: what the auth test walks. */
export interface RegisteredRoute {
  method: string;
  url: string;
}

const registeredRoutes = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Every route registered after `registerTenancy`, HEAD routes for GETs included. */
export function listRegisteredRoutes(app: FastifyInstance): readonly RegisteredRoute[] {
  return registeredRoutes.get(app) ?? [];
}

/**
 * Authentication and admission for the whole server; call it before any route is registered. An
 * `onRequest` hook resolves the caller's key once per request (see `route-access.ts` for who may call
 * what), a `preHandler` hook admits generating requests (limits, then the priority queue) and keeps
 * each key to its own usage log, and the admin API is registered. Refusals are errors, which the
 * server's error handler renders in the caller's format.
 */
export function registerTenancy(app: FastifyInstance, context: ServerContext): void {
  const { tenancy } = context.gateway;
  const routes: RegisteredRoute[] = [];
  registeredRoutes.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  app.decorateRequest('principal', undefined);
  app.decorateRequest('admission', undefined);

  app.addHook('onRequest', async (request) => {
    const access = getRouteAccess(request.routeOptions.url ?? request.url);
    if (access === 'public') return;
    try {
      const presented = readPresentedKey(request.headers);
      if (access === 'admin' || (access === 'operations' && tenancy.hasKeys))
        tenancy.authenticateAdmin(presented);
      else if (access === 'key' && !isAdminCall(tenancy, request, presented))
        request.principal = await tenancy.authenticate(presented);
    } catch (error) {
      if (error instanceof TenancyError) logRefusal(context, request, error);
      throw error;
    }
  });

  app.addHook('preHandler', async (request, reply) => {
    if (getRouteAccess(request.routeOptions.url ?? request.url) !== 'key') return;
    if (request.method !== 'POST') return scopeUsageToKey(request, context.gateway);
    const startedAt = performance.now();
    try {
      await admitRequest(request, reply, context.gateway);
    } catch (error) {
      if (!(error instanceof TenancyError)) throw error;
      const apiError = context.toApiError(error);
      // A refused request is still the key's request: it gets its log line and its usage record.
      recordRequest(context, request, {
        requestId: request.id,
        method: request.method,
        path: request.url,
        status: apiError.status,
        errorCode: apiError.code,
        durationInMs: Math.round(performance.now() - startedAt),
      });
      throw error;
    }
  });

  registerAdminKeys(app, context);
}

/** The admin key on a route it may call as well as gateway keys (`adminReadableRoutes`): no principal. */
function isAdminCall(tenancy: Tenancy, request: FastifyRequest, presented: string | undefined): boolean {
  if (presented === undefined || !adminReadableRoutes.has(request.routeOptions.url ?? '')) return false;
  try {
    tenancy.authenticateAdmin(presented);
    return true;
  } catch {
    return false;
  }
}

/** A request refused before it had a key: its one log line, but no usage record (it belongs to nobody). */
function logRefusal(context: ServerContext, request: FastifyRequest, error: TenancyError): void {
  const apiError = context.toApiError(error);
  logRequest(context.logger, {
    requestId: request.id,
    method: request.method,
    path: request.url.split('?')[0]!,
    status: apiError.status,
    errorCode: apiError.code,
    durationInMs: 0,
  });
}
