// The markdown report: tables per load kind, and the budget of issue 11 judged on this run's numbers.

export const FLOOR = 'minimal proxy';
export const PORTKEY = 'portkey';
export const CPU_RATIO_LOAD = 'c=32';

const fixed = (value, digits) => (value === null || value === undefined ? '-' : value.toFixed(digits));

/** A markdown table from [header, (row) => cell] pairs. */
export const table = (columns, rows) =>
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
const openStreamColumns = [
  ['scenario', (r) => r.scenario],
  ['streams', (r) => r.completed],
  ['duration p50 s', (r) => fixed(r.p50 / 1000, 2)],
  ['duration p99 s', (r) => fixed(r.p99 / 1000, 2)],
  ...serverColumns,
];

const verdict = (ok) => (ok === null ? 'n/a (scenario missing)' : ok ? 'met' : '**NOT MET**');

/** Every budget line of issue 11 that this run's rows can judge. */
export function budget(rows) {
  const find = (scenario, load) => rows.find((r) => r.scenario === scenario && r.load === load);
  const floor = find(FLOOR, CPU_RATIO_LOAD);
  const portkey = find(PORTKEY, CPU_RATIO_LOAD);
  const direct = find('direct', CPU_RATIO_LOAD);
  const floorTtfb = find(FLOOR, 'stream TTFB c=1')?.p50;
  const addedP99 = (row) => (row && direct ? row.p99 - direct.p99 : null);
  const lines = [];
  const arbiters = [...new Set(rows.map((r) => r.scenario))].filter((name) => name.startsWith('arbiter'));
  for (const name of arbiters) {
    const row = find(name, CPU_RATIO_LOAD);
    const cpu = row?.proxyCpuUsPerRequest;
    if (cpu) {
      const floorRatio = floor ? cpu / floor.proxyCpuUsPerRequest : null;
      const portkeyShare = portkey ? cpu / portkey.proxyCpuUsPerRequest : null;
      lines.push(
        `- ${name}: CPU ${fixed(cpu, 0)} µs/req = ${fixed(floorRatio, 2)}× the ${FLOOR} (target ≤ 1.5×: ${verdict(floorRatio === null ? null : floorRatio <= 1.5)}), ` +
          `${portkeyShare === null ? '-' : `1/${fixed(1 / portkeyShare, 1)}`} of Portkey's (target ≤ 1/8: ${verdict(portkeyShare === null ? null : portkeyShare <= 1 / 8)})`,
      );
      const ours = addedP99(row);
      const theirs = addedP99(portkey);
      if (ours !== null && theirs !== null)
        lines.push(
          `- ${name}: added p99 at ${CPU_RATIO_LOAD} ${fixed(ours, 2)} ms vs Portkey's ${fixed(theirs, 2)} ms (target < 1/5 of it: ${verdict(ours < theirs / 5)})`,
        );
    }
    const ttfb = find(name, 'stream TTFB c=1')?.p50;
    if (ttfb !== undefined && floorTtfb !== undefined) {
      const delta = ttfb - floorTtfb;
      lines.push(
        `- ${name}: streaming TTFB p50 ${delta >= 0 ? '+' : ''}${delta.toFixed(3)} ms over the ${FLOOR} (target ≤ 1 ms: ${verdict(delta <= 1)})`,
      );
    }
    const open = rows.find((r) => r.scenario === name && r.kind === 'open-streams');
    if (open)
      lines.push(
        `- ${name}: peak RSS ${fixed(open.proxyPeakRssMb, 1)} MB with ${open.completed} streams open at once (target < 150 MB: ${verdict(open.proxyPeakRssMb < 150 && open.ok === open.completed)})`,
      );
  }
  const race = find('arbiter race', 'c=1');
  const single = find('arbiter', 'c=1');
  if (race && single)
    lines.push(
      `- race overhead: arbiter race p50 at c=1 ${fixed(race.p50, 3)} ms vs the same target alone ${fixed(single.p50, 3)} ms: ${fixed(race.p50 - single.p50, 3)} ms (target < 1 ms: ${verdict(race.p50 - single.p50 < 1)})`,
    );
  const one = find('arbiter', 'c=128');
  const two = find('arbiter (2 workers)', 'c=128');
  if (one && two) {
    const ratio = two.requestsPerSecond / one.requestsPerSecond;
    // The cores each server got (its CPU per request × requests per second), and what a core bought.
    const cores = (row) => (row.proxyCpuUsPerRequest * row.requestsPerSecond) / 1e6;
    const perCore = (row) => row.requestsPerSecond / cores(row);
    lines.push(
      `- workers: 2 workers reach ${fixed(ratio, 2)}× one worker's req/s at c=128 (target ≥ 1.7× with the load generator on another machine: ${verdict(ratio >= 1.7)}; ` +
        `here the load generator and the simulator share the same two cores, see bench/README.md). ` +
        `The workers got ${fixed(cores(two), 2)} cores against ${fixed(cores(one), 2)} for one, at ${fixed((perCore(two) / perCore(one)) * 100, 0)} % of its req/s per core: ` +
        `on two whole cores that is ${fixed((2 * perCore(two)) / one.requestsPerSecond, 2)}× one worker`,
    );
  }
  return lines.join('\n');
}

export function report({ startedAt, settings, facts, rows, failures, upstream, chartFile }) {
  const bad = rows.filter((r) => r.non2xx || r.errors || r.timeouts);
  const total = rows.reduce((sum, r) => sum + r.completed, 0);
  const kind = (k) => rows.filter((r) => r.kind === k);
  return [
    `## Arbiter benchmark, ${startedAt}`,
    '',
    `${settings.durationSeconds} s measured after ${settings.warmupSeconds} s warm-up per load; loopback; ` +
      'latency is per whole response (a stream: to its last byte). "proxy" columns are the process under test ' +
      '("-" for direct: there is none); "sim" is the simulator upstream.',
    '',
    table(throughputColumns, kind('autocannon')),
    '',
    `Streaming time to first body byte: 1 connection, ${settings.ttfbRequests} sequential requests after ${settings.ttfbWarmupRequests} warm-up.`,
    '',
    table(ttfbColumns, kind('ttfb')),
    ...(kind('open-streams').length > 0
      ? [
          '',
          'Streams open at once (model `sim-slow`, ~2 s each): peak RSS of the server while they run.',
          '',
          table(openStreamColumns, kind('open-streams')),
        ]
      : []),
    '',
    '### Budget',
    '',
    budget(rows),
    '',
    ...(chartFile ? [`Chart: \`${chartFile}\`.`, ''] : []),
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
      .filter(([, stats]) => Object.keys(stats.byModel ?? {}).some((model) => !model.startsWith('sim-')))
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
