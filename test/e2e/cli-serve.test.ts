import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { spawnCli } from '../support/spawn-cli.js';

const emptyDirectory = () => mkdtempSync(join(tmpdir(), 'arbiter-cli-'));

describe('arbiter serve (the README first command)', () => {
  it('starts in a clearly labelled demo mode without keys, answers the openai SDK, and stops on SIGTERM', async () => {
    const cli = spawnCli(['serve', '--port', '0'], { cwd: emptyDirectory() });
    try {
      const [, url] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      await cli.waitFor(/Models: GET/);
      expect(cli.output()).toContain('DEMO MODE');
      expect(cli.output()).toContain('SIMULATOR');
      expect(cli.output()).toMatch(/curl http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions/);

      const client = new OpenAI({ baseURL: `${url}/v1`, apiKey: 'unused', maxRetries: 0 });
      const models = await client.models.list();
      expect(models.data.map((model) => model.id)).toContain('demo-openai/sim-fast');
      expect(models.data.find((model) => model.id === 'demo-openai/sim-fast')!.owned_by).toContain('demo');
      const completion = await client.chat.completions.create({
        model: 'auto',
        messages: [{ role: 'user', content: 'Hello!' }],
      });
      expect(completion.choices[0]!.message.content).toBeTruthy();
      const ready = await (await fetch(`${url}/ready`)).json();
      expect(ready).toMatchObject({ status: 'ready', mode: expect.stringContaining('demo') });
    } finally {
      cli.child.kill('SIGTERM');
    }
    expect(await cli.exited).toBe(0);
  });

  it('stops with exit code 2 and the exact problem on a bad config file, without a stack trace', async () => {
    const cwd = emptyDirectory();
    writeFileSync(join(cwd, 'arbiter.yaml'), 'providers:\n  groq:\n    timeout: soon\n');
    const cli = spawnCli(['serve'], { cwd, env: { GROQ_API_KEY: 'k' } });
    expect(await cli.exited).toBe(2);
    expect(cli.output()).toContain('providers.groq.timeout');
    expect(cli.output()).not.toMatch(/\n\s+at /);
  });

  it('refuses an invalid environment variable by name', async () => {
    const cli = spawnCli(['serve'], { cwd: emptyDirectory(), env: { PORT: 'eighty' } });
    expect(await cli.exited).toBe(2);
    expect(cli.output()).toContain('PORT: "eighty" is not a number');
  });
});
