import { getKeyPrefix } from '../../src/security/gateway-key-secret.js';

/** Fragments this long are searched for: long enough never to occur by chance, short enough to catch a partly masked key. */
export const fragmentLength = 12;

/** A secret the leak tests plant, and the part of it that may be shown (a gateway key's documented prefix). */
export interface PlantedSecret {
  name: string;
  value: string;
  allowedPrefix?: string;
}

/** A gateway key as planted: its prefix (`arb_live_abc123`) is shown in admin lists by design. */
export function plantedGatewayKey(name: string, value: string): PlantedSecret {
  return { name, value, allowedPrefix: getKeyPrefix(value) };
}

/**
 * Every place in `text` where a secret, or any 12-character fragment of it that reaches past its allowed
 * prefix, appears. An empty list means nothing leaked.
 */
export function findLeaks(text: string, secrets: readonly PlantedSecret[]): string[] {
  const leaks: string[] = [];
  for (const secret of secrets) {
    const start = Math.max(0, (secret.allowedPrefix?.length ?? 0) - fragmentLength + 1);
    for (let index = start; index + fragmentLength <= secret.value.length; index++) {
      const fragment = secret.value.slice(index, index + fragmentLength);
      const at = text.indexOf(fragment);
      if (at !== -1) {
        leaks.push(`${secret.name} (…${fragment}…) in: ${text.slice(Math.max(0, at - 80), at + 80)}`);
        break;
      }
    }
  }
  return leaks;
}
