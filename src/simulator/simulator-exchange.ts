import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestLifecycle } from './request-lifecycle.js';
import type { SimulatorState } from './simulator-state.js';

/** One request in flight, as every wire module receives it. */
export interface SimulatorExchange {
  request: IncomingMessage;
  response: ServerResponse;
  method: string;
  /** The path without the query string. */
  path: string;
  /** The parsed JSON body; undefined when there was none. */
  body: unknown;
  /** Set when a body was sent but was not valid JSON. */
  isBodyMalformed: boolean;
  /** `performance.now()` when the request arrived. */
  startedAt: number;
  state: SimulatorState;
  lifecycle: RequestLifecycle;
}

/** A wire module: answers the exchange and returns true, or returns false when the path is not its own. */
export type SimulatorWireHandler = (exchange: SimulatorExchange) => boolean;
