import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { ConfigIssue } from './config-error.js';
import { configFileSchema, type ConfigFile } from './config-file-schema.js';
import { interpolateEnv } from './interpolate-env.js';
import type { Environment } from './read-environment.js';

/**
 * Reads, interpolates and validates the YAML config file. Problems are returned as issues with the exact
 * path (`providers.groq.timeout`) or line and column for syntax errors.
 */
export function readConfigFile(path: string, env: Environment): { file?: ConfigFile; issues: ConfigIssue[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { issues: [{ path, message: code === 'ENOENT' ? 'file not found' : `cannot be read (${code})` }] };
  }
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) {
    return {
      issues: document.errors.map((error) => ({
        path: error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '(syntax)',
        message: error.message.split('\n')[0] ?? error.message,
      })),
    };
  }
  const issues: ConfigIssue[] = [];
  const interpolated = interpolateEnv(document.toJS() ?? {}, env, issues);
  const result = configFileSchema.safeParse(interpolated);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const where = issue.path.map(String).join('.') || '(root)';
      const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
      issues.push({ path: where, message: issue.message + keys });
    }
    return { issues };
  }
  return { file: result.data, issues };
}
