import type { ConfigIssue } from './config-error.js';
import type { Environment } from './read-environment.js';

const reference = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Replaces `${NAME}` and `${NAME:-default}` in every string of a parsed config file (`$${` is a literal
 * `${`). Done after YAML parsing, so a value can never change the file's structure. A variable that is
 * not set and has no default is an issue naming where it was used.
 */
export function interpolateEnv(value: unknown, env: Environment, issues: ConfigIssue[], path = ''): unknown {
  if (typeof value === 'string') {
    return value.replace(reference, (match, name: string | undefined, fallback: string | undefined) => {
      if (match === '$${') return '${';
      const resolved = env[name!];
      if (resolved !== undefined && resolved !== '') return resolved;
      if (fallback !== undefined) return fallback;
      issues.push({ path: path || '(root)', message: `environment variable ${name} is not set` });
      return '';
    });
  }
  if (Array.isArray(value))
    return value.map((item, index) => interpolateEnv(item, env, issues, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      result[key] = interpolateEnv(item, env, issues, path ? `${path}.${key}` : key);
    }
    return result;
  }
  return value;
}
