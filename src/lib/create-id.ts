import { randomBytes } from 'node:crypto';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const poolSize = 4096;
let pool = randomBytes(poolSize);
let poolOffset = 0;

/**
 * A random id with a prefix, e.g. `createId('chatcmpl-')` → `chatcmpl-Xk3...` (24 base62 characters,
 * ~142 bits). Random bytes come from a pooled buffer so ids stay cheap on the hot path.
 */
export function createId(prefix = '', length = 24): string {
  if (poolOffset + length > poolSize) {
    pool = randomBytes(poolSize);
    poolOffset = 0;
  }
  let id = prefix;
  for (let index = 0; index < length; index++) {
    id += alphabet[pool[poolOffset++]! % 62];
  }
  return id;
}
