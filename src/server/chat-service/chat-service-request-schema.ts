import { z } from 'zod';

/**
 * The `/chat` body of the original chat-service brief. Strict: an unknown field is a 400 naming it, so a
 * typo (`conversationId`) never silently starts a new conversation. Optional fields accept `null`, as
 * Python clients send them (pydantic's `Optional[...] = None`).
 */
export const chatServiceRequestSchema = z.strictObject({
  message: z.string().min(1).nullish(),
  /** Another name for `message`. */
  prompt: z.string().min(1).nullish(),
  /** A route name, `provider/model`, or a model id of `model_provider`. */
  model: z.string().min(1).nullish(),
  /** A provider (`groq`, `openai`, `anthropic`, `gemini`, …) or any route name (`compete`, `search`). */
  model_provider: z.string().min(1).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  max_tokens: z.number().int().min(1).nullish(),
  stream: z.boolean().nullish(),
  conversation_id: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\w.:-]+$/, 'letters, digits, `_`, `-`, `.` and `:` only')
    .nullish(),
  system_prompt: z.string().nullish(),
});

export type ChatServiceRequest = z.infer<typeof chatServiceRequestSchema>;

/** Most items one batch may hold, and most items of a batch run at once. */
export const batchLimits = { maxRequests: 100, maxConcurrency: 16, defaultConcurrency: 4 } as const;

/** `/chat/batch`: items are validated one by one later, so one bad item fails only itself. */
export const chatBatchRequestSchema = z.strictObject({
  requests: z.array(z.unknown()).min(1).max(batchLimits.maxRequests),
  concurrency: z.number().int().min(1).max(batchLimits.maxConcurrency).nullish(),
  /** Answer as SSE: a `progress` event per finished item, then `done` with every result. */
  stream: z.boolean().nullish(),
});

export type ChatBatchRequest = z.infer<typeof chatBatchRequestSchema>;
