import type { Logger } from 'pino';
import type { Gateway } from '../gateway.js';
import type { ApiError } from './api-error.js';
import type { InFlightRequests } from './in-flight-requests.js';

/** What every route needs, handed to each route's register function. */
export interface ServerContext {
  gateway: Gateway;
  logger: Logger;
  toApiError: (error: unknown) => ApiError;
  /** Requests calling upstreams right now, for a graceful shutdown to wait for (or cut) them. */
  inFlight: InFlightRequests;
}
