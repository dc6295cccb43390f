/** Where a usage page stopped: the last record's position in the newest-first order. */
export interface UsageCursor {
  createdAt: number;
  requestId: string;
}

/**
 * Encodes a keyset position as opaque base64url of `createdAt:requestId`. Opaque so callers pass it back
 * untouched and the backends stay free to change how they seek.
 */
export function encodeUsageCursor(cursor: UsageCursor): string {
  return Buffer.from(`${cursor.createdAt}:${cursor.requestId}`, 'utf8').toString('base64url');
}

/** Reads a cursor from a previous page; anything else is a RangeError (the HTTP edge answers it with 400). */
export function decodeUsageCursor(cursor: string): UsageCursor {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const separator = text.indexOf(':');
  const createdAt = Number(text.slice(0, separator));
  const requestId = text.slice(separator + 1);
  if (separator < 1 || !Number.isFinite(createdAt) || requestId === '') {
    throw new RangeError('Invalid usage cursor: pass back the nextCursor of a previous page.');
  }
  return { createdAt, requestId };
}

/** A page size must be a positive integer: SQLite reads a negative LIMIT as "no limit". */
export function assertUsagePageLimit(limit: number): void {
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError(`Invalid usage page limit ${limit}: expected a positive integer.`);
  }
}
