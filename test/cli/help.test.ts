import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliWithInput } from './run-cli-with-input.js';

const cwd = mkdtempSync(join(tmpdir(), 'arbiter-help-'));

/** The command names a `--help` page lists under "Commands:". */
function listCommands(help: string): string[] {
  const section = help.split('Commands:\n')[1]?.split('\n\n')[0] ?? '';
  return section
    .split('\n')
    .map((line) => /^ {2}(\S+)/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined && name !== 'help');
}

describe('arbiter --help', () => {
  it('documents the exit codes, and every command has a help page', async () => {
    const root = await runCliWithInput(['--help'], { cwd });
    expect(root.code).toBe(0);
    expect(root.stdout).toMatch(
      /Exit codes:\n {2}0 {2}ok\n {2}1 .*\n {2}2 .*\n {2}3 {2}no gateway reachable/,
    );
    const commands = listCommands(root.stdout);
    expect(commands).toEqual(
      expect.arrayContaining(['serve', 'demo', 'chat', 'compete', 'providers', 'stats', 'doctor']),
    );

    // Each page is a process of its own; a few at a time keep a busy 2-core machine responsive.
    const pages: Array<{ command: string; code: number | null; stdout: string; output: string }> = [];
    for (let index = 0; index < commands.length; index += 3) {
      const batch = commands.slice(index, index + 3);
      pages.push(
        ...(await Promise.all(
          batch.map(async (command) => ({
            command,
            ...(await runCliWithInput([command, '--help'], { cwd })),
          })),
        )),
      );
    }
    for (const page of pages) {
      expect(page.code, `${page.command}:\n${page.output}`).toBe(0);
      expect(page.stdout, page.command).toMatch(new RegExp(`^Usage: arbiter ${page.command}\\b`));
    }
    for (const command of ['serve', 'simulate', 'demo', 'chat', 'compete', 'providers', 'stats', 'doctor']) {
      const page = pages.find((candidate) => candidate.command === command)!;
      expect(page.stdout, command).toMatch(/\nExamples:\n {2}\$ arbiter /);
    }
    expect(pages.find((page) => page.command === 'chat')!.stdout).toContain('/llm switch <provider>');
    const compete = pages.find((page) => page.command === 'compete')!.stdout;
    expect(compete).toMatch(/^Usage: arbiter compete \[options\] <prompt>/);
    expect(compete).toMatch(/--evaluator <name> [^]*\(choices:\s+"fastest", "judge", "consensus"\)/);

    // `serve` is loaded only when it runs (it imports the whole gateway); its help is still its own.
    const serve = pages.find((page) => page.command === 'serve')!.stdout;
    expect(serve).toContain('-p, --port <port>');
    // main.ts repeats serve's description for the list; the two must not drift apart.
    const listed = /\n {2}serve \[options\]\s+([^]*?)\n {2}\S/.exec(root.stdout)?.[1] ?? '';
    expect(listed.replace(/\s+/g, ' ')).toBe(serve.split('\n\n')[1]!.replace(/\s+/g, ' '));
    const viaHelp = await runCliWithInput(['help', 'serve'], { cwd });
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe(serve);
  }, 40_000);
});
