/** A part of a Gemini request as received: any JSON object; the known fields are read with guards. */
export interface GeminiWirePart {
  text?: unknown;
  thought?: unknown;
  thoughtSignature?: unknown;
  inlineData?: unknown;
  fileData?: unknown;
  functionCall?: unknown;
  functionResponse?: unknown;
  [field: string]: unknown;
}

/** One turn of a validated request's `contents`. */
export interface GeminiWireContent {
  role?: string;
  parts: GeminiWirePart[];
}

/** One Gemini API call, as its path names it. */
export interface GeminiWireCall {
  /** The model id, without `models/`. */
  model: string;
  /** The custom method after the colon (`generateContent`), or '' for `GET …/models/{model}`. */
  method: string;
  /** `?alt=sse` on a stream request: SSE instead of one streamed JSON array. */
  isSSE: boolean;
}

export function isGeminiObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
