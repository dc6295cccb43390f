/** The GA dated data-plane version (PROVIDERS.md §4.1). */
export const defaultAzureApiVersion = '2024-10-21';

/**
 * An Azure OpenAI endpoint URL from the resource endpoint (`https://{resource}.openai.azure.com`).
 *
 * With a dated `apiVersion` the deployment is in the path and the version in the query (both required):
 * `/openai/deployments/{deployment}/chat/completions?api-version=2024-10-21`. With `v1` it is the GA path
 * `/openai/v1/chat/completions`, the deployment goes in the body's `model`, and no `api-version` is sent:
 * the v1 API needs none, and Microsoft's own instructions point a plain OpenAI client at `…/openai/v1/`,
 * which sends none (vercel/ai appends `?api-version=v1`, which PROVIDERS.md §10 lists as unverified).
 *
 * A base that already ends in `/openai` or `/openai/v1` (as some SDK settings are written) is accepted.
 */
export function getAzureUrl(baseUrl: string, path: string, deployment: string, apiVersion: string): string {
  const root = baseUrl.replace(/\/+$/, '').replace(/\/openai(\/v1)?$/, '');
  if (apiVersion === 'v1') return `${root}/openai/v1${path}`;
  return (
    `${root}/openai/deployments/${encodeURIComponent(deployment)}${path}` +
    `?api-version=${encodeURIComponent(apiVersion)}`
  );
}
