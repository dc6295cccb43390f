#!/usr/bin/env node
import { Command } from 'commander';
import { addDeferredCommand, addHelpCommand } from './add-deferred-command.js';
import { getVersion } from './get-version.js';
import { registerSimulateCommand } from './commands/simulate.js';
import { registerKeysCommand } from './commands/keys.js';
import { registerChatCommand } from './commands/chat.js';
import { registerCompeteCommand } from './commands/compete.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerDoctorCommand } from './commands/doctor.js';
import { registerProvidersCommand } from './commands/providers.js';
import { registerStatsCommand } from './commands/stats.js';
import { exitCodesHelp } from './exit-codes.js';

// Every command's definition is cheap to load and its action imports its implementation, so
// `arbiter --help` and the client commands do not load the gateway; serve.ts is the exception (it
// imports the gateway at the top), so it is deferred: loaded only when it runs.
const createProgram = (): Command =>
  new Command()
    .name('arbiter')
    .description('Arbiter, a self-hosted LLM gateway: one OpenAI-style API in front of every provider.')
    .version(getVersion())
    .showHelpAfterError()
    .addHelpText('after', exitCodesHelp);
const program = createProgram();

addDeferredCommand(program, createProgram, {
  name: 'serve',
  description: 'start the gateway (demo mode with the built-in simulator when no provider key is configured)',
  isDefault: true,
  load: async () => (await import('./commands/serve.js')).registerServeCommand,
});
registerSimulateCommand(program);
registerKeysCommand(program);
registerDemoCommand(program);
registerChatCommand(program);
registerCompeteCommand(program);
registerProvidersCommand(program);
registerStatsCommand(program);
registerDoctorCommand(program);
addHelpCommand(program);

await program.parseAsync(process.argv);
