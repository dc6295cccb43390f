import type { TimedFrame } from '../play-timed-frames.js';
import type { SimulatedAnswer, SimulatedChoice } from '../simulated-answer.js';

/** What every object of one answer repeats. */
export interface OllamaChatMeta {
  /** The model as the caller named it: Ollama echoes the request's name. */
  model: string;
  /** Unix milliseconds when the headers are sent; `created_at` counts from here. */
  startedAt: number;
}

const nanosecondsPerMs = 1_000_000;

/**
 * The NDJSON lines of a streamed `/api/chat` answer (PROVIDERS.md §7.1, fixtures ollama/chat-stream-docs
 * and chat-stream-tools-docs): one object per token, each tool call whole in a non-final object with
 * object arguments, then the `done: true` object with `done_reason` and the timing and count fields.
 */
export function renderOllamaChatStream(answer: SimulatedAnswer, meta: OllamaChatMeta): TimedFrame[] {
  const choice = answer.choices[0]!;
  const { ttftInMs, tokenIntervalInMs } = answer.timing;
  const frames: TimedFrame[] = [];
  let due = ttftInMs;
  const line = (message: Record<string, unknown>, dueInMs: number): string =>
    JSON.stringify({ model: meta.model, created_at: getCreatedAt(meta, dueInMs), message, done: false }) +
    '\n';
  choice.textTokens.forEach((token, index) => {
    due = ttftInMs + index * tokenIntervalInMs;
    frames.push({ text: line({ role: 'assistant', content: token }, due), dueInMs: due, kind: 'content' });
  });
  for (const call of getOllamaToolCalls(choice)) {
    frames.push({
      text: line({ role: 'assistant', content: '', tool_calls: [call] }, due),
      dueInMs: due,
      kind: 'content',
    });
  }
  frames.push({
    text: renderFinal(answer, meta, { role: 'assistant', content: '' }, due) + '\n',
    dueInMs: due,
    kind: 'tail',
  });
  return frames;
}

/** The one object of a non-streamed answer (fixture ollama/chat-nonstream-tools-docs.json), compact. */
export function renderOllamaChatResponse(answer: SimulatedAnswer, meta: OllamaChatMeta): string {
  const choice = answer.choices[0]!;
  const toolCalls = getOllamaToolCalls(choice);
  const message = {
    role: 'assistant',
    content: choice.textTokens.join(''),
    ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
  };
  return renderFinal(answer, meta, message, 0);
}

/**
 * Tool calls as Ollama writes them: `{"function": {"name", "arguments": {...}}}`, as in the fixtures. A
 * call whose arguments a token limit cut short is not valid JSON, and Ollama's parser emits no call then.
 */
export function getOllamaToolCalls(choice: SimulatedChoice): Array<Record<string, unknown>> {
  return choice.toolCalls.flatMap((call) => {
    try {
      return [
        { function: { name: call.name, arguments: JSON.parse(call.argumentTokens.join('')) as unknown } },
      ];
    } catch {
      return [];
    }
  });
}

/** The final object: `done_reason` is `stop` also after tool calls; counts are `omitempty`. */
function renderFinal(
  answer: SimulatedAnswer,
  meta: OllamaChatMeta,
  message: Record<string, unknown>,
  dueInMs: number,
): string {
  const { latencyInMs, ttftInMs, tokenIntervalInMs } = answer.timing;
  const { promptTokens, completionTokens } = answer.usage;
  const loadDuration = Math.round(latencyInMs * nanosecondsPerMs) + 1;
  const promptEvalDuration = Math.round(ttftInMs * nanosecondsPerMs) + 1;
  const evalDuration = Math.round(completionTokens * tokenIntervalInMs * nanosecondsPerMs) + 1;
  return JSON.stringify({
    model: meta.model,
    created_at: getCreatedAt(meta, dueInMs),
    message,
    done_reason: answer.choices[0]!.finishReason === 'length' ? 'length' : 'stop',
    done: true,
    total_duration: loadDuration + promptEvalDuration + evalDuration,
    load_duration: loadDuration,
    ...(promptTokens > 0 ? { prompt_eval_count: promptTokens } : {}),
    prompt_eval_duration: promptEvalDuration,
    ...(completionTokens > 0 ? { eval_count: completionTokens } : {}),
    eval_duration: evalDuration,
  });
}

function getCreatedAt(meta: OllamaChatMeta, dueInMs: number): string {
  return new Date(meta.startedAt + dueInMs).toISOString();
}
