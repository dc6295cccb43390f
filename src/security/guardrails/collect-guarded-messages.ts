/** The chat ingress formats whose bodies the guardrails read. */
export type GuardedFormat = 'openai-chat' | 'anthropic-messages' | 'openai-responses' | 'chat-service';

/** One message of a request as the guardrails see it: where it is, its text, and whose words it carries. */
export interface GuardedMessage {
  /** The body path, for errors: `messages[3]`, `input[0]`, `message`, `system`. */
  path: string;
  text: string;
  /** User and tool content (what the caller or a tool's output put there); system prompts are the app's. */
  isUntrusted: boolean;
}

const untrustedRoles = new Set(['user', 'tool', 'function']);
/** Nested content deeper than this is not read; the wire schemas accept nothing this deep. */
const maxDepth = 6;

/**
 * The messages of a parsed chat body, in any ingress format: OpenAI's `messages`, Anthropic's `messages`
 * and `system` (tool results arrive in user turns), the Responses API's `input` (a string or items, with
 * `function_call_output`) and `instructions`, and the chat-service's `message`/`prompt` and
 * `system_prompt`. Text is read from `text`, `content` and `output` fields only, never from image or file
 * data.
 */
export function collectGuardedMessages(format: GuardedFormat, body: unknown): GuardedMessage[] {
  const record = isRecord(body) ? body : {};
  const messages: GuardedMessage[] = [];
  const add = (path: string, value: unknown, isUntrusted: boolean): void => {
    messages.push({ path, text: gatherText(value, 0).join('\n'), isUntrusted });
  };
  switch (format) {
    case 'openai-chat':
    case 'anthropic-messages':
      if (record.system !== undefined) add('system', record.system, false);
      asArray(record.messages).forEach((message, index) => {
        const role = isRecord(message) ? message.role : undefined;
        add(
          `messages[${index}]`,
          isRecord(message) ? message.content : undefined,
          untrustedRoles.has(String(role)),
        );
      });
      break;
    case 'openai-responses':
      if (record.instructions !== undefined) add('instructions', record.instructions, false);
      if (typeof record.input === 'string') add('input', record.input, true);
      else
        asArray(record.input).forEach((item, index) => {
          if (!isRecord(item)) return;
          const isUntrusted = untrustedRoles.has(String(item.role)) || item.type === 'function_call_output';
          add(`input[${index}]`, item.content ?? item.output, isUntrusted);
        });
      break;
    case 'chat-service':
      if (record.system_prompt != null) add('system_prompt', record.system_prompt, false);
      add(record.message != null ? 'message' : 'prompt', record.message ?? record.prompt, true);
      break;
    default: {
      const exhaustiveCheck: never = format;
      throw new Error(`unknown format ${String(exhaustiveCheck)}`);
    }
  }
  return messages;
}

function gatherText(value: unknown, depth: number): string[] {
  if (typeof value === 'string') return [value];
  if (depth >= maxDepth) return [];
  if (Array.isArray(value)) return value.flatMap((item) => gatherText(item, depth + 1));
  if (!isRecord(value)) return [];
  return [value.text, value.content, value.output].flatMap((field) => gatherText(field, depth + 1));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
