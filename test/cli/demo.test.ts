import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCliInTerminal } from '../support/spawn-cli-in-terminal.js';
import { runCliWithInput } from './run-cli-with-input.js';

describe('arbiter demo', () => {
  it('serves the simulator behind a gateway, prints where and what to try, and stops on Ctrl-C', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'arbiter-demo-'));
    // A provider key in the environment does not matter: the demo is always the simulator.
    const cli = spawnCliInTerminal(['demo', '--port', '0'], { cwd, env: { GROQ_API_KEY: 'gsk-real' } });
    try {
      const [, url] = await cli.waitFor(/Gateway: +(http:\/\/127\.0\.0\.1:\d+)/);
      await cli.waitFor(/Ctrl-C stops the demo/);
      const output = cli.output();
      expect(output).toContain(`Dashboard:  ${url}/ui`);
      expect(output).toContain(`curl ${url}/v1/chat/completions`);
      expect(output).toContain(`arbiter chat --url ${url}`);
      expect(output).toContain('not a real model');
      expect(cli.rawOutput()).toContain(`\u001B[36m${url}\u001B[39m`);

      const models = (await (await fetch(`${url}/v1/models`)).json()) as { data: Array<{ id: string }> };
      expect(models.data.map((model) => model.id)).toContain('demo-openai/sim-fast');
      expect(models.data.map((model) => model.id)).not.toContain('groq/llama-3.3-70b-versatile');

      cli.write('\u0003');
      expect(await cli.exited).toBe(0);
      expect(readdirSync(cwd)).toEqual([]);
    } finally {
      cli.child.kill();
    }
  });

  it('refuses a public address without gateway keys, as serve does', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'arbiter-demo-'));
    const { code, output } = await runCliWithInput(['demo', '--port', '0'], {
      cwd,
      env: { HOST: '0.0.0.0' },
    });
    expect(code).toBe(2);
    expect(output).toContain('Arbiter will not listen on 0.0.0.0: no gateway key is configured');
  });
});
