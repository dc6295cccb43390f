import type { z } from 'zod';
import { ApiError } from '../api-error.js';

/** An admin API body checked against its strict schema; the first problem is a 400 naming the field. */
export function parseAdminBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const param = issue.code === 'unrecognized_keys' ? issue.keys[0]! : issue.path.map(String).join('.');
  const message =
    issue.code === 'unrecognized_keys'
      ? `Unknown field '${param}'.`
      : `Invalid '${param || 'body'}': ${issue.message}.`;
  return throwInvalid(
    message,
    param || null,
    issue.code === 'unrecognized_keys' ? 'unknown_parameter' : 'invalid_value',
  );
}

function throwInvalid(message: string, param: string | null, code: string): never {
  throw new ApiError(400, 'invalid_request_error', message, { code, param });
}
