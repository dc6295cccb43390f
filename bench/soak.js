#!/usr/bin/env node
// The soak: Arbiter with every feature on (bench/scenarios.js "arbiter (features on)") under a steady
// mixed load for SOAK_MINUTES (10), its resident memory sampled every 5 s. Issue 11's budget: less than
// 5 % growth between the first and the last minute of the measured window (after a warm-up that lets the
// heap, the caches and the connection pools reach their working size). See bench/README.md.
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { children, startSimulator, stopChild } from './lib/processes.js';
import { rssMb } from './lib/proc-stats.js';
import { table } from './lib/report.js';
import { requestFor, smokeTest } from './lib/run-load.js';
import { createScenarios } from './scenarios.js';

const here = import.meta.dirname;
const root = path.resolve(here, '..');
const cli = path.join(root, 'dist/cli/main.js');
const env = process.env;
const minutes = Number(env.SOAK_MINUTES ?? 10);
const warmupSeconds = Number(env.SOAK_WARMUP_SECONDS ?? 60);
const sampleEverySeconds = 5;
const scenarioName = env.SOAK_SCENARIO ?? 'arbiter (features on)';
/** Non-streamed and streamed requests at once, as a real gateway sees them. */
const loads = [
  { label: 'non-streamed c=16', stream: false, connections: 16 },
  { label: 'streamed c=4', stream: true, connections: 4 },
];

const scenario = createScenarios({ root }).find((s) => s.name === scenarioName);
if (!scenario) throw new Error(`no scenario named ${scenarioName} in bench/scenarios.js`);
const sim = await startSimulator(cli);
const target = await scenario.start(`${sim.url}/v1`);
await smokeTest(scenario, target);

process.stderr.write(
  `soak: ${scenarioName}, ${loads.map((l) => l.label).join(' + ')}, ${warmupSeconds} s warm-up, ${minutes} min measured\n`,
);
const generators = loads.map((load) => {
  const child = fork(path.join(here, 'load.js'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.add(child);
  const messages = [];
  child.on('message', (message) => messages.push(message));
  child.send({
    job: {
      kind: 'autocannon',
      url: `${target.url}/v1/chat/completions`,
      ...requestFor(scenario, target, load.stream),
      connections: load.connections,
      warmupSeconds,
      durationSeconds: minutes * 60,
    },
  });
  const next = () =>
    new Promise((resolve) => {
      const poll = setInterval(() => {
        if (messages.length === 0) return;
        clearInterval(poll);
        resolve(messages.shift());
      }, 100);
    });
  return { load, child, next };
});
await Promise.all(generators.map((g) => g.next())); // both warmed up
for (const g of generators) g.child.send('go');

const samples = [];
const startedAt = Date.now();
const sampler = setInterval(() => {
  samples.push({ seconds: Math.round((Date.now() - startedAt) / 1000), rssMb: rssMb(target.pid) });
  if (samples.length % 12 === 0) {
    const last = samples.at(-1);
    process.stderr.write(`  ${last.seconds} s: RSS ${last.rssMb.toFixed(1)} MB\n`);
  }
}, sampleEverySeconds * 1000);
const results = await Promise.all(
  generators.map(async (g) => ({ load: g.load, ...(await g.next()).result })),
);
clearInterval(sampler);
for (const g of generators) await stopChild(g.child);
await target.stop();
await sim.stop();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const window = Math.max(1, Math.round(60 / sampleEverySeconds));
const first = median(samples.slice(0, window).map((s) => s.rssMb));
const last = median(samples.slice(-window).map((s) => s.rssMb));
const peak = Math.max(...samples.map((s) => s.rssMb));
const growth = (last - first) / first;
const failed = results.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0);
const markdown = [
  `## Arbiter soak, ${new Date(startedAt).toISOString()}`,
  '',
  `${scenarioName}; ${minutes} min measured after ${warmupSeconds} s of warm-up; RSS sampled every ${sampleEverySeconds} s.`,
  '',
  table(
    [
      ['load', (r) => r.load.label],
      ['requests', (r) => r.completed],
      ['req/s', (r) => (r.completed / r.seconds).toFixed(0)],
      ['p50 ms', (r) => r.p50?.toFixed(2) ?? '-'],
      ['p99 ms', (r) => r.p99?.toFixed(2) ?? '-'],
      ['non-2xx', (r) => r.non2xx],
      ['errors', (r) => r.errors + r.timeouts],
    ],
    results,
  ),
  '',
  `RSS: first minute median ${first.toFixed(1)} MB, last minute median ${last.toFixed(1)} MB, peak ${peak.toFixed(1)} MB: ` +
    `growth ${(growth * 100).toFixed(1)} % (target < 5 %: ${growth < 0.05 ? 'met' : '**NOT MET**'}).`,
  failed > 0 ? `**WARNING**: ${failed} failed requests.` : 'Every request was answered with a 200.',
].join('\n');
process.stdout.write(`${markdown}\n`);
const resultsDir = path.join(here, 'results');
mkdirSync(resultsDir, { recursive: true });
const stamp = new Date(startedAt).toISOString().replace(/[:.]/g, '-');
writeFileSync(path.join(resultsDir, `soak-${stamp}.md`), `${markdown}\n`);
writeFileSync(
  path.join(resultsDir, `soak-${stamp}.json`),
  `${JSON.stringify({ scenarioName, minutes, warmupSeconds, samples, results }, null, 2)}\n`,
);
process.exit(growth < 0.05 && failed === 0 ? 0 : 1);
