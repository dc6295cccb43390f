#!/usr/bin/env node
// Arbiter's benchmark: the same loads against the simulator directly, a minimal Node proxy (the floor),
// Portkey's gateway and Arbiter, in one run, so the ratios issue 11 budgets are measured on the same
// machine state. Every server and the load generator run in their own processes; we read the CPU and peak
// RSS of the process under test from /proc around each measured window. See bench/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { renderChart } from './lib/chart.js';
import { startSimulator } from './lib/processes.js';
import { clockTicks } from './lib/proc-stats.js';
import { CPU_RATIO_LOAD, report } from './lib/report.js';
import { runLoad, smokeTest } from './lib/run-load.js';
import { createScenarios } from './scenarios.js';

const here = import.meta.dirname;
const root = path.resolve(here, '..');
const cli = path.join(root, 'dist/cli/main.js');
const env = process.env;
// A list of connection counts; an empty value means none of that kind.
const numbers = (text, fallback) =>
  text === undefined ? fallback : text.split(',').filter(Boolean).map(Number);
const settings = {
  durationSeconds: Number(env.BENCH_DURATION_SECONDS ?? 8),
  warmupSeconds: Number(env.BENCH_WARMUP_SECONDS ?? 2),
  connections: numbers(env.BENCH_CONNECTIONS, [1, 32, 128]),
  streamConnections: numbers(env.BENCH_STREAM_CONNECTIONS, [32]),
  ttfbRequests: Number(env.BENCH_TTFB_REQUESTS ?? 300),
  ttfbWarmupRequests: 100,
  openStreams: Number(env.BENCH_OPEN_STREAMS ?? 1000),
  only: env.BENCH_SCENARIOS?.split(',').map((name) => name.trim()),
  cpuProfileDir: env.BENCH_CPU_PROF ? path.join(here, 'results', 'profiles') : undefined,
};

const loads = [
  ...settings.connections.map((c) => ({
    label: `c=${c}`,
    kind: 'autocannon',
    stream: false,
    connections: c,
  })),
  ...settings.streamConnections.map((c) => ({
    label: `stream c=${c}`,
    kind: 'autocannon',
    stream: true,
    connections: c,
  })),
  ...(settings.ttfbRequests > 0
    ? [{ label: 'stream TTFB c=1', kind: 'ttfb', stream: true, connections: 1 }]
    : []),
  ...(settings.openStreams > 0
    ? [
        {
          label: `${settings.openStreams} open streams`,
          kind: 'open-streams',
          stream: true,
          // A slow stream (~2 s) so they are all open at once; only the gateways, not the ceiling.
          model: undefined,
          slowModel: true,
          connections: settings.openStreams,
          requests: settings.openStreams,
          warmupRequests: Math.ceil(settings.openStreams / 10),
          skip: (scenario) => scenario.name === 'direct',
        },
      ]
    : []),
];

function machineFacts() {
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    node: process.version,
    kernel: os.release(),
    clockTicks,
    commit: git.status === 0 ? git.stdout.trim() : 'none',
    loadAverageAtStart: os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' '),
  };
}

/** Each scenario gets its own fresh simulator, so no scenario inherits another's connections or state. */
async function startScenario(scenario) {
  const sim = await startSimulator(cli);
  try {
    const target = await scenario.start(`${sim.url}/v1`);
    await smokeTest(scenario, target).catch(async (error) => {
      await target.stop();
      throw error;
    });
    return { scenario, sim, target };
  } catch (error) {
    await sim.stop();
    throw error;
  }
}

async function stopScenario({ sim, target }) {
  const stats = await (await request(`${sim.url}/_simulator/stats`)).body.json();
  await target.stop();
  await sim.stop();
  return stats;
}

/** The slow model's name in a scenario's own addressing (`sim-slow` or `openai/sim-slow`). */
const slowModelOf = (scenario) => scenario.model.replace(/sim-instant$/, 'sim-slow');

// ---- main ----

if (!existsSync(cli)) {
  process.stderr.write('dist/ is missing: running npm run build\n');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (settings.cpuProfileDir) mkdirSync(settings.cpuProfileDir, { recursive: true });

const startedAt = new Date().toISOString();
const facts = machineFacts();
const rows = [];
const failures = [];
const upstream = {};
const scenarios = createScenarios({
  root,
  profileDir: settings.cpuProfileDir,
  baselineDist: env.BENCH_BASELINE_DIST && path.resolve(env.BENCH_BASELINE_DIST),
  variants: parseVariants(env.BENCH_VARIANTS),
});
// All scenarios run side by side (idle ones cost nothing) and take turns load by load, so noise from
// other work on the machine drifts over them alike instead of landing on one scenario's whole run.
const running = [];
// A variant or baseline row (`arbiter (features on) nolog`) comes along with the row it varies.
const isSelected = (name) =>
  !settings.only || settings.only.some((only) => name === only || name.startsWith(`${only} `));
for (const scenario of scenarios.filter((s) => isSelected(s.name))) {
  process.stderr.write(`starting ${scenario.name}\n`);
  try {
    running.push(await startScenario(scenario));
  } catch (error) {
    process.stderr.write(`${scenario.name} failed: ${error.stack}\n`);
    failures.push({ scenario: scenario.name, error: String(error.message).split('\n')[0] });
  }
}
for (const load of loads) {
  for (const { scenario, sim, target } of running) {
    if (load.skip?.(scenario) || (scenario.loads && !scenario.loads.includes(load.label))) continue;
    process.stderr.write(`  ${load.label}: ${scenario.name}\n`);
    const model = load.slowModel ? slowModelOf(scenario) : undefined;
    rows.push(await runLoad(scenario, target, sim.pid, { ...load, model }, settings));
  }
}
for (const started of running) upstream[started.scenario.name] = await stopScenario(started);
const order = (name) => running.findIndex((r) => r.scenario.name === name);
rows.sort((a, b) => order(a.scenario) - order(b.scenario));

const resultsDir = path.join(here, 'results');
mkdirSync(resultsDir, { recursive: true });
const stamp = startedAt.replace(/[:.]/g, '-');
const chartFile = `bench/results/${stamp}.svg`;
writeFileSync(path.join(root, chartFile), renderChart(rows, CPU_RATIO_LOAD));
const markdown = report({ startedAt, settings, facts, rows, failures, upstream, chartFile });
process.stdout.write(`${markdown}\n`);
writeFileSync(path.join(resultsDir, `${stamp}.md`), markdown);
writeFileSync(
  path.join(resultsDir, `${stamp}.json`),
  `${JSON.stringify({ startedAt, facts, settings, rows, upstream, failures }, null, 2)}\n`,
);
process.stderr.write(`wrote bench/results/${stamp}.md, .json and .svg\n`);
process.exit(failures.length > 0 || rows.some((r) => r.non2xx || r.errors || r.timeouts) ? 1 : 0);

/** `name:A=1,B=2;other:C=3` → [{ name, env }]. */
function parseVariants(text) {
  if (!text) return [];
  return text.split(';').map((variant) => {
    const [name, settings = ''] = variant.split(/:(.*)/s);
    const pairs = settings
      .split(',')
      .filter(Boolean)
      .map((pair) => pair.split(/=(.*)/s).slice(0, 2));
    return { name: name.trim(), env: Object.fromEntries(pairs) };
  });
}
