import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

function directory(files: Record<string, string> = {}): string {
  const path = mkdtempSync(join(tmpdir(), 'arbiter-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(path, name), text);
  return path;
}

function issuesOf(run: () => unknown): Array<{ path: string; message: string }> {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig from the environment', () => {
  it('starts in demo mode with nothing configured, on 127.0.0.1:8000', () => {
    const config = loadConfig({ cwd: directory(), env: {} });
    expect(config.isDemo).toBe(true);
    expect(config.providers).toEqual([]);
    expect(config.server).toMatchObject({ host: '127.0.0.1', port: 8000, logLevel: 'info' });
  });

  it('discovers providers, several keys each, with base URL, model and timeout overrides', () => {
    const config = loadConfig({
      cwd: directory(),
      env: {
        GROQ_API_KEYS: 'g1, g2',
        GROQ_API_KEY_3: 'g3',
        GROQ_API_KEY: 'g1',
        GROQ_MODEL: 'llama-3.1-8b-instant',
        GROQ_TIMEOUT: '12',
        OPENAI_API_KEY: 'o1',
        OPENAI_BASE_URL: 'http://localhost:9999/v1/',
        ARBITER_DEMO: '1',
      },
    });
    expect(config.isDemo).toBe(false);
    const openai = config.providers.find((provider) => provider.name === 'openai')!;
    const groq = config.providers.find((provider) => provider.name === 'groq')!;
    expect(openai.baseUrl).toBe('http://localhost:9999/v1');
    expect(groq.baseUrl).toBe('https://api.groq.com/openai/v1');
    expect(groq.keys.map((key) => key.apiKey)).toEqual(['g1', 'g2', 'g3']);
    expect(groq.keys[0]!.id).toMatch(/^groq#[0-9a-f]{8}$/);
    expect(groq.keys[0]!.id).not.toContain('g1');
    expect(groq.defaultModel).toBe('llama-3.1-8b-instant');
    expect(groq.timeoutInMs).toBe(12_000);
    expect(config.defaultProvider).toBe('openai');
  });

  it('reads .env, but the real environment wins', () => {
    const cwd = directory({ '.env': 'GROQ_API_KEY=from-file\nPORT=9001\nLLM_TEMPERATURE=0.3\n' });
    const config = loadConfig({ cwd, env: { PORT: '9002' } });
    expect(config.providers[0]!.keys[0]!.apiKey).toBe('from-file');
    expect(config.server.port).toBe(9002);
    expect(config.requestDefaults.temperature).toBe(0.3);
  });

  it('names every bad variable at once', () => {
    const issues = issuesOf(() =>
      loadConfig({
        cwd: directory(),
        env: {
          PORT: 'eighty',
          GROQ_API_KEY: 'k',
          GROQ_TIMEOUT: '-1',
          GROQ_BASE_URL: 'ftp://x',
          LOG_LEVEL: 'loud',
        },
      }),
    );
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      'GROQ_BASE_URL',
      'GROQ_TIMEOUT',
      'LOG_LEVEL',
      'PORT',
    ]);
    expect(issues.find((issue) => issue.path === 'PORT')!.message).toBe('"eighty" is not a number');
  });

  it('refuses a default provider that is not configured', () => {
    const issues = issuesOf(() =>
      loadConfig({ cwd: directory(), env: { GROQ_API_KEY: 'k', DEFAULT_MODEL_PROVIDER: 'openai' } }),
    );
    expect(issues).toEqual([
      { path: 'DEFAULT_MODEL_PROVIDER', message: '"openai" is not a configured provider (configured: groq)' },
    ]);
  });
});

describe('loadConfig with arbiter.yaml', () => {
  it('adds custom providers and routes, interpolating ${ENV}', () => {
    const cwd = directory({
      'arbiter.yaml': [
        'providers:',
        '  my-vllm:',
        '    baseUrl: ${VLLM_URL:-http://localhost:8001/v1}',
        '    apiKey: ${VLLM_KEY}',
        '    models: [qwen-coder]',
        '  groq:',
        '    timeout: 5',
        'routes:',
        '  smart: [groq/llama-3.3-70b-versatile, my-vllm/qwen-coder]',
        '  cheap: my-vllm/qwen-coder',
        'defaults: { maxTokens: 256 }',
      ].join('\n'),
    });
    const config = loadConfig({ cwd, env: { VLLM_KEY: 'secret', GROQ_API_KEY: 'g' } });
    const vllm = config.providers.find((provider) => provider.name === 'my-vllm')!;
    expect(vllm).toMatchObject({
      family: 'openai',
      baseUrl: 'http://localhost:8001/v1',
      defaultModel: 'qwen-coder',
    });
    expect(vllm.keys[0]!.apiKey).toBe('secret');
    expect(config.providers.find((provider) => provider.name === 'groq')!.timeoutInMs).toBe(5000);
    expect(config.routes.smart!.targets).toEqual([
      { provider: 'groq', model: 'llama-3.3-70b-versatile' },
      { provider: 'my-vllm', model: 'qwen-coder' },
    ]);
    expect(config.requestDefaults.maxTokens).toBe(256);
  });

  it('stops on a bad file with the exact path of each problem', () => {
    const cwd = directory({
      'arbiter.yaml':
        'server:\n  port: "x"\n  prot: 1\nproviders:\n  Bad_Name: {}\n  groq:\n    apiKey: ${MISSING_KEY}\nroutes:\n  r: [nowhere/model]\n',
    });
    const issues = issuesOf(() => loadConfig({ cwd, env: {} }));
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'server.port', message: expect.stringContaining('expected number') },
        { path: 'server', message: expect.stringContaining('prot') },
        { path: 'providers.groq.apiKey', message: 'environment variable MISSING_KEY is not set' },
      ]),
    );
  });

  it('reports YAML syntax errors with line and column, and unknown route providers', () => {
    expect(
      issuesOf(() => loadConfig({ cwd: directory({ 'arbiter.yaml': 'routes:\n  a: [b\n' }), env: {} }))[0]!
        .path,
    ).toMatch(/^line \d+, column \d+$/);
    const issues = issuesOf(() =>
      loadConfig({
        cwd: directory({ 'arbiter.yaml': 'routes:\n  r: nowhere/model\n' }),
        env: { GROQ_API_KEY: 'k' },
      }),
    );
    expect(issues).toEqual([
      { path: 'routes.r.targets[0]', message: 'provider "nowhere" is not configured (configured: groq)' },
    ]);
  });

  it('fails clearly when ARBITER_CONFIG names a missing file', () => {
    const issues = issuesOf(() => loadConfig({ cwd: directory(), env: { ARBITER_CONFIG: 'nope.yaml' } }));
    expect(issues[0]!.message).toBe('file not found');
  });
});
