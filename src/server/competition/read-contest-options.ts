import type { RouteConfig } from '../../config/arbiter-config.js';
import { evaluatorNames, isEvaluatorName, type ContestOptions } from '../../competition/contest-options.js';
import { ApiError } from '../api-error.js';
import { getContestKind } from './get-contest-kind.js';

/** More contenders than this is a mistake (or an attempt to fan one request out to everything). */
export const maxContenders = 16;
/** The longest deadline a caller may give a competition. */
export const maxDeadlineInMs = 600_000;

/**
 * The contest fields of an OpenAI or Anthropic body: `contenders` (route names or `provider/model`s, for
 * `race` and `compete`), `evaluator` and `deadline_ms` (`compete` only). They are Arbiter's, so they are
 * removed from the body before anything goes upstream. A field given for a model that is not a contest,
 * or of the wrong shape, is a 400 naming it.
 */
export function readContestOptions(
  body: unknown,
  routes: Readonly<Record<string, RouteConfig>>,
): ContestOptions | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const fields = body as Record<string, unknown>;
  const { contenders, evaluator, deadline_ms: deadline } = fields;
  // The usual request names none of them: nothing to remove or check.
  if (contenders === undefined && evaluator === undefined && deadline === undefined) return undefined;
  delete fields.contenders;
  delete fields.evaluator;
  delete fields.deadline_ms;
  const given = Object.entries({ contenders, evaluator, deadline_ms: deadline }).filter(
    ([, value]) => value !== undefined,
  );
  if (given.length === 0) return undefined;
  const kind = getContestKind(routes, fields.model);
  if (!kind || (kind === 'race' && (evaluator !== undefined || deadline !== undefined))) {
    const param = kind ? (evaluator !== undefined ? 'evaluator' : 'deadline_ms') : given[0]![0];
    const applies =
      param === 'contenders'
        ? '"race", "compete" and routes with those strategies'
        : '"compete" and routes with strategy compete (a race has no evaluator: the first answer wins)';
    throw new ApiError(
      400,
      'invalid_request_error',
      `'${param}' applies only to ${applies}, and "${String(fields.model)}" is not one.`,
      { code: 'contest_option_not_applicable', param },
    );
  }
  return {
    ...(contenders !== undefined ? { contenders: readContenders(contenders, 'contenders') } : {}),
    ...(evaluator !== undefined ? { evaluator: readEvaluator(evaluator, 'evaluator') } : {}),
    ...(deadline !== undefined ? { deadlineInMs: readDeadline(deadline, 'deadline_ms') } : {}),
  };
}

/** A list of 1 to 16 route or `provider/model` names. */
export function readContenders(value: unknown, param: string): string[] {
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    value.some((name) => typeof name !== 'string' || !name)
  ) {
    throw new ApiError(
      400,
      'invalid_request_error',
      `Invalid '${param}': expected a non-empty list of route or "provider/model" names.`,
      { code: 'invalid_type', param },
    );
  }
  if (value.length > maxContenders) {
    throw new ApiError(
      400,
      'invalid_request_error',
      `Invalid '${param}': at most ${maxContenders} contenders, got ${value.length}.`,
      { code: 'value_above_maximum', param },
    );
  }
  return value as string[];
}

export function readEvaluator(value: unknown, param: string): ContestOptions['evaluator'] {
  if (isEvaluatorName(value)) return value;
  throw new ApiError(
    400,
    'invalid_request_error',
    `Invalid value for '${param}': ${JSON.stringify(value)} is not one of ${evaluatorNames.map((name) => `'${name}'`).join(', ')}.`,
    { code: 'invalid_value', param },
  );
}

export function readDeadline(value: unknown, param: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > maxDeadlineInMs) {
    throw new ApiError(
      400,
      'invalid_request_error',
      `Invalid '${param}': expected whole milliseconds from 1 to ${maxDeadlineInMs}, got ${JSON.stringify(value)}.`,
      { code: 'invalid_value', param },
    );
  }
  return value;
}
