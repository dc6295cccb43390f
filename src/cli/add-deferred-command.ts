import type { Command } from 'commander';

/** How to run each deferred command, for the help command (`arbiter help serve`). */
const runners = new WeakMap<Command, () => Promise<void>>();

export interface DeferredCommand {
  name: string;
  /** The one line `arbiter --help` lists; the command's own definition must say the same. */
  description: string;
  /** Run when no command is named (`arbiter` alone is `arbiter serve`). */
  isDefault?: boolean;
  /** Loads the module that defines the real command, and returns its register function. */
  load: () => Promise<(program: Command) => unknown>;
}

/**
 * Adds a command whose definition cannot be loaded cheaply (its module imports the whole gateway at the
 * top): a stand-in that only names and describes it, so `arbiter --help` lists it without loading it.
 * When it is run, the real command is loaded, registered on a fresh program from `createProgram` and
 * given the whole command line, so its options, its `--help` and its errors are its own.
 * @example addDeferredCommand(program, createProgram, { name: 'serve', description: '…', load: async () => (await import('./commands/serve.js')).registerServeCommand });
 */
export function addDeferredCommand(
  program: Command,
  createProgram: () => Command,
  deferred: DeferredCommand,
): Command {
  const run = async (): Promise<void> => {
    const register = await deferred.load();
    const real = createProgram();
    register(real);
    await real.parseAsync(process.argv);
  };
  const command = program
    .command(deferred.name, { isDefault: deferred.isDefault })
    .description(deferred.description)
    // Everything after the name belongs to the real command, `--help` included; declaring it as a
    // plain option also keeps the `[options]` that the root help shows for a command with options.
    .helpOption(false)
    .option('-h, --help')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(run);
  runners.set(command, run);
  return command;
}

/**
 * commander's own `help [command]`, which would print a deferred command's stand-in: this one runs the
 * deferred command instead, so that the real command, given the same command line, prints its own help.
 * Add it last: commander lists it where it is added, and uses it instead of its implicit one.
 */
export function addHelpCommand(program: Command): Command {
  return program
    .command('help [command]')
    .description('display help for command')
    .action(async (name?: string) => {
      if (name === undefined) program.help();
      const command = program.commands.find(
        (candidate) => candidate.name() === name || candidate.aliases().includes(name),
      );
      if (!command) program.help({ error: true });
      const run = runners.get(command);
      if (run) await run();
      else command.help();
    });
}
