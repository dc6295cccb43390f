import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { PlanRecord } from '../../store/gateway-key-store.js';
import { TenancyError } from '../../security/tenancy-error.js';
import type { ServerContext } from '../server-context.js';
import { convertPlanToJson } from './admin-key-json.js';
import { parseAdminBody } from './parse-admin-body.js';

/** A whole plan: a limit left out (or `null`) is unlimited, `priority` defaults to 0. */
const putPlanSchema = z.strictObject({
  requests_per_hour: z.number().int().positive().nullable().optional(),
  tokens_per_day: z.number().int().positive().nullable().optional(),
  budget_per_day_usd: z.number().min(0).nullable().optional(),
  budget_per_month_usd: z.number().min(0).nullable().optional(),
  allowed_models: z.array(z.string().min(1)).max(1000).nullable().optional(),
  priority: z.number().int().min(0).max(1000).optional(),
});

type PlanRequest = FastifyRequest<{ Params: { name: string } }>;

/**
 * `GET /admin/plans`, `GET /admin/plans/{name}` and `PUT /admin/plans/{name}`: the plans keys can be on.
 * A plan put here is stored and replaces the configured one of the same name (built-ins included), on
 * every key of it from its next request.
 */
export function registerAdminPlans(app: FastifyInstance, context: ServerContext): void {
  const { plans } = context.gateway.tenancy;

  app.get('/admin/plans', async (_request, reply) => {
    await plans.refresh(true);
    reply.send({ object: 'list', data: plans.list().map(convertPlanToJson) });
  });

  app.get('/admin/plans/:name', async (request: PlanRequest, reply) => {
    await plans.refresh(true);
    const plan = plans.list().find((candidate) => candidate.name === request.params.name);
    if (!plan) throw new TenancyError('not-found', `No plan is named "${request.params.name}".`);
    reply.send(convertPlanToJson(plan));
  });

  app.put('/admin/plans/:name', async (request: PlanRequest, reply) => {
    const name = request.params.name;
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(name))
      throw new TenancyError('invalid-request', 'Plan names are lowercase letters, digits, "-" and "_".', {
        param: 'name',
      });
    const body = parseAdminBody(putPlanSchema, request.body);
    const plan: PlanRecord = { name, priority: body.priority ?? 0 };
    if (body.requests_per_hour != null) plan.requestsPerHour = body.requests_per_hour;
    if (body.tokens_per_day != null) plan.tokensPerDay = body.tokens_per_day;
    if (body.budget_per_day_usd != null) plan.budgetPerDayInUsd = body.budget_per_day_usd;
    if (body.budget_per_month_usd != null) plan.budgetPerMonthInUsd = body.budget_per_month_usd;
    if (body.allowed_models != null) plan.allowedModels = body.allowed_models;
    await plans.put(plan);
    reply.send(convertPlanToJson({ ...plan, source: 'stored' }));
  });
}
