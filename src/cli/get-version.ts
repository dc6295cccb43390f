import { readFileSync } from 'node:fs';

/** The package version, read from package.json beside `dist/` (or `src/` when run from source). */
export function getVersion(): string {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
