#!/usr/bin/env node
import { Command } from 'commander';
import { getVersion } from './get-version.js';
import { registerServeCommand } from './commands/serve.js';
import { registerSimulateCommand } from './commands/simulate.js';
import { registerKeysCommand } from './commands/keys.js';

const program = new Command()
  .name('arbiter')
  .description('Arbiter, a self-hosted LLM gateway: one OpenAI-style API in front of every provider.')
  .version(getVersion())
  .showHelpAfterError();

registerServeCommand(program);
registerSimulateCommand(program);
registerKeysCommand(program);

await program.parseAsync(process.argv);
