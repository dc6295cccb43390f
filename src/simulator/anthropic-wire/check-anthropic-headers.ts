import { getCredentialFailure } from '../get-credential-failure.js';
import { readRawHeader } from '../read-raw-header.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import {
  renderAnthropicFailure,
  renderAnthropicInvalidRequest,
  type RenderedAnthropicError,
} from './render-anthropic-error.js';

/**
 * Anthropic's checks before the body is read (PROVIDERS.md §5.1): a key in `x-api-key` (or an OAuth
 * `Authorization: Bearer` token), the simulator's key words (`invalid`, `quota`, `ratelimited`), then the
 * required `anthropic-version` header. Model listings pass `shouldApplyQuotaWords` false: there only an
 * `invalid` key fails, as on the OpenAI wire, since listing costs no quota.
 */
export function checkAnthropicHeaders(
  exchange: SimulatorExchange,
  model: string,
  shouldApplyQuotaWords = true,
): RenderedAnthropicError | undefined {
  const rawHeaders = exchange.request.rawHeaders;
  const bearer = /^Bearer\s+(\S.*)$/i.exec(readRawHeader(rawHeaders, 'authorization')?.trim() ?? '');
  const apiKey = readRawHeader(rawHeaders, 'x-api-key')?.trim() || bearer?.[1]?.trim();
  if (!apiKey) return renderAnthropicFailure({ kind: 'missing-key', status: 401 }, model);
  const failure = getCredentialFailure(apiKey);
  if (failure !== undefined && (shouldApplyQuotaWords || failure.kind === 'invalid-key')) {
    return renderAnthropicFailure(failure, model);
  }
  if (readRawHeader(rawHeaders, 'anthropic-version') === undefined) {
    return renderAnthropicInvalidRequest('anthropic-version: header is required');
  }
  return undefined;
}
