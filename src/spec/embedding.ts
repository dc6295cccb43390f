/** OpenAI's `/v1/embeddings` request, the internal shape for every provider that embeds. */
export interface EmbeddingRequest {
  /** The route the caller named. */
  model: string;
  /** One text, several texts, or token arrays (OpenAI only). */
  input: string | string[] | number[] | number[][];
  encoding_format?: 'float' | 'base64';
  dimensions?: number;
  user?: string;
  [extra: string]: unknown;
}

/** OpenAI's embeddings list. `embedding` is a base64 string only when `encoding_format` asked for it. */
export interface EmbeddingResponse {
  object: 'list';
  data: Array<{ object: 'embedding'; index: number; embedding: number[] | string }>;
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
}
