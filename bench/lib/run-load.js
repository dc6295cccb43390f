// One load against one scenario: the load generator in its own process, CPU and RSS read around the window.
import { fork } from 'node:child_process';
import path from 'node:path';
import { request } from 'undici';
import { children, stopChild } from './processes.js';
import { clockTicks, machineBusyTicks, peakRssMb, sampleCpu } from './proc-stats.js';

const benchDir = path.resolve(import.meta.dirname, '..');

export function requestFor(scenario, target, stream, model = scenario.model) {
  const body = { model, messages: [{ role: 'user', content: 'Say hello' }] };
  if (stream) body.stream = true;
  return {
    headers: { 'content-type': 'application/json', ...scenario.headers, ...target.headers },
    body: JSON.stringify(body),
  };
}

/** One real request of each kind, checked, so we never benchmark error responses or the wrong model. */
export async function smokeTest(scenario, target) {
  for (const stream of [false, true]) {
    const { headers, body } = requestFor(scenario, target, stream);
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

/** Runs `load` against the scenario's server and returns one report row. */
export async function runLoad(scenario, target, simPid, load, settings) {
  const child = fork(path.join(benchDir, 'load.js'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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
      ...requestFor(scenario, target, load.stream, load.model),
      connections: load.connections,
      warmupSeconds: settings.warmupSeconds,
      durationSeconds: settings.durationSeconds,
      warmupRequests: load.warmupRequests ?? settings.ttfbWarmupRequests,
      requests: load.requests ?? settings.ttfbRequests,
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
