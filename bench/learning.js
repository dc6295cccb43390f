#!/usr/bin/env node
// The learning benchmark: a seeded, simulated environment of four targets whose success rate and latency
// change over time (one degrades, one recovers, a new one appears). The learned selector, round-robin,
// fixed priority and an oracle route the same request sequence; we report cumulative regret against the
// oracle and how many requests the learned selector needs to move traffic after each change.
// In-process, no HTTP: it drives the compiled learning layer in dist/ (run `npm run build` first).
// See bench/README.md ("Learning benchmark"). Flags: --strict, --seed N, --runs N, --half-life-minutes M,
// --exploration-floor F.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const compiled = (file) => pathToFileURL(path.join(root, 'dist/learning', file)).href;
if (!existsSync(path.join(root, 'dist/learning/create-learning.js'))) {
  process.stderr.write('dist/learning is missing: run `npm run build` first.\n');
  process.exit(1);
}
const { createLearning } = await import(compiled('create-learning.js'));
const { createLearnedSelector } = await import(compiled('create-learned-selector.js'));
const { defaultScoreWeights } = await import(compiled('score-weights.js'));

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const settings = {
  isStrict: process.argv.includes('--strict'),
  seed: argument('seed', 1),
  runs: argument('runs', 10),
  halfLifeMinutes: argument('half-life-minutes', 1),
  explorationFloor: argument('exploration-floor', 0),
  requests: 6_000,
  /** Simulated time between requests: one request per second. */
  intervalInMs: 1_000,
  /** Trailing window over which "the learned policy sends ≥ 50 % to the new best" is judged. */
  shiftWindow: 20,
};
const targets = {
  regret: 1 / 3,
  shiftRequests: 200,
};

/**
 * The environment: each target's success probability and median latency by request index. A target absent
 * before `appearsAt` is not a candidate. Three changes: A degrades at 2000 (B becomes best), C recovers
 * at 3500 (and becomes best), D appears at 4500 (and becomes best).
 */
const environment = [
  { id: 'sim/a@key-a', profile: (t) => (t < 2_000 ? [0.98, 400] : [0.75, 1_200]) },
  { id: 'sim/b@key-b', profile: () => [0.95, 700] },
  { id: 'sim/c@key-c', profile: (t) => (t < 3_500 ? [0.5, 1_500] : [0.99, 300]) },
  { id: 'sim/d@key-d', appearsAt: 4_500, profile: () => [0.99, 200] },
];
const changes = [
  { at: 2_000, what: 'A degrades' },
  { at: 3_500, what: 'C recovers' },
  { at: 4_500, what: 'D appears' },
];

/** mulberry32: a small seeded PRNG, so every policy sees the same request sequence. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const candidatesAt = (t) => environment.filter((target) => (target.appearsAt ?? 0) <= t);

/**
 * Expected utility of choosing `target` at request `t`: the learned score's own formula on the true
 * parameters — 0.4 · (success probability ÷ the best candidate's) + 0.3 · (the fastest median latency ÷
 * this one's). Quality and recency are equal for every target here, so they add the same constant to
 * every choice and cancel out of the regret.
 */
function utility(target, t) {
  const profiles = candidatesAt(t).map((candidate) => candidate.profile(t));
  const bestSuccess = Math.max(...profiles.map(([success]) => success));
  const fastest = Math.min(...profiles.map(([, latency]) => latency));
  const [success, latency] = target.profile(t);
  return (
    defaultScoreWeights.reliability * (success / bestSuccess) +
    defaultScoreWeights.speed * (fastest / latency)
  );
}

const best = (t) =>
  candidatesAt(t).reduce((leader, target) => (utility(target, t) > utility(leader, t) ? target : leader));

/** A request's outcome as the gateway would report it; latency is log-normal (±20 %) around the median. */
function outcomeOf(target, t, random, now) {
  const [success, median] = target.profile(t);
  const isSuccess = random() < success;
  const spread = Math.exp(0.2 * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));
  const [provider, rest] = target.id.split('/');
  const [model, credentialId] = rest.split('@');
  return {
    requestId: `req_${t}`,
    route: 'bench',
    targetId: target.id,
    provider,
    model,
    credentialId,
    isStream: false,
    isSuccess,
    ...(isSuccess ? {} : { errorKind: 'server', status: 500 }),
    startedAt: now,
    latencyInMs: isSuccess ? median * spread : (median * spread) / 2,
  };
}

/** The policies, each a function `(candidates, t) => target` with its own state. */
function createPolicies(seed) {
  let now = 1_700_000_000_000;
  const clock = { now: () => now, sleep: () => new Promise(() => undefined) };
  const learning = createLearning({ clock, halfLifeInMs: settings.halfLifeMinutes * 60_000 });
  const selector = createLearnedSelector({ learning, explorationFloor: settings.explorationFloor });
  const selectionRandom = seededRandom(seed * 7919);
  let turn = 0;
  return {
    learned: {
      choose(candidates) {
        const ordered = selector.order(candidates, {
          route: 'bench',
          request: { isStream: false, messageCount: 1, estimatedInputTokens: 100, text: '' },
          random: selectionRandom,
          now,
          stats: undefined,
          getWeight: () => 1,
          getPrice: () => undefined,
          getContextWindow: () => undefined,
        });
        return ordered[0];
      },
      observe(outcome) {
        learning.observe(outcome);
      },
      tick() {
        now += settings.intervalInMs;
      },
    },
    'round-robin': { choose: (candidates) => candidates[turn++ % candidates.length] },
    'fixed priority': { choose: (candidates) => candidates[0] },
    oracle: { choose: (_candidates, t) => best(t) },
  };
}

