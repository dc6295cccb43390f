/**
 * Gemini 3 and later models take `thinkingLevel` instead of `thinkingBudget` and enforce thought
 * signatures on replayed function calls (https://ai.google.dev/gemini-api/docs/thought-signatures).
 * @example isGemini3OrLater('gemini-3-pro-preview') // true; isGemini3OrLater('gemini-2.5-flash') // false
 */
export function isGemini3OrLater(model: string): boolean {
  const major = /^(?:models\/)?gemini-(\d+)/.exec(model)?.[1];
  return major !== undefined && Number(major) >= 3;
}
