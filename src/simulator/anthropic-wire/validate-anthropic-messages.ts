const blockTypes = new Set([
  'text',
  'image',
  'document',
  'search_result',
  'tool_use',
  'tool_result',
  'thinking',
  'redacted_thinking',
  'server_tool_use',
  'web_search_tool_result',
  'web_fetch_tool_result',
  'container_upload',
]);
const imageMediaTypes = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

type Block = Record<string, unknown>;

/**
 * What Anthropic rejects in `messages` with a 400, in its words: roles, content shapes, empty content,
 * a final assistant turn ending in whitespace, and tool pairing (every `tool_use` answered by a
 * `tool_result` in the very next message, every `tool_result` answering the previous message).
 */
export function findAnthropicMessagesError(messages: readonly unknown[]): string | undefined {
  if (messages.length === 0) return 'messages: at least one message is required';
  for (const [index, message] of messages.entries()) {
    const error = findMessageError(message, index, index === messages.length - 1);
    if (error !== undefined) return error;
  }
  return findToolPairingError(messages as ReadonlyArray<{ role: string; content: unknown }>);
}

function findMessageError(message: unknown, index: number, isLast: boolean): string | undefined {
  const path = `messages.${index}`;
  if (!isRecord(message)) return `${path}: Input should be a valid dictionary`;
  if (message.role !== 'user' && message.role !== 'assistant') {
    return `${path}.role: Input should be 'user' or 'assistant'`;
  }
  const content = message.content;
  if (content === undefined) return `${path}.content: Field required`;
  const isFinalAssistant = isLast && message.role === 'assistant';
  if (typeof content === 'string') {
    if (content === '' && !isFinalAssistant) return nonEmptyContent(path);
    return isFinalAssistant && /\s$/.test(content) ? trailingWhitespace : undefined;
  }
  if (!Array.isArray(content)) return `${path}.content: Input should be a valid list`;
  if (content.length === 0 && !isFinalAssistant) return nonEmptyContent(path);
  for (const [blockIndex, block] of content.entries()) {
    const error = findBlockError(block, `${path}.content.${blockIndex}`);
    if (error !== undefined) return error;
  }
  const last = content.at(-1) as Block | undefined;
  if (isFinalAssistant && last?.type === 'text' && /\s$/.test(String(last.text))) return trailingWhitespace;
  return undefined;
}

function findBlockError(block: unknown, path: string): string | undefined {
  if (!isRecord(block)) return `${path}: Input should be a valid dictionary`;
  if (typeof block.type !== 'string' || !blockTypes.has(block.type)) {
    return `${path}: Input tag '${String(block.type)}' found using 'type' does not match any of the expected tags`;
  }
  switch (block.type) {
    case 'text':
      if (typeof block.text !== 'string') return `${path}.text: Field required`;
      return block.text === '' ? 'messages: text content blocks must be non-empty' : undefined;
    case 'image':
      return findImageSourceError(block.source, `${path}.source`);
    case 'tool_use':
      if (typeof block.id !== 'string') return `${path}.id: Field required`;
      if (typeof block.name !== 'string') return `${path}.name: Field required`;
      return isRecord(block.input) ? undefined : `${path}.input: Input should be a valid dictionary`;
    case 'tool_result':
      return typeof block.tool_use_id === 'string' ? undefined : `${path}.tool_use_id: Field required`;
    default:
      return undefined;
  }
}

function findImageSourceError(source: unknown, path: string): string | undefined {
  if (!isRecord(source)) return `${path}: Field required`;
  if (source.type === 'url')
    return typeof source.url === 'string' ? undefined : `${path}.url: Field required`;
  if (source.type !== 'base64') {
    return `${path}: Input tag '${String(source.type)}' found using 'type' does not match any of the expected tags: 'base64', 'url'`;
  }
  if (!imageMediaTypes.has(String(source.media_type))) {
    return `${path}.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'`;
  }
  return typeof source.data === 'string' ? undefined : `${path}.data: Field required`;
}

function findToolPairingError(
  messages: ReadonlyArray<{ role: string; content: unknown }>,
): string | undefined {
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index]!;
    const previous = index > 0 ? messages[index - 1] : undefined;
    const offered = new Set(
      previous?.role === 'assistant' ? blocksOf(previous, 'tool_use').map((block) => block.id) : [],
    );
    const results = message.role === 'user' ? blocksOf(message, 'tool_result') : [];
    const unexpected = results.find((block) => !offered.has(block.tool_use_id));
    if (unexpected !== undefined) {
      return (
        `messages.${index}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${String(unexpected.tool_use_id)}. ` +
        'Each `tool_result` block must have a corresponding `tool_use` block in the previous message.'
      );
    }
    const answered = new Set(results.map((block) => block.tool_use_id));
    const unanswered = [...offered].filter((id) => !answered.has(id));
    // Consecutive assistant turns are merged by Anthropic, so only a following user turn must answer.
    if (message.role === 'user' && unanswered.length > 0) {
      return (
        `messages.${index}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ` +
        `${unanswered.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`
      );
    }
  }
  return undefined;
}

function blocksOf(message: { content: unknown }, type: string): Block[] {
  return Array.isArray(message.content)
    ? (message.content as Block[]).filter((block) => block.type === type)
    : [];
}

const trailingWhitespace = 'final assistant content cannot end with trailing whitespace';

function nonEmptyContent(path: string): string {
  return `${path}: all messages must have non-empty content except for the optional final assistant message`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
