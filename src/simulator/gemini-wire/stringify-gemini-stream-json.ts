/**
 * JSON the way Gemini writes each SSE `data:` line (fixture stream-text-basic.sse): one line, a space
 * after every colon, none after commas: `{"candidates": [{"content": {"parts": [{"text": "The"}],...`.
 * That is `JSON.stringify` with indentation, its line breaks and indents removed; strings never hold a
 * raw line break (JSON escapes them), so only formatting is removed.
 */
export function stringifyGeminiStreamJson(value: unknown): string {
  return JSON.stringify(value, null, 1).replace(/\n */g, '');
}
