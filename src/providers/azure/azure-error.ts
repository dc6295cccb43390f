import { ProviderError, isProviderError, type ProviderErrorKind } from '../../spec/provider-error.js';

/**
 * Azure's failures, after the OpenAI-compatible base has read them (it already knows Azure's string
 * `code`, `content_filter` and "Please retry after N seconds"; PROVIDERS.md §4.3). What Azure adds:
 * - 404 `DeploymentNotFound` says nothing about which deployment, and a bare 404 "Resource not found"
 *   means a wrong endpoint or `api-version`: both messages name what to check.
 * - Some 429s say "Try again in N seconds" (fixture azure-openai/error-429-rate-limit-with-headers.http)
 *   with no `retry-after` header.
 * - 403 "Out of call volume quota" is an exhausted quota, not a bad key.
 */
export function convertAzureError(error: unknown, deployment: string, apiVersion: string): unknown {
  if (!isProviderError(error) || error.status === undefined) return error;
  let kind: ProviderErrorKind = error.kind;
  let message = error.message;
  let retryAfterMs = error.retryAfterMs;
  if (error.code === 'DeploymentNotFound') {
    message = `Azure OpenAI has no deployment named "${deployment}" on this resource; the model of an azure route is the deployment name (${error.message})`;
  } else if (error.status === 404) {
    message = `Azure OpenAI answered 404 (${error.message}): check the resource endpoint, the deployment "${deployment}" and api-version "${apiVersion}"`;
  }
  if (error.kind === 'rate-limited' && retryAfterMs === undefined) {
    const match = /try again in (\d+(?:\.\d+)?) seconds?/i.exec(error.message);
    if (match) retryAfterMs = Math.ceil(Number(match[1]) * 1000);
  }
  if (error.status === 403 && /quota/i.test(error.message)) kind = 'quota';
  if (kind === error.kind && message === error.message && retryAfterMs === error.retryAfterMs) return error;
  return new ProviderError({
    kind,
    provider: error.provider,
    message,
    status: error.status,
    retryable: kind === error.kind ? error.retryable : undefined,
    retryAfterMs,
    code: error.code,
    param: error.param,
    cause: error,
  });
}
