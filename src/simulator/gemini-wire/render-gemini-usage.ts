/**
 * `usageMetadata` as Gemini sends it (fixture nonstream-text.json, key order kept): zero counts are
 * left out, as proto3 JSON does (the first chunks of fixture stream-text-basic.sse have no
 * `candidatesTokenCount`). The simulator does not think, so there is never a `thoughtsTokenCount`.
 */
export function renderGeminiUsage(promptTokens: number, candidatesTokens: number): Record<string, unknown> {
  return {
    promptTokenCount: promptTokens,
    ...(candidatesTokens > 0 ? { candidatesTokenCount: candidatesTokens } : {}),
    totalTokenCount: promptTokens + candidatesTokens,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: promptTokens }],
  };
}
