#!/usr/bin/env node
// Arbiter's benchmark: the same loads against the simulator directly, a minimal Node proxy (the floor)
// and Arbiter, in one run, so the ratios DESIGN.md §10 budgets are measured on the same machine state.
// Every server and the load generator run in their own processes; we read the CPU and peak RSS of the
// process under test from /proc around each measured window. See bench/README.md.
import { fork, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';

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
  only: env.BENCH_SCENARIOS?.split(',').map((name) => name.trim()),
  cpuProfileDir: env.BENCH_CPU_PROF ? path.join(here, 'results', 'profiles') : undefined,
};
const FLOOR = 'minimal proxy';
const CPU_RATIO_CONNECTIONS = 32;

// A scenario is a server under test: `start(upstreamUrl)` → { url, pid, stop }. `model` is what its
// clients ask for; `headers` are extra client headers. pid null means "no proxy" (the direct row).
// To add a row (Arbiter with all features, Portkey), add an entry here.
const scenarios = [
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
      startServer(FLOOR, () => [path.join(here, 'minimal-proxy.js')], { UPSTREAM_URL: upstreamUrl }),
  },
  {
    name: 'arbiter',
    model: 'openai/sim-instant',
    // The usage log off, so the next row shows what accounting costs the hot path.
    start: (upstreamUrl) => startArbiter('arbiter', upstreamUrl, { USAGE_LOG: 'false' }),
  },
  {
    name: 'arbiter (accounting on)',
    model: 'openai/sim-instant',
    // The default: every request's usage record queued, priced and written to SQLite (in the scenario's
    // temporary directory) in batches, once a second.
    start: (upstreamUrl) => startArbiter('arbiter (accounting on)', upstreamUrl),
  },
];

/** Arbiter as users run it (LOG_LEVEL default, one line per request), configured by env only. */
function startArbiter(name, upstreamUrl, extraEnv = {}) {
  const envVars = { OPENAI_API_KEY: 'bench', OPENAI_BASE_URL: upstreamUrl, ARBITER_DEMO: '0', ...extraEnv };
  return startServer(name, () => [cli, 'serve'], envVars);
}

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
  { label: 'stream TTFB c=1', kind: 'ttfb', stream: true, connections: 1 },
];

// ---- child processes: every one is tracked so none outlives us (Ctrl-C included) ----

const children = new Set();
const tempDirs = new Set();
const isRunning = (child) => child.exitCode === null && child.signalCode === null;

process.on('exit', () => {
  for (const child of children) if (isRunning(child)) child.kill('SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, async () => {
    process.stderr.write(`\n${signal}: stopping child processes\n`);
    await Promise.all([...children].map((child) => stopChild(child, 2000)));
    process.exit(130);
  });
}

async function stopChild(child, graceMs = 5000) {
  if (!isRunning(child)) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM'); // graceful, so a --cpu-prof profile gets written
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

async function freePort() {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port;
}

/**
 * Spawns `node ...args(port)` in an empty temp dir (no .env or arbiter.yaml to pick up) with a bare env,
 * stdout discarded, and waits for its "listening on http://…" line on stderr.
 */
async function startServer(name, args, extraEnv = {}, { profile = true } = {}) {
  const port = await freePort();
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'arbiter-bench-'));
  tempDirs.add(cwd);
  const nodeArgs =
    profile && settings.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${settings.cpuProfileDir}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, ...args(port)], {
    cwd,
    env: { PATH: env.PATH, PORT: String(port), HOST: '127.0.0.1', ...extraEnv },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('did not say "listening on" within 20 s'), 20_000);
    const fail = (why) => reject(new Error(`${name} ${why}\n${stderr.slice(-2000)}`));
    child.stderr.setEncoding('utf8').on('data', (text) => {
      stderr = (stderr + text).slice(-8000); // keep draining so the pipe never blocks the child
      const match = /listening on (http:\/\/\S+)/.exec(stderr);
      if (!match) return;
      clearTimeout(timer);
      resolve(new URL(match[1]).origin);
    });
    child.once('exit', (code, signal) => fail(`exited early (${signal ?? code})`));
  });
  return {
    url,
    pid: child.pid,
    stop: async () => {
      await stopChild(child);
      children.delete(child);
      rmSync(cwd, { recursive: true, force: true });
      tempDirs.delete(cwd);
    },
  };
}

