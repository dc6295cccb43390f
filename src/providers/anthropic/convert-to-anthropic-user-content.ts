import type { UserContentPart } from '../../spec/chat-request.js';
import type { ProviderId } from '../../spec/provider-id.js';
import type { AnthropicContentBlockParam, AnthropicImageSource } from './anthropic-request-body.js';
import { isObject } from './anthropic-api.js';
import { createAnthropicBadRequest } from './anthropic-error.js';

const dataUrlPattern = /^data:([^;,]+)(?:;[^,;]*)*;base64,(.*)$/s;

/**
 * A user message's content as Anthropic blocks: text as text, `image_url` as an image (a `data:` URI
 * becomes a base64 source, an http(s) URL a url source), an inline PDF or plain-text `file` as a
 * document. Audio and OpenAI file ids have no Anthropic equivalent and are refused with a bad-request.
 * @see ../../../../shared/protocols/PROVIDERS.md §5.2 (content blocks), §5.3
 */
export function convertToAnthropicUserContent(
  content: string | UserContentPart[],
  provider: ProviderId,
  param: string,
): AnthropicContentBlockParam[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return content.map((part, index): AnthropicContentBlockParam => {
    const partParam = `${param}.content[${index}]`;
    switch (part.type) {
      case 'text':
        return { type: 'text', text: part.text };
      case 'image_url':
        return { type: 'image', source: convertImageSource(part.image_url.url, provider, partParam) };
      case 'file':
        return convertFile(part.file, provider, partParam);
      default:
        throw createAnthropicBadRequest(
          provider,
          `${provider} does not accept "${part.type}" content parts`,
          partParam,
        );
    }
  });
}

function convertImageSource(url: string, provider: ProviderId, param: string): AnthropicImageSource {
  const data = dataUrlPattern.exec(url);
  if (data !== null) return { type: 'base64', media_type: data[1]!, data: data[2]! };
  if (/^https?:\/\//i.test(url)) return { type: 'url', url };
  throw createAnthropicBadRequest(
    provider,
    `${provider} takes images as https URLs or base64 data URIs`,
    param,
  );
}

/** OpenAI's `{type:"file", file:{file_data:"data:application/pdf;base64,…", filename}}`. */
function convertFile(file: unknown, provider: ProviderId, param: string): AnthropicContentBlockParam {
  const fileData = isObject(file) && typeof file.file_data === 'string' ? file.file_data : '';
  const data = dataUrlPattern.exec(fileData);
  if (data?.[1] === 'application/pdf') {
    return { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: data[2]! } };
  }
  if (data?.[1] === 'text/plain') {
    const text = Buffer.from(data[2]!, 'base64').toString('utf8');
    return { type: 'document', source: { type: 'text', media_type: 'text/plain', data: text } };
  }
  throw createAnthropicBadRequest(
    provider,
    `${provider} takes files only as inline PDF or plain-text data (file_data), not OpenAI file ids`,
    param,
  );
}
