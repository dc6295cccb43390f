#!/usr/bin/env node
import { Command } from 'commander';
import { getVersion } from './get-version.js';
import { registerServeCommand } from './commands/serve.js';
import { registerSimulateCommand } from './commands/simulate.js';
import { registerKeysCommand } from './commands/keys.js';
import { registerChatCommand } from './commands/chat.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerDoctorCommand } from './commands/doctor.js';
import { registerProvidersCommand } from './commands/providers.js';
import { registerStatsCommand } from './commands/stats.js';
import { exitCodesHelp } from './exit-codes.js';

const program = new Command()
  .name('arbiter')
  .description('Arbiter, a self-hosted LLM gateway: one OpenAI-style API in front of every provider.')
  .version(getVersion())
  .showHelpAfterError()
  .addHelpText('after', exitCodesHelp);

registerServeCommand(program);
registerSimulateCommand(program);
registerKeysCommand(program);
registerDemoCommand(program);
registerChatCommand(program);
registerProvidersCommand(program);
registerStatsCommand(program);
registerDoctorCommand(program);

await program.parseAsync(process.argv);
