import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from './api-error.js';

/**
 * The fallbacks a caller asked for on one request: the body field `fallbacks` (a list of route or
 * `provider/model` names) or the header `x-arbiter-fallbacks` (comma-separated). The field is removed
 * from the body, since it is Arbiter's and no provider knows it.
 */
export function readRequestFallbacks(body: unknown, headers: IncomingHttpHeaders): string[] | undefined {
  const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
  const field = isObject ? (body as Record<string, unknown>).fallbacks : undefined;
  if (field !== undefined) delete (body as Record<string, unknown>).fallbacks;
  if (
    field !== undefined &&
    (!Array.isArray(field) || field.some((name) => typeof name !== 'string' || name === ''))
  ) {
    throw new ApiError(
      400,
      'invalid_request_error',
      "Invalid 'fallbacks': expected a list of model or route names.",
      { code: 'invalid_type', param: 'fallbacks' },
    );
  }
  const header = headers['x-arbiter-fallbacks'];
  if (header === undefined) return field === undefined || field.length === 0 ? undefined : [...field];
  const fromHeader = (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const fallbacks = [...((field as string[] | undefined) ?? []), ...fromHeader];
  return fallbacks.length > 0 ? fallbacks : undefined;
}

/** The body field `continue_on_failure` (Arbiter's, removed before the request goes upstream). */
export function readContinueOnFailure(body: unknown): boolean | undefined {
  if (typeof body !== 'object' || body === null || !('continue_on_failure' in body)) return undefined;
  const value = (body as Record<string, unknown>).continue_on_failure;
  delete (body as Record<string, unknown>).continue_on_failure;
  if (typeof value !== 'boolean') {
    throw new ApiError(
      400,
      'invalid_request_error',
      "Invalid 'continue_on_failure': expected true or false.",
      { code: 'invalid_type', param: 'continue_on_failure' },
    );
  }
  return value;
}
