import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

const requestType = 'arbiter:metrics-request';
const responseType = 'arbiter:metrics-response';
/** Longer than prom-client's own 5 s wait for the workers, so its error arrives first. */
const timeoutInMs = 6_000;

interface MetricsResponse {
  type: typeof responseType;
  id: number;
  text?: string;
  error?: string;
}

/**
 * How `/metrics` reads the metrics. A lone process reads its own registry. A worker of `arbiter serve`
 * with `ARBITER_WORKERS` > 1 asks the primary, which gathers every worker's registry through prom-client's
 * AggregatorRegistry (counters and histograms summed, gauges by their own aggregator), so a scrape that
 * lands on any worker shows the whole process group. Only the worker that took the scrape flushed its
 * usage recorder first: the others' last flush interval may still be missing.
 * @example const read = createClusterMetricsReader(metrics.registry); reply.send(await read());
 */
export function createClusterMetricsReader(registry: Registry): () => Promise<string> {
  if (!cluster.isWorker || !process.send) return () => registry.metrics();
  // Constructing one in a worker installs prom-client's answer to the primary's requests.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
  let nextId = 0;
  const pending = new Map<number, (response: MetricsResponse) => void>();
  process.on('message', (message: MetricsResponse) => {
    if (message?.type === responseType) pending.get(message.id)?.(message);
  });
  return () =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(
        () => settle({ type: responseType, id, error: 'the primary did not answer' }),
        timeoutInMs,
      );
      function settle(response: MetricsResponse): void {
        clearTimeout(timer);
        pending.delete(id);
        if (response.text !== undefined) resolve(response.text);
        else
          reject(new Error(`the workers' metrics could not be gathered: ${response.error ?? 'no answer'}`));
      }
      pending.set(id, settle);
      process.send!({ type: requestType, id });
    });
}

/**
 * The primary's side of `createClusterMetricsReader`: answers a worker's request with the aggregated
 * metrics of every connected worker. Call once, before forking.
 */
export function answerClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: { type?: unknown; id?: unknown }) => {
    if (message?.type !== requestType || typeof message.id !== 'number') return;
    const id = message.id;
    aggregator.clusterMetrics().then(
      (text) => worker.isConnected() && worker.send({ type: responseType, id, text }),
      (error: unknown) =>
        worker.isConnected() && worker.send({ type: responseType, id, error: String(error) }),
    );
  });
}
