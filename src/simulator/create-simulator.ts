import { createServer } from 'node:http';
import type { Socket } from 'node:net';
import type { BehaviourProfile } from './behaviour-profiles.js';
import { createRequestHandler } from './handle-simulator-request.js';
import { parseBehaviourProfile } from './parse-simulator-profiles.js';
import type { RecordedRequest } from './recorded-request.js';
import { createSimulatorState, type SimulatorStats } from './simulator-state.js';

export interface SimulatorOptions {
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0: a random free port. */
  port?: number;
  /** Default 42. Jitter, failure sequences and generated text all follow from it. */
  seed?: number;
  /** Multiplies every delay (tests use e.g. 0.05); default 1. */
  timeScale?: number;
  /** Behaviours by model name: overrides of the built-in `sim-*` ones, or new names. */
  profiles?: Record<string, Partial<BehaviourProfile>>;
}

export interface Simulator {
  /** e.g. `http://127.0.0.1:43125`: no trailing slash and no `/v1`; any base path works. */
  url: string;
  port: number;
  /** Closes the server and destroys every open socket, so hung requests end and nothing keeps running. */
  close(): Promise<void>;
  stats(): SimulatorStats;
  /** The last 200 API requests, oldest first. */
  requests: RecordedRequest[];
  /** Changes a model's behaviour from now on (merged over its current profile). */
  setProfile(model: string, profile: Partial<BehaviourProfile>): void;
  /** Clears the recorded requests, the counters and the failure sequences; profiles stay. */
  reset(): void;
}

/**
 * Starts a fake LLM provider on one port that speaks the real wire formats of OpenAI (Chat Completions,
 * Responses, embeddings), Azure OpenAI, Anthropic, Gemini, Ollama and the Bing/Brave/SearXNG search APIs,
 * each chosen by path, with behaviours chosen by model name (`sim-fast`, `sim-flaky`, `sim-429`,
 * `sim-cut`, `sim-hang`, ...).
 * @example
 * const simulator = await createSimulator({ timeScale: 0.05 });
 * const client = new OpenAI({ baseURL: `${simulator.url}/v1`, apiKey: 'sk-test' });
 * await client.chat.completions.create({ model: 'sim-fast', messages: [{ role: 'user', content: 'Hi' }] });
 * await simulator.close();
 */
export async function createSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const profiles = options.profiles ?? {};
  for (const [model, profile] of Object.entries(profiles)) parseBehaviourProfile(profile, model);
  const state = createSimulatorState(options.seed ?? 42, options.timeScale ?? 1, profiles);
  const sockets = new Set<Socket>();

  const server = createServer({ noDelay: true, keepAlive: true }, createRequestHandler(state));
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    state.stats.openConnections++;
    state.stats.totalConnections++;
    socket.once('close', () => {
      sockets.delete(socket);
      state.stats.openConnections--;
    });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 0);

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    requests: state.requests,
    stats: () => ({
      ...state.stats,
      inFlightRequests: state.openRequests.size,
      byModel: { ...state.stats.byModel },
    }),
    setProfile(model, profile) {
      state.setProfile(model, parseBehaviourProfile(profile, model));
    },
    reset: () => state.reset(),
    close() {
      if (closing !== undefined) return closing;
      for (const lifecycle of state.openRequests) lifecycle.cancel();
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      const socketsClosed = [...sockets].map(
        (socket) => new Promise<void>((resolve) => socket.once('close', () => resolve()).destroy()),
      );
      closing = Promise.all([serverClosed, ...socketsClosed]).then(() => undefined);
      return closing;
    },
  };
}
