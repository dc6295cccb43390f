import { applyHiddenKeystrokes, type HiddenLineState } from './apply-hidden-keystrokes.js';

/** Reads lines that must not appear on screen (a master password, an API key). */
export interface HiddenLineReader {
  /** Writes `prompt`, reads one line with echo off; rejects with PromptCancelledError on Ctrl-C. */
  read(prompt: string): Promise<string>;
}

/** The user pressed Ctrl-C (or Ctrl-D on an empty line) at a hidden prompt. */
export class PromptCancelledError extends Error {
  override readonly name = 'PromptCancelledError';
  constructor() {
    super('cancelled');
  }
}

/** The terminal side: a TTY input with raw mode, and where prompts are written (stderr, so stdout stays clean). */
export interface HiddenLineIO {
  input: NodeJS.ReadStream;
  output: NodeJS.WritableStream;
}

/**
 * Hidden input on a terminal, without a dependency: raw mode turns the TTY's echo and line editing off,
 * and applyHiddenKeystrokes does the little editing a password needs. Type-ahead after Enter is kept for
 * the next prompt. The terminal is restored whatever happens.
 * @example const reader = createHiddenLineReader({ input: process.stdin, output: process.stderr });
 * const password = await reader.read('Master password: ');
 */
export function createHiddenLineReader(io: HiddenLineIO): HiddenLineReader {
  let pending = '';
  return {
    read(prompt) {
      if (!io.input.isTTY) throw new Error('hidden input needs a terminal');
      // Echo goes off before the prompt shows: whatever is typed or pasted after it is never displayed.
      io.input.setRawMode(true);
      io.output.write(prompt);
      return new Promise((resolve, reject) => {
        let state: HiddenLineState = { text: '', status: 'typing', rest: '' };
        const finish = (): void => {
          io.input.off('data', onData);
          io.input.setRawMode(false);
          io.input.pause();
          io.output.write('\n');
        };
        const onData = (chunk: Buffer | string): void => {
          state = applyHiddenKeystrokes(state, typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
          if (state.status === 'typing') return;
          finish();
          pending = state.rest;
          if (state.status === 'cancelled') reject(new PromptCancelledError());
          else resolve(state.text);
        };
        io.input.on('data', onData);
        io.input.resume();
        if (pending) {
          const typedAhead = pending;
          pending = '';
          onData(typedAhead);
        }
      });
    },
  };
}
