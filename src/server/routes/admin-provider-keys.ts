import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ProviderKeyError, type StoredProviderKey } from '../../gateway/create-provider-key-manager.js';
import { ApiError } from '../api-error.js';
import type { ServerContext } from '../server-context.js';
import { parseAdminBody } from './parse-admin-body.js';

/**
 * A key is sent upstream in a header: printable ASCII without spaces, so no CR/LF can smuggle a header
 * and no stray whitespace from a copy can make a silently broken key.
 */
const addProviderKeySchema = z.strictObject({
  provider: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'a provider name, e.g. "groq"')
    .max(100),
  key: z
    .string()
    .min(8, 'too short to be a provider key')
    .max(4096)
    .regex(/^[\x21-\x7E]+$/, 'printable characters without spaces'),
  weight: z.number().positive().max(1000).optional(),
});

type KeyRequest = FastifyRequest<{ Params: { id: string } }>;

/**
 * `/admin/provider-keys` (behind `ARBITER_ADMIN_KEY`, like every `/admin/*` route): `POST {provider, key,
 * weight?}` encrypts the key with the master password, stores it and adds it to the provider's pool at
 * once; `GET` lists ids, providers and weights (never a key); `DELETE /{id}` removes one from the store
 * and the pool. Without a master password nothing can be stored: the POST is a 400 saying so.
 */
export function registerAdminProviderKeys(app: FastifyInstance, context: ServerContext): void {
  const { providerKeys } = context.gateway;

  app.post('/admin/provider-keys', async (request, reply) => {
    const body = parseAdminBody(addProviderKeySchema, request.body);
    try {
      reply.code(201).send(convertToJson(await providerKeys.add(body)));
    } catch (error) {
      if (!(error instanceof ProviderKeyError)) throw error;
      const isMissingPassword = error.kind === 'master-password-missing';
      throw new ApiError(400, 'invalid_request_error', error.message, {
        code: isMissingPassword ? 'master_password_not_configured' : 'provider_not_configured',
        param: isMissingPassword ? null : 'provider',
      });
    }
  });

  app.get('/admin/provider-keys', async (_request, reply) => {
    reply.send({ object: 'list', data: (await providerKeys.list()).map(convertToJson) });
  });

  app.delete('/admin/provider-keys/:id', async (request: KeyRequest, reply) => {
    const { id } = request.params;
    if (!(await providerKeys.remove(id))) {
      throw new ApiError(404, 'invalid_request_error', `No stored provider key has the id ${id}.`, {
        code: 'not_found',
        param: 'id',
      });
    }
    reply.send({ id, object: 'provider_key', deleted: true });
  });
}

function convertToJson(key: StoredProviderKey) {
  return {
    id: key.id,
    object: 'provider_key',
    provider: key.provider,
    weight: key.weight,
    created_at: Math.floor(key.createdAt / 1000),
  };
}
