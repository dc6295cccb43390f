import { createInterface } from 'node:readline';
import type { Style } from '../create-style.js';
import { exitCodes } from '../exit-codes.js';
import type { GatewayClient } from '../gateway-client.js';
import type { ChatSession } from './create-chat-session.js';
import { runSlashCommand } from './run-slash-command.js';
import { streamChatAnswer } from './stream-chat-answer.js';

export interface ChatReplOptions {
  client: GatewayClient;
  session: ChatSession;
  style: Style;
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean };
}

interface GatewayFacts {
  providers?: string[];
  default_provider?: string | null;
  auto_fallback?: boolean;
  demo?: boolean;
}

/**
 * The interactive chat: each line is a message whose answer streams in token by token, or a `/…`
 * command. Lines typed (or piped) while an answer streams wait their turn. Ctrl-C cancels the answer
 * under way (the request is aborted, so the gateway stops the upstream call) and keeps the REPL; at an
 * empty prompt a second Ctrl-C, Ctrl-D or `/exit` leaves. Resolves with the exit code. Throws
 * GatewayUnreachableError before the first prompt when no gateway answers.
 */
export async function startChatRepl(options: ChatReplOptions): Promise<number> {
  const { client, session, style, input, output } = options;
  const facts = await client.getJson<GatewayFacts>('/models');
  const print = (text: string): void => void output.write(`${text}\n`);
  const target = session.model === 'auto' ? ` → ${facts.default_provider ?? 'no provider'}` : '';
  print(`${style.bold('Arbiter chat')} · ${client.url} · ${session.model}${target}`);
  if (facts.demo)
    print(style.yellow('Demo mode: answers come from the built-in simulator, not a real model.'));
  print(style.dim('Type a message, or /help. Ctrl-C cancels an answer; Ctrl-D or /exit quits.'));

  const rl = createInterface({ input, output, terminal: input.isTTY === true && output.isTTY === true });
  let current: AbortController | undefined;
  let isExiting = false;
  let isClosed = false;
  let hasPressedCtrlC = false;
  const prompt = (): void => {
    if (isExiting || isClosed) return;
    rl.setPrompt(style.cyan(`${session.model} › `));
    rl.prompt();
  };

  async function ask(text: string): Promise<void> {
    const controller = new AbortController();
    current = controller;
    const startedAt = performance.now();
    try {
      const request = session.requestFor(text, facts.auto_fallback === true);
      const answer = await streamChatAnswer(
        client,
        request,
        (delta) => output.write(delta),
        controller.signal,
      );
      const seconds = ((performance.now() - startedAt) / 1000).toFixed(2);
      const by = answer.provider ? `${answer.provider}/${answer.model ?? '?'}` : 'the gateway';
      print(`\n${style.dim(`↳ ${by} · ${seconds} s`)}`);
      session.addTurn(text, answer.text);
    } catch (error) {
      if (controller.signal.aborted) print(style.dim('\n(cancelled)'));
      else print(`\n${style.red('Error:')} ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      current = undefined;
    }
  }

  async function handleLine(line: string): Promise<void> {
    const text = line.trim();
    if (isExiting) return;
    if (text.startsWith('/')) {
      try {
        if ((await runSlashCommand(text, { client, session, style, print })) === 'exit') {
          isExiting = true;
          rl.close();
          return;
        }
      } catch (error) {
        print(`${style.red('Error:')} ${error instanceof Error ? error.message : String(error)}`);
      }
    } else if (text !== '') {
      await ask(text);
    }
    prompt();
  }

  function interrupt(): void {
    if (current) return current.abort();
    if (isClosed) return;
    if (rl.line.length > 0) {
      // Like a shell: Ctrl-C drops what was typed and gives a fresh prompt.
      rl.write(null, { ctrl: true, name: 'u' });
      return;
    }
    if (hasPressedCtrlC) return rl.close();
    hasPressedCtrlC = true;
    print(style.dim('\n(Ctrl-C again, Ctrl-D or /exit to quit)'));
    prompt();
  }

  let queue = Promise.resolve();
  rl.on('line', (line) => {
    hasPressedCtrlC = false;
    queue = queue.then(() => handleLine(line));
  });
  rl.on('SIGINT', interrupt);
  process.on('SIGINT', interrupt);
  prompt();
  await new Promise<void>((resolve) => rl.once('close', resolve));
  // Piped input closes as soon as it is read: the lines still queued are answered first.
  isClosed = true;
  await queue;
  process.off('SIGINT', interrupt);
  return exitCodes.ok;
}
