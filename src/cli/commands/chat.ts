import type { Command } from 'commander';
import { addExamples } from '../add-examples.js';
import { addGatewayOptions, type GatewayOptions } from '../add-gateway-options.js';
import { createStyle } from '../create-style.js';
import { slashCommandHelp } from '../chat/slash-command-help.js';

interface ChatOptions extends GatewayOptions {
  model: string;
  system?: string;
}

/** `arbiter chat`: an interactive, streaming chat against a running gateway, with `/llm` commands. */
export function registerChatCommand(program: Command): void {
  const command = program
    .command('chat')
    .description('chat with a running gateway: answers stream in, /llm commands show and switch providers')
    .option('-m, --model <route>', 'route to talk to: auto, a provider, provider/model, a route', 'auto')
    .option('-s, --system <prompt>', 'system prompt for the whole conversation');
  addGatewayOptions(command);
  command.addHelpText(
    'after',
    `\nIn the chat:\n${slashCommandHelp.map(([name, text]) => `  ${name.padEnd(24)}${text}`).join('\n')}`,
  );
  addExamples(command, [
    'arbiter chat',
    'arbiter chat --model groq --system "Answer in one sentence."',
    'ARBITER_URL=http://gateway:8000 ARBITER_API_KEY=ak_... arbiter chat',
  ]);
  command.action(async (options: ChatOptions) => {
    // Loaded when the command runs, so `arbiter --help` does not pay for the REPL and its HTTP client.
    const [{ createChatSession }, { startChatRepl }, { runClientCommand }] = await Promise.all([
      import('../chat/create-chat-session.js'),
      import('../chat/start-chat-repl.js'),
      import('../run-client-command.js'),
    ]);
    await runClientCommand(options, (client) =>
      startChatRepl({
        client,
        session: createChatSession({ model: options.model, system: options.system }),
        style: createStyle(),
        input: process.stdin,
        output: process.stdout,
      }),
    );
  });
}
