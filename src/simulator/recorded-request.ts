import type { IncomingHttpHeaders } from 'node:http';
import { toHeaderRecord } from './read-raw-header.js';

/** One request as the simulator received it, for tests to assert what a gateway sent upstream. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** As received, lower-case names; `authorization` is kept so tests can check which key was used. */
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or undefined when there was none or it was not JSON. */
  body: unknown;
  /** The body's `model`, when it named one. */
  model: string | undefined;
  /** Unix milliseconds. */
  receivedAt: number;
}

/**
 * A recorded request that keeps only flat strings: the raw header list and the body text. Headers and
 * the parsed body are built on first access, so recording costs the hot path almost nothing (keeping
 * parsed objects alive for 200 requests made every request's garbage survive into the old generation).
 */
export function createRecordedRequest(
  method: string,
  path: string,
  rawHeaders: readonly string[],
  bodyText: string | undefined,
  model: string | undefined,
): RecordedRequest {
  let headers: IncomingHttpHeaders | undefined;
  let body: unknown;
  let isBodyParsed = false;
  return {
    method,
    path,
    get headers() {
      return (headers ??= toHeaderRecord(rawHeaders));
    },
    get body() {
      if (!isBodyParsed) body = parseJsonOrUndefined(bodyText);
      isBodyParsed = true;
      return body;
    },
    model,
    receivedAt: Date.now(),
  };
}

function parseJsonOrUndefined(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
