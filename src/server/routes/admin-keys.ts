import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { KeySettings } from '../../security/create-gateway-key-admin.js';
import { TenancyError } from '../../security/tenancy-error.js';
import type { ServerContext } from '../server-context.js';
import { convertKeyToJson, convertKeyUsageToJson } from './admin-key-json.js';
import { registerAdminPlans } from './admin-plans.js';
import { parseAdminBody } from './parse-admin-body.js';

const modelsSchema = z.array(z.string().min(1)).max(1000);
const metadataSchema = z.record(z.string().max(200), z.string().max(2000));

const createKeySchema = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  plan: z.string().min(1),
  budget_per_day_usd: z.number().min(0).optional(),
  budget_per_month_usd: z.number().min(0).optional(),
  allowed_models: modelsSchema.optional(),
  metadata: metadataSchema.optional(),
});

/** `null` clears a field: the key goes back to its plan's budget or models. */
const updateKeySchema = z.strictObject({
  name: z.string().min(1).max(200).nullable().optional(),
  plan: z.string().min(1).optional(),
  budget_per_day_usd: z.number().min(0).nullable().optional(),
  budget_per_month_usd: z.number().min(0).nullable().optional(),
  allowed_models: modelsSchema.nullable().optional(),
  metadata: metadataSchema.optional(),
});

type KeyRequest = FastifyRequest<{ Params: { id: string } }>;

/**
 * The admin API for gateway keys, behind `ARBITER_ADMIN_KEY` (checked by the auth hook): `POST
 * /admin/keys` creates one and answers the key this once; `GET /admin/keys` lists them (prefixes only);
 * `GET /admin/keys/{id}` shows one with what it used in its current windows; `PATCH` changes its plan,
 * budgets, models or metadata; `DELETE` revokes it; `POST /admin/keys/{id}/rotate` replaces it with a new
 * key of the same settings. Plans are under `/admin/plans`.
 */
export function registerAdminKeys(app: FastifyInstance, context: ServerContext): void {
  const { tenancy } = context.gateway;
  const keys = tenancy.keys;

  app.post('/admin/keys', async (request, reply) => {
    const body = parseAdminBody(createKeySchema, request.body);
    const created = await keys.create({
      name: body.name,
      plan: body.plan,
      budgetPerDayInUsd: body.budget_per_day_usd,
      budgetPerMonthInUsd: body.budget_per_month_usd,
      allowedModels: body.allowed_models,
      metadata: body.metadata,
    });
    reply.code(201).send({ ...convertKeyToJson(created.record), key: created.key });
  });

  app.get('/admin/keys', async (_request, reply) => {
    reply.send({ object: 'list', data: (await keys.list()).map(convertKeyToJson) });
  });

  app.get('/admin/keys/:id', async (request: KeyRequest, reply) => {
    const key = await keys.get(request.params.id);
    if (!key) throw new TenancyError('not-found', `No gateway key has the id ${request.params.id}.`);
    const usage = convertKeyUsageToJson(await tenancy.readUsage(key.id));
    reply.send({ ...convertKeyToJson(key), usage });
  });

  app.patch('/admin/keys/:id', async (request: KeyRequest, reply) => {
    const body = parseAdminBody(updateKeySchema, request.body);
    const changes: Partial<KeySettings> = {};
    if (body.name !== undefined) changes.name = body.name ?? undefined;
    if (body.plan !== undefined) changes.plan = body.plan;
    if (body.budget_per_day_usd !== undefined)
      changes.budgetPerDayInUsd = body.budget_per_day_usd ?? undefined;
    if (body.budget_per_month_usd !== undefined)
      changes.budgetPerMonthInUsd = body.budget_per_month_usd ?? undefined;
    if (body.allowed_models !== undefined) changes.allowedModels = body.allowed_models ?? undefined;
    if (body.metadata !== undefined) changes.metadata = body.metadata;
    reply.send(convertKeyToJson(await keys.update(request.params.id, changes)));
  });

  app.delete('/admin/keys/:id', async (request: KeyRequest, reply) => {
    reply.send(convertKeyToJson(await keys.revoke(request.params.id)));
  });

  app.post('/admin/keys/:id/rotate', async (request: KeyRequest, reply) => {
    const rotated = await keys.rotate(request.params.id);
    reply.code(201).send({
      ...convertKeyToJson(rotated.record),
      key: rotated.key,
      rotated_from: convertKeyToJson(rotated.previous),
    });
  });

  registerAdminPlans(app, context);
}
