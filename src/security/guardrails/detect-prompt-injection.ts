import { findEncodedText } from './find-encoded-text.js';
import { injectionSignals } from './injection-signals.js';
import { normalizeForDetection } from './normalize-for-detection.js';

/** One reason a text looks like an injection, with its weight. */
export interface InjectionFinding {
  /** `ignore-instructions`, `role-play-override`, `encoded-instructions`, `obfuscation`, … */
  signal: string;
  weight: number;
  /** Shown to the caller when blocked: `asks the model to ignore or override its instructions`. */
  reason: string;
}

/** The detector's verdict on a text: a score from 0 to 1 and the findings it is made of. */
export interface InjectionAssessment {
  score: number;
  findings: InjectionFinding[];
}

/**
 * Scores how much `text` looks like a prompt injection. Each signal that matches contributes its weight,
 * combined as independent evidence (`1 − Π(1 − weight)`), so two weak signs add up and no single weak one
 * crosses the threshold. The text is normalised first (look-alike letters, invisible and tag characters,
 * letter spacing), base64 runs that decode to prose are scanned too, and hiding an instruction is itself
 * evidence. Every finding names its reason, so a block can say why.
 * @example detectPromptInjection('Ignore all previous instructions').score // 0.9
 */
export function detectPromptInjection(text: string): InjectionAssessment {
  const normalized = normalizeForDetection(text);
  const findings = matchSignals(normalized.text);
  for (const decoded of findEncodedText(text)) {
    const inner = matchSignals(normalizeForDetection(decoded).text);
    if (inner.length === 0) continue;
    findings.push({
      signal: 'encoded-instructions',
      weight: 0.8,
      reason: `hides an instruction in base64 that ${inner[0]!.reason}`,
    });
    break;
  }
  if (normalized.obfuscations.length > 0) {
    // Obfuscation is common in harmless text (emoji, mixed scripts); next to an instruction it is not.
    findings.push({
      signal: 'obfuscation',
      weight: findings.length > 0 ? 0.5 : 0.25,
      reason: `hides text with ${normalized.obfuscations.join(', ')}`,
    });
  }
  return { score: combineWeights(findings), findings };
}

function matchSignals(text: string): InjectionFinding[] {
  return injectionSignals
    .filter((signal) => signal.pattern.test(text))
    .map(({ id, weight, reason }) => ({ signal: id, weight, reason }));
}

/** Independent evidence combined: 1 − Π(1 − weight), rounded to two decimals. */
export function combineWeights(findings: readonly InjectionFinding[]): number {
  const remaining = findings.reduce((product, finding) => product * (1 - finding.weight), 1);
  return Math.round((1 - remaining) * 100) / 100;
}
