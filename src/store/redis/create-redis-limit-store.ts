import type { Redis } from 'ioredis';
import type { LimitCounter, LimitStore } from '../limit-store.js';
import { getLimitWindow, type LimitWindow } from '../limit-window.js';

/**
 * All or nothing, in one atomic step on the Redis server: read every counter, and only if each amount
 * fits (an amount of 0 always does) add them all. Returns `allowed` then `used, fits` per counter.
 * ARGV holds `amount, limit, ttl` per key. Amounts are integers (requests, tokens, nano-dollars): INCRBY
 * is exact to 2^63 where Lua's doubles are not.
 */
const RESERVE = `
local allowed = 1
local used = {}
local fits = {}
for i = 1, #KEYS do
  local amount = tonumber(ARGV[i * 3 - 2])
  local limit = tonumber(ARGV[i * 3 - 1])
  used[i] = tonumber(redis.call('GET', KEYS[i]) or '0')
  if amount == 0 or used[i] + amount <= limit then fits[i] = 1 else fits[i] = 0; allowed = 0 end
end
if allowed == 1 then
  for i = 1, #KEYS do
    local amount = tonumber(ARGV[i * 3 - 2])
    if amount > 0 then
      used[i] = redis.call('INCRBY', KEYS[i], amount)
      redis.call('PEXPIRE', KEYS[i], ARGV[i * 3])
    end
  end
end
local out = { allowed }
for i = 1, #KEYS do
  out[#out + 1] = used[i]
  out[#out + 1] = fits[i]
end
return out`;

/** Settles a counter that still exists (its window has not ended), never below 0. */
const ADJUST = `
for i = 1, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    local value = redis.call('INCRBY', KEYS[i], ARGV[i])
    if value < 0 then redis.call('SET', KEYS[i], 0, 'KEEPTTL') end
  end
end
return 0`;

/** Counters outlive their window by this much, so a settlement just after the end still finds them. */
const GRACE_IN_MS = 60_000;

type ReserveCommand = (keys: number, ...args: Array<string | number>) => Promise<number[]>;

/**
 * Limit counters in Redis, shared by every instance: one key per counter and window
 * (`limit:<window>:<start>:<key>`) that expires shortly after its window, and Lua scripts so each
 * reservation is atomic across instances — 300 concurrent requests from three instances against a limit
 * of 60 admit exactly 60. Times come from the caller's clock (as in every backend), not Redis's.
 * @example const limits = createRedisLimitStore(createRedisClient({ url: process.env.REDIS_URL }));
 */
export function createRedisLimitStore(redis: Redis): LimitStore {
  if (!('arbiterReserve' in redis)) {
    redis.defineCommand('arbiterReserve', { lua: RESERVE });
    redis.defineCommand('arbiterAdjust', { lua: ADJUST });
  }
  const commands = redis as unknown as { arbiterReserve: ReserveCommand; arbiterAdjust: ReserveCommand };
  const keyOf = (key: string, window: LimitWindow, start: number): string =>
    `limit:${window}:${start}:${key}`;

  return {
    async reserve(reservations, now) {
      const bounds = reservations.map((reservation) => getLimitWindow(reservation.window, now));
      const keys = reservations.map((reservation, i) =>
        keyOf(reservation.key, reservation.window, bounds[i]!.start),
      );
      const args = reservations.flatMap((reservation, i) => [
        toInteger(reservation.amount),
        toInteger(reservation.limit),
        bounds[i]!.end - now + GRACE_IN_MS,
      ]);
      const reply = await commands.arbiterReserve(keys.length, ...keys, ...args);
      const isAllowed = reply[0] === 1;
      let retryAfterMs = 0;
      const counters: LimitCounter[] = reservations.map((reservation, i) => {
        const used = Number(reply[1 + i * 2]);
        const isFitting = reply[2 + i * 2] === 1;
        const { start, end } = bounds[i]!;
        if (!isAllowed && !isFitting) retryAfterMs = Math.max(retryAfterMs, end - now);
        return {
          key: reservation.key,
          window: reservation.window,
          windowStart: start,
          resetAt: end,
          limit: reservation.limit,
          used,
          remaining: Math.max(0, reservation.limit - used),
          isAllowed: isFitting,
        };
      });
      return { isAllowed, counters, retryAfterMs };
    },

    async adjust(adjustments) {
      const changes = adjustments.filter((adjustment) => toInteger(adjustment.delta) !== 0);
      if (changes.length === 0) return;
      const keys = changes.map((change) => keyOf(change.key, change.window, change.windowStart));
      await commands.arbiterAdjust(keys.length, ...keys, ...changes.map((change) => toInteger(change.delta)));
    },

    async read(key, window, now) {
      const value = await redis.get(keyOf(key, window, getLimitWindow(window, now).start));
      return value === null ? 0 : Number(value);
    },
  };
}

/** Redis counts in integers; amounts are whole units by contract, rounded here in case one is not. */
function toInteger(value: number): number {
  return Math.round(value);
}
