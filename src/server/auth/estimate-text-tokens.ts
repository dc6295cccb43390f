/** Characters per token of English text, the estimate routing uses too (describeChatRequest). */
const charactersPerToken = 4;
/** What OpenAI bills a 1024×1024 image; an inline image is counted as this, not by its base64 size. */
const tokensPerImage = 765;
/** Fields whose string is binary data or a link to it, not text the model reads. */
const binaryFields = new Set(['data', 'url', 'image_url', 'file_data', 'image']);

/**
 * Input tokens of any JSON value, without a tokenizer (the hot path cannot pay for one): the length of
 * every string in it over four, images at a fixed price. An estimate to reserve against; the real
 * count comes with the answer's usage.
 */
export function estimateTextTokens(...values: unknown[]): number {
  let characters = 0;
  let images = 0;
  const pending: Array<{ value: unknown; field?: string }> = values.map((value) => ({ value }));
  while (pending.length > 0) {
    const { value, field } = pending.pop()!;
    if (typeof value === 'string') {
      if (field !== undefined && binaryFields.has(field) && value.length > 256) images++;
      else characters += value.length;
    } else if (Array.isArray(value)) {
      for (const item of value) pending.push({ value: item });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) pending.push({ value: item, field: key });
    }
  }
  return Math.ceil(characters / charactersPerToken) + images * tokensPerImage;
}
