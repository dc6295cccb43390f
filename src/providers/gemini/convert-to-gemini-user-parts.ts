import type { UserContentPart } from '../../spec/chat-request.js';
import { ProviderError } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { isObject, type GeminiRequestPart } from './gemini-api.js';

/** MIME types by file extension, for `https:` media whose type the URL does not otherwise say. */
const mimeTypesByExtension: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  heif: 'image/heif',
  pdf: 'application/pdf',
  mp3: 'audio/mp3',
  wav: 'audio/wav',
  mp4: 'video/mp4',
};
const dataUrlPattern = /^data:([\w.+-]+\/[\w.+-]+)((?:;[\w-]+=[^;,]*)*);base64,(.*)$/s;

/**
 * A user message's content as Gemini parts (PROVIDERS.md §6.2): text → `text`; an `image_url` data URL →
 * `inlineData`; an `https:` image → `fileData{fileUri, mimeType}`, the MIME type inferred from the
 * file extension because Gemini needs one; `input_audio` → `inlineData`; a `file` part with inline
 * `file_data` → `inlineData`. Anything Gemini cannot be given (an unknown image type, an OpenAI file id)
 * is a `bad-request` rather than silently dropped, so the caller knows the model did not see it.
 */
export function convertToGeminiUserParts(
  content: string | UserContentPart[],
  messageIndex: number,
  provider: ProviderId,
): GeminiRequestPart[] {
  if (typeof content === 'string') return [{ text: content }];
  return content.map((part, index) =>
    convertPart(part, `messages[${messageIndex}].content[${index}]`, provider),
  );
}

function convertPart(part: UserContentPart, param: string, provider: ProviderId): GeminiRequestPart {
  switch (part.type) {
    case 'text':
      return { text: part.text };
    case 'image_url':
      return convertMediaUrl(part.image_url.url, param, provider);
    case 'input_audio': {
      const audio = isObject(part.input_audio) ? part.input_audio : {};
      if (typeof audio.data !== 'string' || typeof audio.format !== 'string') {
        throw badRequest(provider, 'an input_audio part needs `data` and `format`', param);
      }
      return { inlineData: { mimeType: `audio/${audio.format}`, data: audio.data } };
    }
    case 'file': {
      const file = isObject(part.file) ? part.file : {};
      if (typeof file.file_data === 'string') return convertMediaUrl(file.file_data, param, provider);
      throw badRequest(provider, `${provider} cannot read OpenAI file ids; send the file inline`, param);
    }
    default:
      throw badRequest(provider, `${provider} does not take content parts of this type`, param);
  }
}

function convertMediaUrl(url: string, param: string, provider: ProviderId): GeminiRequestPart {
  if (url.startsWith('data:')) {
    const match = dataUrlPattern.exec(url);
    if (match === null) throw badRequest(provider, 'a data: URL must be base64 with a MIME type', param);
    return { inlineData: { mimeType: match[1]!, data: match[3]! } };
  }
  const mimeType = getMimeTypeFromUrl(url);
  if (mimeType === undefined) {
    throw badRequest(
      provider,
      `cannot tell the media type of ${url.slice(0, 120)}: ${provider} needs one; send a data: URL ` +
        `or a URL ending in ${Object.keys(mimeTypesByExtension)
          .map((extension) => `.${extension}`)
          .join(', ')}`,
      param,
    );
  }
  return { fileData: { mimeType, fileUri: url } };
}

function getMimeTypeFromUrl(url: string): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const extension = /\.([A-Za-z0-9]+)$/.exec(pathname)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : mimeTypesByExtension[extension];
}

function badRequest(provider: ProviderId, message: string, param: string): ProviderError {
  return new ProviderError({ kind: 'bad-request', provider, message, param });
}
