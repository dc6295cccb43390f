import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The process environment with a `.env` file from `cwd` underneath it: variables set for real win over
 * the file, as with every other tool that reads `.env`.
 */
export function readEnvironment(cwd: string, processEnv: Environment): Environment {
  const path = join(cwd, '.env');
  if (!existsSync(path)) return processEnv;
  const fromFile = parseEnv(readFileSync(path, 'utf8'));
  return { ...fromFile, ...stripUndefined(processEnv) };
}

function stripUndefined(env: Environment): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined) result[name] = value;
  return result;
}
