import { getCredentialFailure } from '../get-credential-failure.js';
import { readRawHeader } from '../read-raw-header.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import { handleAzureChat } from './handle-azure-chat.js';
import { handleAzureEmbeddings } from './handle-azure-embeddings.js';
import { readAzureApiKey } from './read-azure-api-key.js';
import type { AzureTarget } from './azure-target.js';
import { renderAzureFailure, type AzureOperation } from './render-azure-failure.js';
import { sendAzureError } from './send-azure-json.js';

const deploymentPattern = /\/openai\/deployments\/([^/]+)\/(chat\/completions|embeddings)$/;
const v1Pattern = /\/openai\/v1\/(chat\/completions|embeddings)$/;
const datedVersionPattern = /^\d{4}-\d{2}-\d{2}(-preview)?$/;
const v1Versions = new Set(['v1', 'preview', 'latest']);

/**
 * The Azure OpenAI wire (PROVIDERS.md §4). It claims every `…/openai/deployments/…` path, and the GA
 * `…/openai/v1/…` paths when the request carries an `api-key` header: without one, a `/openai/v1` base
 * is Groq's (Bearer auth) and belongs to the OpenAI wire. Checks in Azure's order: the route and its
 * `api-version` (a deployment path without one is 404 "Resource not found"; a version the path does not
 * take is 400 "API version not supported"), then the key, then the operation.
 */
export function handleAzureRequest(exchange: SimulatorExchange): boolean {
  const { path, method } = exchange;
  const deploymentMatch = deploymentPattern.exec(path);
  const isV1 = v1Pattern.test(path) && readRawHeader(exchange.request.rawHeaders, 'api-key') !== undefined;
  if (deploymentMatch === null && !isV1) {
    if (!path.includes('/openai/deployments/')) return false;
    sendResourceNotFound(exchange);
    return true;
  }
  const apiVersion = new URLSearchParams(exchange.request.url?.split('?')[1] ?? '').get('api-version');
  if (method !== 'POST' || (deploymentMatch !== null && apiVersion === null)) {
    sendResourceNotFound(exchange);
    return true;
  }
  const acceptsVersion = (version: string) =>
    deploymentMatch !== null ? datedVersionPattern.test(version) : v1Versions.has(version);
  if (apiVersion !== null && !acceptsVersion(apiVersion)) {
    sendAzureError(exchange, {
      status: 400,
      error: { code: 'BadRequest', message: 'API version not supported' },
      headers: [],
    });
    return true;
  }
  const isChat = (deploymentMatch?.[2] ?? v1Pattern.exec(path)?.[1]) === 'chat/completions';
  const operation: AzureOperation = {
    name: isChat ? 'ChatCompletions_Create' : 'Embeddings_Create',
    apiVersion: apiVersion ?? 'v1',
  };
  const deployment = deploymentMatch === null ? undefined : decodeURIComponent(deploymentMatch[1]!);
  const apiKey = readAzureApiKey(exchange.request.rawHeaders);
  if (apiKey === undefined) {
    sendAzureError(exchange, renderAzureFailure({ kind: 'missing-key', status: 401 }, '', operation));
    return true;
  }
  const credentialFailure = getCredentialFailure(apiKey);
  if (credentialFailure !== undefined) {
    sendAzureError(exchange, renderAzureFailure(credentialFailure, deployment ?? '', operation));
    return true;
  }
  const target: AzureTarget = { deployment, operation, apiKey };
  if (isChat) handleAzureChat(exchange, target);
  else handleAzureEmbeddings(exchange, target);
  return true;
}

function sendResourceNotFound(exchange: SimulatorExchange): void {
  sendAzureError(exchange, {
    status: 404,
    error: { code: '404', message: 'Resource not found' },
    headers: [],
  });
}
