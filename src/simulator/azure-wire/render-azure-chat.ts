import type { TimedFrame } from '../play-timed-frames.js';

const safe = { filtered: false, severity: 'safe' };
/** What Azure's content filter reports for harmless output (fixture azure-openai/stream-chat-content-filter-results). */
const outputFilterResults = { hate: safe, self_harm: safe, sexual: safe, violence: safe };
const promptFilterResults = [
  {
    prompt_index: 0,
    content_filter_results: {
      hate: safe,
      jailbreak: { filtered: false, detected: false },
      self_harm: safe,
      sexual: safe,
      violence: safe,
    },
  },
];

/**
 * An OpenAI `chat.completion` body as Azure sends it (PROVIDERS.md §4.2): `prompt_filter_results` at the
 * top, `content_filter_results` on each choice (the four categories for text, `{}` for tool calls), keys
 * in alphabetical order as Azure serialises them, compact. Azure has no `service_tier` and, as in the
 * captured stream, a null `system_fingerprint`.
 */
export function convertToAzureResponse(openAIBody: string): string {
  const { service_tier: _serviceTier, ...body } = JSON.parse(openAIBody) as {
    choices: Array<Record<string, unknown>>;
    service_tier?: unknown;
  };
  for (const choice of body.choices) {
    const message = choice.message as { content?: unknown };
    choice.content_filter_results = typeof message.content === 'string' ? outputFilterResults : {};
  }
  return JSON.stringify(
    sortKeys({ ...body, system_fingerprint: null, prompt_filter_results: promptFilterResults }),
  );
}

/**
 * OpenAI's stream frames as Azure's (fixture azure-openai/stream-chat-content-filter-results.chunks.jsonl):
 * first a chunk with `choices: []`, empty `id`/`model`/`object`, `created: 0` and only the prompt filter
 * results; then every chunk with `content_filter_results` on its choices (the categories when the delta
 * has text, `{}` otherwise) and alphabetical keys. Timing, usage chunk and `[DONE]` stay as they were.
 */
export function convertToAzureStream(frames: readonly TimedFrame[]): TimedFrame[] {
  const promptChunk = {
    choices: [],
    created: 0,
    id: '',
    model: '',
    object: '',
    prompt_filter_results: promptFilterResults,
  };
  return [
    { text: `data: ${JSON.stringify(promptChunk)}\n\n`, dueInMs: 0, kind: 'lead' },
    ...frames.map((frame) => ({ ...frame, text: frame.text.split('\n\n').map(convertEvent).join('\n\n') })),
  ];
}

function convertEvent(event: string): string {
  if (!event.startsWith('data: {')) return event;
  const chunk = JSON.parse(event.slice('data: '.length)) as { choices: Array<Record<string, unknown>> };
  for (const choice of chunk.choices) {
    const delta = choice.delta as { content?: unknown };
    choice.content_filter_results =
      typeof delta.content === 'string' && delta.content !== '' ? outputFilterResults : {};
  }
  return `data: ${JSON.stringify(sortKeys({ ...chunk, system_fingerprint: null }))}`;
}

/**
 * Azure's key order: alphabetical at every level, except inside `prompt_filter_results`, which keeps its
 * own (`prompt_index` first, `filtered` before `detected`; fixture line 1).
 */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => {
        const item = (value as Record<string, unknown>)[key];
        return [key, key === 'prompt_filter_results' ? item : sortKeys(item)];
      }),
  );
}
