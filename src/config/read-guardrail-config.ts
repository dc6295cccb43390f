import type { ConfigFile } from './config-file-schema.js';
import type { EnvReader } from './env-reader.js';

/** What a guardrail does when it fires: nothing, a header and a log field, or a 400 with the reason. */
export type GuardrailMode = 'off' | 'flag' | 'block';

/** Limits and prompt-injection detection applied to every chat request before it is routed. */
export interface GuardrailConfig {
  /** `GUARDRAIL_PROMPT_INJECTION` (default `flag`): the mode for requests whose plan sets none. */
  promptInjection: GuardrailMode;
  /** `plans.<name>.promptInjection` in the config file, by plan name. */
  promptInjectionByPlan: Record<string, GuardrailMode>;
  /** `GUARDRAIL_INJECTION_THRESHOLD` (0–1, default 0.5): the score at which a request counts as an injection. */
  promptInjectionThreshold: number;
  /** `ARBITER_MAX_MESSAGES` (default 1000): messages one request may carry. */
  maxMessages: number;
  /** `ARBITER_MAX_MESSAGE_CHARS` (default 4,000,000, about a million tokens): characters of one message. */
  maxMessageChars: number;
}

const modes: readonly GuardrailMode[] = ['off', 'flag', 'block'];

/** `GUARDRAIL_PROMPT_INJECTION`, `GUARDRAIL_INJECTION_THRESHOLD`, `ARBITER_MAX_MESSAGES`, `ARBITER_MAX_MESSAGE_CHARS`. */
export function readGuardrailConfig(reader: EnvReader, file: ConfigFile): GuardrailConfig {
  const mode = reader.string('GUARDRAIL_PROMPT_INJECTION')?.toLowerCase() ?? 'flag';
  if (!(modes as readonly string[]).includes(mode)) {
    reader.issues.push({
      path: 'GUARDRAIL_PROMPT_INJECTION',
      message: `"${mode}" is not one of ${modes.join(', ')}`,
    });
  }
  const promptInjectionByPlan: Record<string, GuardrailMode> = {};
  for (const [name, plan] of Object.entries(file.plans ?? {})) {
    if (plan.promptInjection) promptInjectionByPlan[name] = plan.promptInjection;
  }
  return {
    promptInjection: (modes as readonly string[]).includes(mode) ? (mode as GuardrailMode) : 'flag',
    promptInjectionByPlan,
    promptInjectionThreshold: reader.number(['GUARDRAIL_INJECTION_THRESHOLD'], { min: 0.01, max: 1 }) ?? 0.5,
    maxMessages: reader.number(['ARBITER_MAX_MESSAGES'], { min: 1, isInteger: true }) ?? 1000,
    maxMessageChars: reader.number(['ARBITER_MAX_MESSAGE_CHARS'], { min: 1, isInteger: true }) ?? 4_000_000,
  };
}
