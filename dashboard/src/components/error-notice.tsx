import { ApiRequestError } from '../api/api-request-error';
import { Notice } from './notice';

/**
 * A failed data call, in words. A 401 shows nothing here: the login form replaces the page instead.
 */
export function ErrorNotice({ error, action }: { error: Error | undefined; action?: string }) {
  if (!error || (error instanceof ApiRequestError && error.isUnauthorized)) return null;
  const prefix = action ? `${action}: ` : '';
  const detail =
    error instanceof ApiRequestError ? error.message : `the gateway could not be reached (${error.message}).`;
  return <Notice tone="error">{`${prefix}${detail}`}</Notice>;
}