// ---- /proc sampling: CPU ticks and peak RSS of a process and its descendants (future workers) ----

const clockTicks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

function readProcs() {
  const procs = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after "comm)" (comm may hold spaces): state ppid ... utime(12) stime(13) cutime(14) cstime(15).
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
      procs.push({ pid: Number(entry), ppid: Number(fields[1]), ticks });
    } catch {
      // The process ended while we looked: nothing to count.
    }
  }
  return procs;
}

function processTree(pid) {
  const procs = readProcs();
  const tree = procs.filter((p) => p.pid === pid);
  for (let i = 0; i < tree.length; i++) tree.push(...procs.filter((p) => p.ppid === tree[i].pid));
  return tree;
}

/** CPU ticks (user+system, reaped children included) of the tree; optionally resets its peak RSS. */
function sampleCpu(pid, { resetPeak = false } = {}) {
  if (!pid) return null;
  const tree = processTree(pid);
  if (resetPeak) for (const p of tree) tryWrite(`/proc/${p.pid}/clear_refs`, '5'); // 5 = reset VmHWM
  return tree.reduce((sum, p) => sum + p.ticks, 0);
}

/** Busy ticks of the whole machine, to spot other work (another benchmark, a test run) stealing the cores. */
function machineBusyTicks() {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return user + nice + system + irq + softirq + steal;
}

function peakRssMb(pid) {
  if (!pid) return null;
  let kb = 0;
  for (const p of processTree(pid)) {
    try {
      kb += Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${p.pid}/status`, 'utf8'))[1]);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

function tryWrite(file, text) {
  try {
    writeFileSync(file, text);
  } catch {
    // Older kernels or no permission: VmHWM then is the peak since the process started.
  }
}

// ---- one scenario, one load ----

function requestFor(scenario, stream) {
  const body = { model: scenario.model, messages: [{ role: 'user', content: 'Say hello' }] };
  if (stream) body.stream = true;
  return { headers: { 'content-type': 'application/json', ...scenario.headers }, body: JSON.stringify(body) };
}

/** One real request of each kind, checked, so we never benchmark error responses or the wrong model. */
async function smokeTest(scenario, target) {
  for (const stream of [false, true]) {
    const { headers, body } = requestFor(scenario, stream);
    const response = await request(`${target.url}/v1/chat/completions`, { method: 'POST', headers, body });
    const text = await response.body.text();
    const ok = stream ? text.includes('data: [DONE]') : JSON.parse(text).model === 'sim-instant';
    if (response.statusCode !== 200 || !ok) {
      throw new Error(
        `${scenario.name} smoke test (stream=${stream}): ${response.statusCode} ${text.slice(0, 500)}`,
      );
    }
  }
}

async function runLoad(scenario, target, simPid, load) {
  const child = fork(path.join(here, 'load.js'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.add(child);
  const nextMessage = () =>
    new Promise((resolve, reject) => {
      const onExit = (code) => reject(new Error(`load generator exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (message) => {
        child.off('exit', onExit);
        resolve(message);
      });
    });
  child.send({
    job: {
      kind: load.kind,
      url: `${target.url}/v1/chat/completions`,
      ...requestFor(scenario, load.stream),
      connections: load.connections,
      warmupSeconds: settings.warmupSeconds,
      durationSeconds: settings.durationSeconds,
      warmupRequests: settings.ttfbWarmupRequests,
      requests: settings.ttfbRequests,
    },
  });
  await nextMessage(); // 'warmed'
  const sample = (resetPeak) => ({
    proxy: sampleCpu(target.pid, { resetPeak }),
    sim: sampleCpu(simPid, { resetPeak }),
    load: sampleCpu(child.pid),
    machine: machineBusyTicks(),
  });
  const before = sample(true);
  child.send('go');
  const { result } = await nextMessage();
  const after = sample(false);
  const ours = ['proxy', 'sim', 'load'].reduce((sum, key) => sum + (after[key] ?? 0) - (before[key] ?? 0), 0);
  await stopChild(child);
  children.delete(child);
  const usPerRequest = (ticks) => (ticks === null ? null : (ticks * 1e6) / clockTicks / result.completed);
  return {
    scenario: scenario.name,
    load: load.label,
    kind: load.kind,
    stream: load.stream,
    connections: load.connections,
    requestsPerSecond: result.completed / result.seconds,
    ...result,
    proxyCpuUsPerRequest: target.pid ? usPerRequest(after.proxy - before.proxy) : null,
    proxyPeakRssMb: peakRssMb(target.pid),
    simCpuUsPerRequest: usPerRequest(after.sim - before.sim),
    simPeakRssMb: peakRssMb(simPid),
    loadGeneratorCores: (after.load - before.load) / clockTicks / result.seconds,
    // Cores used by processes that are not ours during the window: noise if well above 0.
    otherCores: (after.machine - before.machine - ours) / clockTicks / result.seconds,
  };
}

