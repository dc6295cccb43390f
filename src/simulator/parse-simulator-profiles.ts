import { behaviourModes, type BehaviourMode, type BehaviourProfile } from './behaviour-profiles.js';

type FieldCheck = (value: unknown) => string | undefined;

const nonNegative: FieldCheck = (value) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? undefined : 'a number >= 0';
const fraction: FieldCheck = (value) =>
  typeof value === 'number' && value >= 0 && value <= 1 ? undefined : 'a number between 0 and 1';
const count: FieldCheck = (value) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? undefined : 'an integer >= 0';
const httpErrorStatus: FieldCheck = (value) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599
    ? undefined
    : 'an HTTP error status (400-599)';
const mode: FieldCheck = (value) =>
  behaviourModes.includes(value as BehaviourMode) ? undefined : `one of ${behaviourModes.join(', ')}`;

const fieldChecks: Record<keyof BehaviourProfile, FieldCheck> = {
  latencyInMs: nonNegative,
  ttftInMs: nonNegative,
  tokensPerSecond: nonNegative,
  jitter: fraction,
  errorRate: fraction,
  errorStatus: httpErrorStatus,
  mode,
  cutAfterChunks: count,
  retryAfterSeconds: nonNegative,
};

/**
 * Checks one partial profile from untrusted input (a profile file, the control API, the CLI).
 * Throws an Error that names the model and the bad field.
 */
export function parseBehaviourProfile(value: unknown, model: string): Partial<BehaviourProfile> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`Simulator profile "${model}" must be an object of behaviour fields`);
  }
  for (const [field, fieldValue] of Object.entries(value)) {
    const check = fieldChecks[field as keyof BehaviourProfile] as FieldCheck | undefined;
    if (check === undefined) {
      const known = Object.keys(fieldChecks).join(', ');
      throw new Error(`Simulator profile "${model}": unknown field "${field}" (known fields: ${known})`);
    }
    const expected = check(fieldValue);
    if (expected !== undefined) {
      throw new Error(
        `Simulator profile "${model}": field "${field}" must be ${expected}, got ${JSON.stringify(fieldValue)}`,
      );
    }
  }
  return value as Partial<BehaviourProfile>;
}

/**
 * Parses a JSON profile file: `{ "<model>": { ...BehaviourProfile fields } }`.
 * @example parseSimulatorProfiles('{"gpt-4o-mini":{"latencyInMs":300,"errorRate":0.1}}')
 */
export function parseSimulatorProfiles(jsonText: string): Record<string, Partial<BehaviourProfile>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(jsonText);
  } catch (error) {
    throw new Error(`Simulator profiles are not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('Simulator profiles must be a JSON object keyed by model name');
  }
  const profiles: Record<string, Partial<BehaviourProfile>> = {};
  for (const [model, profile] of Object.entries(parsed)) {
    profiles[model] = parseBehaviourProfile(profile, model);
  }
  return profiles;
}
