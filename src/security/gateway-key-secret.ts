import { createHash, hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createId } from '../lib/create-id.js';

/** What a new key is stored as, plus the key itself, which is shown once and never stored. */
export interface NewGatewayKey {
  id: string;
  /** `arb_live_…`: the secret the caller sends. */
  key: string;
  hash: string;
  prefix: string;
}

/** `arb_live_` and six characters of the random part: enough for a person to tell keys apart. */
const prefixLength = 'arb_live_'.length + 6;

/**
 * A new gateway key: `arb_live_` and 32 characters of base64url (192 random bits), its SHA-256 and its
 * prefix, and a public id (`key_…`). The `arb_live_` shape is one the log redactor recognises.
 * @example const { key, hash, prefix, id } = createGatewayKeySecret();
 */
export function createGatewayKeySecret(): NewGatewayKey {
  const key = `arb_live_${randomBytes(24).toString('base64url')}`;
  return { id: createId('key_', 16), key, hash: hashGatewayKey(key), prefix: getKeyPrefix(key) };
}

/**
 * SHA-256, hex: what the store keeps and looks keys up by. A fast hash is right here (unlike passwords):
 * the keys are long and random, so there is nothing to guess.
 */
export function hashGatewayKey(key: string): string {
  // The one-shot `hash` (Node 20.12+) skips the Hash object: this runs on every authenticated request.
  return hash('sha256', key, 'hex');
}

/** The first characters of a key, shown in lists; at most a third of a short key. */
export function getKeyPrefix(key: string): string {
  return key.slice(0, Math.min(prefixLength, Math.floor(key.length / 3)));
}

/**
 * Compares two secrets in constant time: both are hashed first, so neither their lengths nor the first
 * differing character show in the time taken.
 */
export function isSameSecret(presented: string, expected: string): boolean {
  const left = createHash('sha256').update(presented).digest();
  const right = createHash('sha256').update(expected).digest();
  return timingSafeEqual(left, right);
}