/** Each scenario gets its own fresh simulator, so no scenario inherits another's connections or state. */
async function startScenario(scenario) {
  const sim = await startServer(
    'simulator',
    (port) => [cli, 'simulate', '--port', String(port), '--seed', '1'],
    {},
    { profile: false },
  );
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

// ---- report ----

const fixed = (value, digits) => (value === null || value === undefined ? '-' : value.toFixed(digits));
/** A markdown table from [header, (row) => cell] pairs. */
const table = (columns, rows) =>
  [
    `| ${columns.map(([header]) => header).join(' | ')} |`,
    `|${columns.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${columns.map(([, cell]) => cell(row)).join(' | ')} |`),
  ].join('\n');
const serverColumns = [
  ['proxy CPU µs/req', (r) => fixed(r.proxyCpuUsPerRequest, 0)],
  ['proxy peak RSS MB', (r) => fixed(r.proxyPeakRssMb, 1)],
  ['sim CPU µs/req', (r) => fixed(r.simCpuUsPerRequest, 0)],
  ['non-2xx', (r) => r.non2xx],
  ['errors', (r) => r.errors + r.timeouts],
];
const throughputColumns = [
  ['scenario', (r) => r.scenario],
  ['load', (r) => r.load],
  ['req/s', (r) => fixed(r.requestsPerSecond, 0)],
  ['p50 ms', (r) => fixed(r.p50, 2)],
  ['p99 ms', (r) => fixed(r.p99, 2)],
  ...serverColumns,
];
const ttfbColumns = [
  ['scenario', (r) => r.scenario],
  ['TTFB p50 ms', (r) => fixed(r.p50, 3)],
  ['TTFB p99 ms', (r) => fixed(r.p99, 3)],
  ['streams/s', (r) => fixed(r.requestsPerSecond, 0)],
  ...serverColumns,
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

function budget(rows) {
  const find = (scenario, load) => rows.find((r) => r.scenario === scenario && r.load === load);
  const floorCpu = find(FLOOR, `c=${CPU_RATIO_CONNECTIONS}`)?.proxyCpuUsPerRequest;
  const floorTtfb = find(FLOOR, 'stream TTFB c=1')?.p50;
  const lines = [];
  for (const name of [...new Set(rows.map((r) => r.scenario))].filter((n) => n !== 'direct' && n !== FLOOR)) {
    const cpu = find(name, `c=${CPU_RATIO_CONNECTIONS}`)?.proxyCpuUsPerRequest;
    const ttfb = find(name, 'stream TTFB c=1')?.p50;
    const ratio = cpu && floorCpu ? cpu / floorCpu : null;
    const delta = ttfb !== undefined && floorTtfb !== undefined ? ttfb - floorTtfb : null;
    const verdict = (ok) => (ok === null ? 'n/a' : ok ? 'within budget' : '**OVER BUDGET**');
    lines.push(
      `- ${name} CPU µs/request ÷ ${FLOOR} at c=${CPU_RATIO_CONNECTIONS}: ${fixed(ratio, 2)}× ` +
        `(${fixed(cpu, 0)} / ${fixed(floorCpu, 0)} µs; target ≤ 1.5×) — ${verdict(ratio === null ? null : ratio <= 1.5)}`,
      `- ${name} streaming TTFB p50 − ${FLOOR} TTFB p50: ${delta === null ? '-' : `${delta >= 0 ? '+' : ''}${delta.toFixed(3)}`} ms ` +
        `(target ≤ 1 ms) — ${verdict(delta === null ? null : delta <= 1)}`,
    );
  }
  return lines.join('\n');
}

function report({ startedAt, facts, rows, failures, upstream }) {
  const bad = rows.filter((r) => r.non2xx || r.errors || r.timeouts);
  const total = rows.reduce((sum, r) => sum + r.completed, 0);
  return [
    `## Arbiter benchmark, ${startedAt}`,
    '',
    `${settings.durationSeconds} s measured after ${settings.warmupSeconds} s warm-up per load; loopback; ` +
      'latency is per whole response (a stream: to its last byte). "proxy" columns are the process under test ' +
      '("-" for direct: there is none); "sim" is the simulator upstream.',
    '',
    table(
      throughputColumns,
      rows.filter((r) => r.kind === 'autocannon'),
    ),
    '',
    `Streaming time to first body byte: 1 connection, ${settings.ttfbRequests} sequential requests after ${settings.ttfbWarmupRequests} warm-up.`,
    '',
    table(
      ttfbColumns,
      rows.filter((r) => r.kind === 'ttfb'),
    ),
    '',
    '### Budget (DESIGN.md §10)',
    '',
    budget(rows),
    '',
    bad.length === 0
      ? `Every one of ${total} measured responses was a 200; no errors.`
      : `**WARNING**: failing requests in ${bad.map((r) => `${r.scenario} ${r.load} (status ${JSON.stringify(r.statusCodes)}, errors ${r.errors}, timeouts ${r.timeouts})`).join('; ')}.`,
    ...rows
      .filter((r) => r.otherCores > 0.1)
      .map(
        (r) =>
          `**NOISE**: ${r.scenario} ${r.load}: other processes used ${r.otherCores.toFixed(2)} cores during the window.`,
      ),
    ...failures.map((f) => `**SCENARIO FAILED**: ${f.scenario}: ${f.error}`),
    ...Object.entries(upstream)
      .filter(([, stats]) => Object.keys(stats.byModel ?? {}).some((model) => model !== 'sim-instant'))
      .map(
        ([name, stats]) =>
          `**WARNING**: ${name} sent the simulator other models: ${JSON.stringify(stats.byModel)}`,
      ),
    '',
    `Machine: ${facts.cpu}, ${facts.cores} cores, Node ${facts.node}, Linux ${facts.kernel}, CLK_TCK ${facts.clockTicks}, ` +
      `load average at start ${facts.loadAverageAtStart}, commit ${facts.commit}.`,
    '',
  ].join('\n');
}

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
// All scenarios run side by side (idle ones cost nothing) and take turns load by load, so noise from
// other work on the machine drifts over them alike instead of landing on one scenario's whole run.
const running = [];
for (const scenario of scenarios.filter((s) => !settings.only || settings.only.includes(s.name))) {
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
    process.stderr.write(`  ${load.label}: ${scenario.name}\n`);
    rows.push(await runLoad(scenario, target, sim.pid, load));
  }
}
for (const started of running) upstream[started.scenario.name] = await stopScenario(started);
rows.sort(
  (a, b) =>
    running.findIndex((r) => r.scenario.name === a.scenario) -
    running.findIndex((r) => r.scenario.name === b.scenario),
);

const markdown = report({ startedAt, facts, rows, failures, upstream });
process.stdout.write(`${markdown}\n`);
const resultsDir = path.join(here, 'results');
mkdirSync(resultsDir, { recursive: true });
const stamp = startedAt.replace(/[:.]/g, '-');
writeFileSync(path.join(resultsDir, `${stamp}.md`), markdown);
writeFileSync(
  path.join(resultsDir, `${stamp}.json`),
  `${JSON.stringify({ startedAt, facts, settings, rows, upstream, failures }, null, 2)}\n`,
);
process.stderr.write(`wrote bench/results/${stamp}.md and .json\n`);
process.exit(failures.length > 0 || rows.some((r) => r.non2xx || r.errors || r.timeouts) ? 1 : 0);
