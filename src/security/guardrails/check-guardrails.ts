import type { GuardedMessage } from './collect-guarded-messages.js';
import { combineWeights, detectPromptInjection, type InjectionFinding } from './detect-prompt-injection.js';

/** What prompt-injection detection does for a request: nothing, a header and a log field, or a 400. */
export type GuardrailMode = 'off' | 'flag' | 'block';

/** The guardrails' settings (the configuration's `guardrails`, by shape). */
export interface GuardrailSettings {
  promptInjection: GuardrailMode;
  promptInjectionByPlan: Readonly<Record<string, GuardrailMode>>;
  promptInjectionThreshold: number;
  maxMessages: number;
  maxMessageChars: number;
}

/** The app's own instructions, which are not counted as messages. */
const instructionPaths = new Set(['system', 'instructions', 'system_prompt']);
/**
 * Detection reads at most this much of one message: its first and last halves. Scanning costs ~10–120 ms
 * per million characters (the upper end for adversarial Unicode), so this bounds a request's cost while
 * an instruction in a huge message is still found where models weigh it most, at its start or end.
 */
export const maxScannedChars = 1_000_000;

/** A detected injection: its score, the findings (with the message each was found in), and the mode. */
export interface InjectionVerdict {
  score: number;
  findings: Array<InjectionFinding & { path: string }>;
}

/** Why a request is refused; `code` is the API error code. */
export interface GuardrailViolation {
  code: 'too_many_messages' | 'message_too_long' | 'prompt_injection_detected';
  message: string;
  param?: string;
}

export type GuardrailVerdict =
  | { action: 'allow' }
  | { action: 'flag'; injection: InjectionVerdict }
  | { action: 'block'; violation: GuardrailViolation; injection?: InjectionVerdict };

/**
 * The guardrails for one request: the message-count and message-length limits, then prompt-injection
 * detection over the untrusted messages (user and tool content) in the mode of the caller's plan, else
 * the global one. Each message is scored on its own and the findings combined, so a block can say where.
 * @example checkGuardrails(collectGuardedMessages('openai-chat', body), settings, principal?.plan)
 */
export function checkGuardrails(
  messages: readonly GuardedMessage[],
  settings: GuardrailSettings,
  plan?: string,
): GuardrailVerdict {
  const counted = messages.filter((message) => !instructionPaths.has(message.path));
  if (counted.length > settings.maxMessages) {
    return block({
      code: 'too_many_messages',
      message: `This request has ${counted.length} messages; this gateway accepts at most ${settings.maxMessages} (ARBITER_MAX_MESSAGES).`,
      param: counted[0]!.path.replace(/\[\d+\]$/, ''),
    });
  }
  const tooLong = messages.find((message) => message.text.length > settings.maxMessageChars);
  if (tooLong) {
    return block({
      code: 'message_too_long',
      message: `${tooLong.path} is ${tooLong.text.length} characters long; this gateway accepts at most ${settings.maxMessageChars} per message (ARBITER_MAX_MESSAGE_CHARS).`,
      param: tooLong.path,
    });
  }
  const mode =
    (plan !== undefined ? settings.promptInjectionByPlan[plan] : undefined) ?? settings.promptInjection;
  if (mode === 'off') return { action: 'allow' };
  const injection = assessMessages(messages);
  if (injection.score < settings.promptInjectionThreshold) return { action: 'allow' };
  if (mode === 'flag') return { action: 'flag', injection };
  const reasons = injection.findings.map((finding) => `${finding.path} ${finding.reason}`).join('; ');
  return block(
    {
      code: 'prompt_injection_detected',
      message: `This request was refused as a likely prompt injection (score ${injection.score}, threshold ${settings.promptInjectionThreshold}): ${reasons}.`,
      param: injection.findings[0]?.path,
    },
    injection,
  );
}

function assessMessages(messages: readonly GuardedMessage[]): InjectionVerdict {
  const bySignal = new Map<string, InjectionFinding & { path: string }>();
  for (const message of messages) {
    if (!message.isUntrusted || message.text === '') continue;
    for (const finding of detectPromptInjection(getScannedText(message.text)).findings) {
      const known = bySignal.get(finding.signal);
      if (!known || known.weight < finding.weight)
        bySignal.set(finding.signal, { ...finding, path: message.path });
    }
  }
  const findings = [...bySignal.values()];
  return { score: combineWeights(findings), findings };
}

function getScannedText(text: string): string {
  if (text.length <= maxScannedChars) return text;
  const half = maxScannedChars / 2;
  return `${text.slice(0, half)}\n${text.slice(-half)}`;
}

function block(violation: GuardrailViolation, injection?: InjectionVerdict): GuardrailVerdict {
  return { action: 'block', violation, injection };
}
