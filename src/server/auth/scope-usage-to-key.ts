import type { FastifyRequest } from 'fastify';
import type { Gateway } from '../../gateway.js';
import { ApiError } from '../api-error.js';

/**
 * A gateway key reads its own usage only: `/usage` and `/usage/requests` are filtered to its key id
 * (whatever `key_id` asked for), and `/usage/requests/{id}` of another key's request is not found. Other
 * tenants' traffic, and their bodies when LOG_REQUESTS is on, stay theirs. Open access sees everything.
 */
export async function scopeUsageToKey(request: FastifyRequest, gateway: Gateway): Promise<void> {
  const principal = request.principal;
  const url = request.routeOptions.url;
  if (!principal || !url?.startsWith('/usage')) return;
  if (url === '/usage' || url === '/usage/requests') {
    if (typeof request.query === 'object' && request.query !== null)
      (request.query as Record<string, unknown>).key_id = principal.keyId;
    return;
  }
  const id = (request.params as { id?: string }).id;
  if (id === undefined) return;
  await gateway.usage.flush();
  const record = await gateway.stores.usage.get(id);
  if (record && record.keyId !== principal.keyId) {
    throw new ApiError(404, 'invalid_request_error', `No usage record for request '${id}'.`, {
      code: 'usage_record_not_found',
      param: 'request_id',
    });
  }
}