function runOnce(seed) {
  const policies = createPolicies(seed);
  const outcomeRandom = Object.fromEntries(Object.keys(policies).map((name) => [name, seededRandom(seed)]));
  const results = Object.fromEntries(
    Object.keys(policies).map((name) => [name, { regret: 0, successes: 0, latency: 0, picks: [] }]),
  );
  for (let t = 0; t < settings.requests; t++) {
    const candidates = candidatesAt(t);
    const oracleUtility = utility(best(t), t);
    for (const [name, policy] of Object.entries(policies)) {
      const target = policy.choose(candidates, t);
      // Every policy draws its outcome from its own copy of one seeded stream: the same luck per request.
      const outcome = outcomeOf(target, t, outcomeRandom[name], 0);
      const result = results[name];
      result.regret += oracleUtility - utility(target, t);
      result.successes += outcome.isSuccess ? 1 : 0;
      result.latency += outcome.latencyInMs;
      result.picks.push(target.id);
      policy.observe?.({ ...outcome, startedAt: Date.now() });
      policy.tick?.();
    }
  }
  const shifts = changes.map((change) => requestsToShift(results.learned.picks, change.at));
  return { results, shifts };
}

/** Requests after `at` until the learned policy's trailing window sends ≥ 50 % to the new best. */
function requestsToShift(picks, at) {
  const newBest = best(at).id;
  const window = settings.shiftWindow;
  for (let end = at + window; end <= picks.length; end++) {
    const share = picks.slice(end - window, end).filter((id) => id === newBest).length / window;
    if (share >= 0.5) return end - at;
  }
  return Number.POSITIVE_INFINITY;
}

const runs = Array.from({ length: settings.runs }, (_, index) => runOnce(settings.seed + index));
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
const names = Object.keys(runs[0].results);
const summary = Object.fromEntries(
  names.map((name) => [
    name,
    {
      regret: mean(runs.map((run) => run.results[name].regret)),
      successRate: mean(runs.map((run) => run.results[name].successes / settings.requests)),
      meanLatency: mean(runs.map((run) => run.results[name].latency / settings.requests)),
    },
  ]),
);
const ratio = summary.learned.regret / summary['round-robin'].regret;

const pad = (text, width) => String(text).padEnd(width);
const lines = [
  `Learning benchmark: ${settings.requests} requests × ${settings.runs} seeded runs (seeds ${settings.seed}–${settings.seed + settings.runs - 1}), ` +
    `one request per simulated second, half-life ${settings.halfLifeMinutes} min, weights ${Object.values(defaultScoreWeights).join('/')}`,
  '',
  `${pad('policy', 16)}${pad('cum. regret', 14)}${pad('regret/req', 12)}${pad('success', 10)}mean latency ms`,
  ...names.map((name) => {
    const row = summary[name];
    return `${pad(name, 16)}${pad(row.regret.toFixed(1), 14)}${pad((row.regret / settings.requests).toFixed(4), 12)}${pad(`${(100 * row.successRate).toFixed(1)}%`, 10)}${row.meanLatency.toFixed(0)}`;
  }),
  '',
  `regret ratio learned / round-robin: ${ratio.toFixed(3)} (target ≤ ${targets.regret.toFixed(3)})`,
  '',
  `${pad('change', 24)}${pad('new best', 14)}requests until ≥ 50 % of a ${settings.shiftWindow}-request window goes to it (per run; target ≤ ${targets.shiftRequests})`,
  ...changes.map((change, index) => {
    const perRun = runs.map((run) => run.shifts[index]);
    return `${pad(`${change.what} @ ${change.at}`, 24)}${pad(best(change.at).id, 14)}${perRun.join(', ')}  (mean ${mean(perRun).toFixed(0)}, max ${Math.max(...perRun)})`;
  }),
];
process.stdout.write(`${lines.join('\n')}\n`);

const worstShift = Math.max(...runs.flatMap((run) => run.shifts));
const missed = [
  ...(ratio > targets.regret ? [`regret ratio ${ratio.toFixed(3)} > ${targets.regret.toFixed(3)}`] : []),
  ...(worstShift > targets.shiftRequests
    ? [`a shift took ${worstShift} requests > ${targets.shiftRequests}`]
    : []),
];
if (missed.length > 0) {
  process.stdout.write(`\nMISSED: ${missed.join('; ')}\n`);
  if (settings.isStrict) process.exit(1);
} else process.stdout.write('\nAll targets met.\n');
