import type { Command } from 'commander';
import { addExamples } from '../add-examples.js';
import { createStyle } from '../create-style.js';
import { exitCodes } from '../exit-codes.js';

/** `arbiter doctor`: checks the configuration, the store and every provider key, and prints fixes. */
export function registerDoctorCommand(program: Command): void {
  const command = program
    .command('doctor')
    .description(
      'check the configuration, the store, and that every provider is reachable and accepts its key; prints fixes',
    )
    .option('-c, --config <file>', 'YAML config file (env ARBITER_CONFIG, default ./arbiter.yaml if present)')
    .option('--timeout <seconds>', 'how long each provider may take to answer', '5');
  addExamples(command, [
    'arbiter doctor',
    'arbiter doctor --config ./arbiter.yaml --timeout 10',
    'arbiter doctor && arbiter serve   # start only when everything checks out',
  ]);
  command.addHelpText(
    'after',
    '\nExit codes: 0 every check passed, 1 a check failed, 2 the configuration is invalid.',
  );
  command.action(async (options: { config?: string; timeout: string }) => {
    const seconds = Number(options.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0) {
      process.stderr.write(
        `arbiter doctor: --timeout must be a positive number of seconds, got "${options.timeout}"\n`,
      );
      process.exit(exitCodes.invalidConfig);
    }
    // Loaded when the command runs: the checks load the whole gateway, which `arbiter --help` must not.
    const { runDoctor } = await import('../doctor/run-doctor.js');
    const code = await runDoctor({
      configPath: options.config,
      timeoutInMs: seconds * 1000,
      style: createStyle(),
      output: process.stdout,
      progress: process.stderr,
    });
    // Keep-alive sockets to the providers would hold the process open for seconds after the report.
    process.exit(code);
  });
}
