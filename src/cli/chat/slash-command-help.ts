/** The REPL's commands, for `/help` and the chat command's `--help`. */
export const slashCommandHelp = [
  ['/llm providers', 'every provider with ✅ online, ⚠️ degraded or ❌ offline / not configured'],
  ['/llm switch <provider>', 'send the next messages to <provider> (`auto` goes back)'],
  ['/llm stats', 'requests, successes, failures, success rate and average time per provider'],
  ['/llm test [provider]', 'one tiny request to <provider> (default: the current one), timed'],
  ['/clear', 'forget the conversation so far'],
  ['/help', 'this list'],
  ['/exit', 'leave (also Ctrl-D); Ctrl-C cancels an answer that is streaming'],
] as const;
