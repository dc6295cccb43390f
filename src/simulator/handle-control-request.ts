import type { BehaviourProfile } from './behaviour-profiles.js';
import { parseBehaviourProfile } from './parse-simulator-profiles.js';
import type { SimulatorExchange } from './simulator-exchange.js';

export const controlPathPrefix = '/_simulator/';

/**
 * Out-of-process control, for benchmarks that change a target's behaviour over time:
 * `GET /_simulator/stats`, `PUT /_simulator/profiles/<model>` (a partial profile as JSON) and
 * `POST /_simulator/reset`.
 */
export function handleControlRequest(exchange: SimulatorExchange): void {
  const { method, path, state } = exchange;
  const route = path.slice(controlPathPrefix.length);
  if (method === 'GET' && route === 'stats') {
    sendJson(exchange, 200, state.stats);
    return;
  }
  if (method === 'POST' && route === 'reset') {
    state.reset();
    sendJson(exchange, 200, state.stats);
    return;
  }
  if (method === 'PUT' && route.startsWith('profiles/') && route.length > 'profiles/'.length) {
    const model = decodeURIComponent(route.slice('profiles/'.length));
    let change: Partial<BehaviourProfile>;
    try {
      if (exchange.isBodyMalformed) throw new Error('The profile body is not valid JSON');
      change = parseBehaviourProfile(exchange.body, model);
    } catch (error) {
      sendJson(exchange, 400, { error: { message: (error as Error).message } });
      return;
    }
    state.setProfile(model, change);
    sendJson(exchange, 200, { model, profile: state.profiles.get(model) });
    return;
  }
  sendJson(exchange, 404, { error: { message: `Unknown simulator control route: ${method} ${path}` } });
}

function sendJson(exchange: SimulatorExchange, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  exchange.response.writeHead(status, [
    'content-type',
    'application/json',
    'content-length',
    String(Buffer.byteLength(body)),
  ]);
  exchange.response.end(body);
}
