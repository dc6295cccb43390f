import { createId } from '../../lib/create-id.js';

/** `msg_01` and 22 characters, like fixture anthropic/nonstream-text.json's `msg_01VdEjxAP5ahtHKrrRdNBteQ`. */
export function createAnthropicMessageId(): string {
  return createId('msg_01', 22);
}

/** `toolu_01` and 22 characters, like `toolu_01LRmxn9vGM1d2DZSDBowdZ1`. */
export function createAnthropicToolUseId(): string {
  return createId('toolu_01', 22);
}

/** `req_011C` and 20 characters, like fixture anthropic/error-400-prompt-too-long.http's `Request-Id`. */
export function createAnthropicRequestId(): string {
  return createId('req_011C', 20);
}
