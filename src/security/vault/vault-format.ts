import { VaultError } from './vault-error.js';

/** scrypt's cost parameters, stored in every value so they can be raised later without breaking old ones. */
export interface ScryptParams {
  /** log2 of N, the CPU/memory cost (16 → N = 65,536). */
  logN: number;
  /** Block size; memory is 128 · N · r bytes. */
  r: number;
  /** Parallelisation; Node runs the p lanes one after another, so time grows with p, memory does not. */
  p: number;
}

/**
 * OWASP's scrypt floor (N=2^17, r=8, p=1) in its lower-memory equivalent form N=2^16, r=8, p=2: the same
 * work for an attacker, 64 MiB instead of 128 MiB at start-up (a 256 MiB container stays safe). Measured on
 * the reference 2-core machine: 0.35–0.39 s per value, so start-up with three encrypted keys takes ~1 s.
 * Raising them later needs no migration: each value names its own parameters.
 */
export const defaultScryptParams: ScryptParams = { logN: 16, r: 8, p: 2 };

/** Values outside these bounds are refused before any work, so a crafted value cannot exhaust memory or CPU. */
const limits = { minLogN: 10, maxLogN: 20, maxR: 32, maxP: 16, maxMemoryInBytes: 256 * 1024 * 1024 };
const maxWork = 2 ** 23;

export const saltLengthInBytes = 16;
export const ivLengthInBytes = 12;
export const tagLengthInBytes = 16;

/** An `enc:v1:` value, split into its parts. */
export interface EncryptedValue {
  params: ScryptParams;
  salt: Buffer;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
  /** `enc:v1:<params>:<salt>`: authenticated as GCM additional data, so no header byte changes unnoticed. */
  header: string;
}

/** `n16r8p2`: short, and free of the `:` and `,` that separate parts and list items. */
export function formatScryptParams(params: ScryptParams): string {
  return `n${params.logN}r${params.r}p${params.p}`;
}

/** The header of a value: what the tag also authenticates. */
export function formatVaultHeader(params: ScryptParams, salt: Buffer): string {
  return `enc:v1:${formatScryptParams(params)}:${salt.toString('base64url')}`;
}

/** `enc:v1:<params>:<salt>:<iv>:<tag>:<ciphertext>`, every binary part base64url. */
export function formatEncryptedValue(value: Omit<EncryptedValue, 'header'>): string {
  const encoded = [value.iv, value.tag, value.ciphertext].map((part) => part.toString('base64url'));
  return [formatVaultHeader(value.params, value.salt), ...encoded].join(':');
}

/**
 * Untrusted text → the parts of an `enc:v1:` value, or a VaultError (`malformed`, `unsupported-version`)
 * whose message says what is wrong without repeating the value.
 */
export function parseEncryptedValue(text: string): EncryptedValue {
  const value = text.trim();
  const parts = value.split(':');
  if (parts[0] !== 'enc' || !/^v\d+$/.test(parts[1] ?? '')) {
    throw new VaultError('malformed', 'is not an encrypted value (it should start with enc:v1:)');
  }
  if (parts[1] !== 'v1') {
    throw new VaultError(
      'unsupported-version',
      `uses vault format ${parts[1]}, which this version of Arbiter cannot read (it reads v1); upgrade Arbiter`,
    );
  }
  if (parts.length !== 7) {
    throw new VaultError(
      'malformed',
      `has ${parts.length} parts separated by ':' instead of 7 (enc:v1:params:salt:iv:tag:ciphertext); was it cut when copied?`,
    );
  }
  const [, , paramsText = '', saltText = '', ivText = '', tagText = '', ciphertextText = ''] = parts;
  const params = parseScryptParams(paramsText);
  const salt = decodePart(saltText, 'salt');
  const iv = decodePart(ivText, 'IV');
  const tag = decodePart(tagText, 'tag');
  const ciphertext = decodePart(ciphertextText, 'ciphertext');
  if (salt.length < saltLengthInBytes || salt.length > 64) throw malformed('its salt has the wrong length');
  if (iv.length !== ivLengthInBytes) throw malformed('its IV has the wrong length');
  if (tag.length !== tagLengthInBytes) throw malformed('its tag has the wrong length');
  return { params, salt, iv, tag, ciphertext, header: parts.slice(0, 4).join(':') };
}

function parseScryptParams(text: string): ScryptParams {
  const match = /^n(\d{1,2})r(\d{1,3})p(\d{1,3})$/.exec(text);
  if (!match) throw malformed('its scrypt parameters are not in the form n16r8p2');
  const params = { logN: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  const memoryInBytes = 128 * 2 ** params.logN * params.r;
  const isInRange =
    params.logN >= limits.minLogN &&
    params.logN <= limits.maxLogN &&
    params.r >= 1 &&
    params.r <= limits.maxR &&
    params.p >= 1 &&
    params.p <= limits.maxP &&
    memoryInBytes <= limits.maxMemoryInBytes &&
    2 ** params.logN * params.r * params.p <= maxWork;
  if (!isInRange) throw malformed(`its scrypt parameters (${text}) are outside the accepted range`);
  return params;
}

/** Strict base64url: Buffer.from would silently skip invalid characters and decode a corrupted part. */
function decodePart(text: string, name: string): Buffer {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw malformed(`its ${name} is not base64url`);
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) throw malformed(`its ${name} is not base64url`);
  return bytes;
}

function malformed(detail: string): VaultError {
  return new VaultError('malformed', `is not a valid enc:v1: value: ${detail}`);
}

/** The options Node's scrypt needs for these parameters (its default memory cap is 32 MiB). */
export function toScryptOptions(params: ScryptParams) {
  const N = 2 ** params.logN;
  return { N, r: params.r, p: params.p, maxmem: 2 * 128 * N * params.r };
}

/** Throws when parameters chosen for encrypting fall outside what decrypting accepts. */
export function assertScryptParams(params: ScryptParams): void {
  parseScryptParams(formatScryptParams(params));
}
