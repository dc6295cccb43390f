import { spawn } from 'node:child_process';
import { cliPath } from '../support/spawn-cli.js';

/**
 * Runs the built CLI with `input` piped to stdin (then closed) and stdout/stderr piped back: the
 * non-terminal case, where output must stay free of colours and progress redraws.
 */
export function runCliWithInput(
  args: string[],
  options: { cwd: string; input?: string; env?: Record<string, string> },
): Promise<{ code: number | null; stdout: string; output: string }> {
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    output += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stdin.end(options.input ?? '');
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, output })));
}
