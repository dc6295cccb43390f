/**
 * A limited, lenient version of what the Gemini API returns (PROVIDERS.md §6.3, §6.5): only the fields
 * Arbiter reads, all optional, checked with small guards rather than a schema library because these run
 * once per stream chunk. Wire JSON is camelCase.
 */
export interface GeminiPart {
  text?: string;
  /** True when `text` is a thought summary, not answer text. */
  thought?: boolean;
  /** Opaque, base64; must be echoed on the same part in later turns (Gemini 3 function calling). */
  thoughtSignature?: string;
  functionCall?: { id?: string; name?: string; args?: Record<string, unknown> | null };
  [extra: string]: unknown;
}

export interface GeminiCandidate {
  content?: { role?: string; parts?: GeminiPart[] | null } | null;
  finishReason?: string | null;
  index?: number | null;
  finishMessage?: string | null;
  [extra: string]: unknown;
}

export interface GeminiUsageMetadata {
  promptTokenCount?: number | null;
  /** Answer tokens only: thoughts are counted apart in `thoughtsTokenCount`. */
  candidatesTokenCount?: number | null;
  thoughtsTokenCount?: number | null;
  toolUsePromptTokenCount?: number | null;
  cachedContentTokenCount?: number | null;
  totalTokenCount?: number | null;
  [extra: string]: unknown;
}

export interface GeminiPromptFeedback {
  blockReason?: string | null;
  blockReasonMessage?: string | null;
  [extra: string]: unknown;
}

/** A `generateContent` body, and each `streamGenerateContent` chunk. */
export interface GeminiResponse {
  candidates?: GeminiCandidate[] | null;
  promptFeedback?: GeminiPromptFeedback | null;
  usageMetadata?: GeminiUsageMetadata | null;
  modelVersion?: string | null;
  responseId?: string | null;
  /** A mid-stream failure (js-genai checks every chunk for it). */
  error?: unknown;
  [extra: string]: unknown;
}

/** The Google RPC error envelope. `details` entries are typed by `@type`. */
export interface GeminiErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    details?: Array<Record<string, unknown>> | null;
  };
}

/** A part as Arbiter sends it. */
export type GeminiRequestPart =
  | { text: string }
  | { inlineData: { mimeType: string; data: string } }
  | { fileData: { mimeType: string; fileUri: string } }
  | { functionCall: { name: string; args: Record<string, unknown> }; thoughtSignature?: string }
  | { functionResponse: { name: string; response: Record<string, unknown> } };

/** One turn of `contents`; the API knows only the roles `user` and `model`. */
export interface GeminiContent {
  role: 'user' | 'model';
  parts: GeminiRequestPart[];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
