import type { Style } from '../create-style.js';
import { fetchProviderStats } from '../fetch-provider-stats.js';
import { fetchProviderStatuses } from '../fetch-provider-statuses.js';
import type { GatewayClient } from '../gateway-client.js';
import { renderProviderStats } from '../render-provider-stats.js';
import { renderProviderStatuses } from '../render-provider-statuses.js';
import { testProvider } from '../test-provider.js';
import type { ChatSession } from './create-chat-session.js';
import { slashCommandHelp } from './slash-command-help.js';

export interface SlashCommandContext {
  client: GatewayClient;
  session: ChatSession;
  style: Style;
  /** Writes whole lines of output. */
  print(text: string): void;
}

/**
 * Runs one `/…` line of the chat REPL. Returns `exit` for `/exit` and `/quit`. Gateway errors are the
 * caller's to print (they end only the command, never the REPL).
 */
export async function runSlashCommand(line: string, context: SlashCommandContext): Promise<'exit' | void> {
  const { session, style, print } = context;
  const [command = '', subcommand, argument] = line.trim().split(/\s+/);
  switch (command) {
    case '/exit':
    case '/quit':
      return 'exit';
    case '/help': {
      const width = Math.max(...slashCommandHelp.map(([name]) => name.length));
      print(
        slashCommandHelp.map(([name, text]) => `  ${style.cyan(name.padEnd(width))}  ${text}`).join('\n'),
      );
      return;
    }
    case '/clear':
      session.clear();
      print(style.dim('Conversation cleared.'));
      return;
    case '/llm':
      return runLlmCommand(subcommand, argument, context);
    default:
      print(`Unknown command ${style.bold(command)}: /help lists the commands.`);
  }
}

async function runLlmCommand(
  subcommand: string | undefined,
  argument: string | undefined,
  context: SlashCommandContext,
): Promise<void> {
  const { client, session, style, print } = context;
  switch (subcommand) {
    case 'providers':
      print(renderProviderStatuses(await fetchProviderStatuses(client), style));
      return;
    case 'stats':
      print(renderProviderStats(await fetchProviderStats(client, currentProvider(session)), style));
      return;
    case 'switch': {
      const provider = await findProvider(argument, context, 'switch');
      if (provider === undefined) return;
      session.switchTo(provider);
      print(`Now talking to ${style.bold(session.model)}.`);
      return;
    }
    case 'test': {
      const provider =
        argument === undefined ? (currentProvider(session) ?? 'auto') : await findProvider(argument, context);
      if (provider === undefined) return;
      print(style.dim(`Testing ${provider}…`));
      const result = await testProvider(client, provider);
      const seconds = `${(result.latencyInMs / 1000).toFixed(2)} s`;
      print(
        result.isSuccess
          ? `${style.green('✅')} ${result.provider}${result.model ? `/${result.model}` : ''} answered in ${seconds}`
          : `${style.red('❌')} ${provider} failed after ${seconds}: ${result.message}`,
      );
      return;
    }
    default:
      print(`Usage: /llm providers | /llm switch <provider> | /llm stats | /llm test [provider]`);
  }
}

/** The provider the REPL talks to: the switched one, or the `--model` route; undefined for `auto`'s. */
function currentProvider(session: ChatSession): string | undefined {
  return session.switchedProvider ?? (session.model === 'auto' ? undefined : session.model);
}

/** `name` when the gateway has such a provider (or it is `auto` for a switch); else prints the known ones. */
async function findProvider(
  name: string | undefined,
  context: SlashCommandContext,
  purpose?: 'switch',
): Promise<string | undefined> {
  if (purpose === 'switch' && name === 'auto') return name;
  const { providers } = await context.client.getJson<{ providers?: string[] }>('/models');
  const known = providers ?? [];
  if (name !== undefined && known.includes(name)) return name;
  const what = name === undefined ? 'Which provider?' : `Unknown provider "${name}".`;
  context.print(`${what} Known providers: ${known.join(', ')}${purpose === 'switch' ? ', auto' : ''}.`);
  return undefined;
}
