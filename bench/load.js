// The load generator, forked by run.js so its CPU never lands in the process under test.
// Protocol over IPC: parent sends { job }, we warm up and send 'warmed'; parent samples the
// server's CPU and sends 'go'; we run the measured window and send { result }, then exit.
import autocannon from 'autocannon';
import { Pool } from 'undici';

process.on('disconnect', () => process.exit(0)); // the runner died: do not outlive it

process.once('message', async ({ job }) => {
  const run = { ttfb: runTtfb, 'open-streams': runOpenStreams, autocannon: runAutocannon }[job.kind];
  await run(job, job.warmupSeconds, job.warmupRequests); // warm-up: result thrown away
  process.send('warmed');
  await new Promise((resolve) => process.once('message', resolve));
  const result = await run(job, job.durationSeconds, job.requests);
  process.send({ result }, () => process.exit(0));
});

/** Fixed-concurrency load for `seconds`; latencies kept exact (autocannon's histogram is whole ms). */
async function runAutocannon(job, seconds) {
  const latencies = [];
  const instance = autocannon({
    url: job.url,
    method: 'POST',
    headers: job.headers,
    body: job.body,
    connections: job.connections,
    duration: seconds,
    timeout: 10,
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const r = await instance;
  return {
    completed: r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx'],
    ok: r['2xx'],
    non2xx: r.non2xx,
    statusCodes: r.statusCodeStats,
    errors: r.errors,
    timeouts: r.timeouts,
    seconds: r.duration,
    ...percentiles(latencies),
  };
}

/** Sequential streams on one keep-alive connection: time from sending to the first body byte. */
async function runTtfb(job, _seconds, count) {
  const url = new URL(job.url);
  const pool = new Pool(url.origin, { connections: 1 });
  const ttfb = [];
  const result = { completed: 0, ok: 0, non2xx: 0, statusCodes: {}, errors: 0, timeouts: 0 };
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    try {
      const { statusCode, body } = await pool.request({
        path: url.pathname,
        method: 'POST',
        headers: job.headers,
        body: job.body,
      });
      let first;
      for await (const _chunk of body) first ??= performance.now(); // read to the end: keep-alive
      result.completed++;
      result.statusCodes[statusCode] = { count: (result.statusCodes[statusCode]?.count ?? 0) + 1 };
      if (statusCode !== 200) result.non2xx++;
      else if (first !== undefined) {
        result.ok++;
        ttfb.push(first - t0);
      }
    } catch {
      result.errors++;
    }
  }
  result.seconds = (performance.now() - started) / 1000;
  await pool.close();
  return { ...result, ...percentiles(ttfb) };
}

/**
 * `count` streams opened at once, each on its own connection, read to the end: what holding that many
 * open streams costs the server (its peak RSS is read by the parent). Warm-up opens a tenth as many.
 */
async function runOpenStreams(job, _seconds, count) {
  const url = new URL(job.url);
  const pool = new Pool(url.origin, { connections: count, pipelining: 1 });
  const durations = [];
  const result = { completed: 0, ok: 0, non2xx: 0, statusCodes: {}, errors: 0, timeouts: 0 };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: count }, async () => {
      const t0 = performance.now();
      try {
        const { statusCode, body } = await pool.request({
          path: url.pathname,
          method: 'POST',
          headers: job.headers,
          body: job.body,
        });
        for await (const _chunk of body); // read to the end
        result.completed++;
        result.statusCodes[statusCode] = { count: (result.statusCodes[statusCode]?.count ?? 0) + 1 };
        if (statusCode === 200) {
          result.ok++;
          durations.push(performance.now() - t0);
        } else result.non2xx++;
      } catch {
        result.errors++;
      }
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  await pool.close();
  return { ...result, ...percentiles(durations) };
}

function percentiles(values) {
  if (values.length === 0) return { p50: null, p99: null };
  const sorted = Float64Array.from(values).sort();
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { p50: at(50), p99: at(99) };
}
