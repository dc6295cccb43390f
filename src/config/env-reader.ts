import type { ConfigIssue } from './config-error.js';
import type { Environment } from './read-environment.js';

/** Reads typed values from the environment and collects every problem instead of stopping at the first. */
export class EnvReader {
  readonly issues: ConfigIssue[] = [];

  constructor(readonly env: Environment) {}

  /** The first of `names` that is set and not blank. */
  string(...names: string[]): string | undefined {
    for (const name of names) {
      const value = this.env[name]?.trim();
      if (value) return value;
    }
    return undefined;
  }

  number(
    names: string[],
    options: { min?: number; max?: number; isInteger?: boolean } = {},
  ): number | undefined {
    const name = names.find((candidate) => this.env[candidate]?.trim());
    if (name === undefined) return undefined;
    const text = this.env[name]!.trim();
    const value = Number(text);
    const problem = !Number.isFinite(value)
      ? 'is not a number'
      : options.isInteger && !Number.isInteger(value)
        ? 'must be a whole number'
        : options.min !== undefined && value < options.min
          ? `must be at least ${options.min}`
          : options.max !== undefined && value > options.max
            ? `must be at most ${options.max}`
            : undefined;
    if (problem) {
      this.issues.push({ path: name, message: `"${text}" ${problem}` });
      return undefined;
    }
    return value;
  }

  /** `true`/`1`/`yes`/`on` or `false`/`0`/`no`/`off`, any case; anything else is an issue. */
  boolean(name: string): boolean | undefined {
    const value = this.string(name)?.toLowerCase();
    if (value === undefined) return undefined;
    if (['true', '1', 'yes', 'on'].includes(value)) return true;
    if (['false', '0', 'no', 'off'].includes(value)) return false;
    this.issues.push({ path: name, message: `"${this.env[name]!.trim()}" is not true or false` });
    return undefined;
  }

  url(name: string): string | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!isHttpUrl(value)) {
      this.issues.push({ path: name, message: `"${value}" is not an http(s) URL` });
      return undefined;
    }
    return value.replace(/\/+$/, '');
  }

  /** A comma-separated list, trimmed, blanks dropped. */
  list(name: string): string[] {
    return (this.env[name] ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  }
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
