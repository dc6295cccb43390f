// The servers under test. A scenario: { name, model, headers?, loads?, start(upstreamUrl) → { url, pid,
// stop, headers? } }. `model` is what its clients ask for; `headers` go on every client request (a
// target may add its own, e.g. Portkey's upstream URL); pid null means "no proxy" (the direct row).
import { createRequire } from 'node:module';
import path from 'node:path';
import { FLOOR, PORTKEY } from './lib/report.js';
import { startServer } from './lib/processes.js';

const require = createRequire(import.meta.url);
/** The features-on scenario's gateway key (any 20+ characters). */
const BENCH_KEY = 'arb-bench-0123456789abcdef';
/** The features-on scenario's settings, its key on a plan whose limits are high enough to admit the load. */
const featuresOn = {
  ARBITER_API_KEYS: `${BENCH_KEY}:premium`,
  PREMIUM_REQUESTS_PER_HOUR: '1000000000',
  PREMIUM_TOKENS_PER_DAY: '1000000000000',
  LEARNING_AUTO: 'true',
};

export function createScenarios({ root, profileDir, baselineDist, variants = [] }) {
  const cli = path.join(root, 'dist/cli/main.js');

  /** Arbiter as users run it (LOG_LEVEL default, one line per request), configured by env only. */
  const startArbiter = (name, upstreamUrl, extraEnv = {}, files = {}, entry = cli) =>
    startServer(
      name,
      () => [entry, 'serve'],
      { OPENAI_API_KEY: 'bench', OPENAI_BASE_URL: upstreamUrl, ARBITER_DEMO: '0', ...extraEnv },
      { profileDir, files },
    );

  return [
    {
      name: 'direct',
      model: 'sim-instant',
      headers: { authorization: 'Bearer x' },
      start: async (upstreamUrl) => ({ url: new URL(upstreamUrl).origin, pid: null, stop: async () => {} }),
    },
    {
      name: FLOOR,
      model: 'sim-instant',
      start: (upstreamUrl) =>
        startServer(
          FLOOR,
          () => [path.join(root, 'bench/minimal-proxy.js')],
          { UPSTREAM_URL: upstreamUrl },
          { profileDir },
        ),
    },
    {
      name: PORTKEY,
      model: 'sim-instant',
      start: async (upstreamUrl) => {
        // Portkey's Node build, as `npx @portkey-ai/gateway` runs it, told the upstream per request.
        const entry = require.resolve('@portkey-ai/gateway/build/start-server.js');
        const server = await startServer(
          PORTKEY,
          (port) => [entry, `--port=${port}`, '--headless'],
          {},
          {
            profileDir,
            ready: 'port',
          },
        );
        return {
          ...server,
          headers: {
            authorization: 'Bearer x',
            'x-portkey-provider': 'openai',
            'x-portkey-custom-host': upstreamUrl,
          },
        };
      },
    },
    {
      name: 'arbiter',
      model: 'openai/sim-instant',
      // Features off: no usage log, so the rows below show what the features cost the hot path.
      start: (upstreamUrl) => startArbiter('arbiter', upstreamUrl, { USAGE_LOG: 'false' }),
    },
    {
      name: 'arbiter (accounting on)',
      model: 'openai/sim-instant',
      // The default: every request's usage record queued, priced and written to SQLite in batches.
      start: (upstreamUrl) => startArbiter('arbiter (accounting on)', upstreamUrl),
    },
    {
      name: 'arbiter (features on)',
      model: 'openai/sim-instant',
      // What a production user runs: a gateway key on a plan whose request and token limits are checked
      // (and token reservations settled) on every request, the usage log, learning observing every
      // outcome, metrics counting every record, prompt-injection guardrails. The limits are set high so
      // the load is admitted: the checks still run.
      headers: { authorization: `Bearer ${BENCH_KEY}` },
      start: (upstreamUrl) => startArbiter('arbiter (features on)', upstreamUrl, featuresOn),
    },
    // BENCH_VARIANTS="name:ENV=value,ENV2=value;...": the features-on server with some settings changed,
    // e.g. `nolog:LOG_LEVEL=warn` to see what the request log costs.
    ...variants.map(({ name, env }) => ({
      name: `arbiter (features on) ${name}`,
      model: 'openai/sim-instant',
      headers: { authorization: `Bearer ${BENCH_KEY}` },
      start: (upstreamUrl) =>
        startArbiter(`arbiter (features on) ${name}`, upstreamUrl, { ...featuresOn, ...env }),
    })),
    // BENCH_BASELINE_DIST=/path/to/another/dist: the same features-on server built from another tree
    // (e.g. `git worktree add /tmp/base main && cd /tmp/base && npm ci && npm run build`), taking turns
    // with this one load by load: the fairest A/B this noisy machine allows.
    ...(baselineDist
      ? [
          {
            name: 'arbiter (features on) @baseline',
            model: 'openai/sim-instant',
            headers: { authorization: `Bearer ${BENCH_KEY}` },
            start: (upstreamUrl) =>
              startArbiter(
                'arbiter (features on) @baseline',
                upstreamUrl,
                featuresOn,
                {},
                path.join(baselineDist, 'cli/main.js'),
              ),
          },
        ]
      : []),
    {
      name: 'arbiter race',
      model: 'race',
      // `race` between two targets on the same simulator; compared with `arbiter` (one target) at c=1.
      loads: ['c=1', 'c=32'],
      start: (upstreamUrl) =>
        startArbiter('arbiter race', upstreamUrl, {
          USAGE_LOG: 'false',
          GROQ_API_KEY: 'bench',
          GROQ_BASE_URL: upstreamUrl,
          COMPETE_CONTENDERS: 'openai/sim-instant,groq/sim-instant',
        }),
    },
    {
      name: 'arbiter (2 workers)',
      model: 'openai/sim-instant',
      // ARBITER_WORKERS=2 without Redis: each worker keeps its own limits and breakers (fine here: none
      // are configured); compared with `arbiter` at c=128 for throughput.
      loads: ['c=128'],
      start: (upstreamUrl) =>
        startArbiter('arbiter (2 workers)', upstreamUrl, { USAGE_LOG: 'false', ARBITER_WORKERS: '2' }),
    },
  ];
}
