import { z } from 'zod';

const verdictSchema = z.object({
  scores: z.record(z.string(), z.number().min(0).max(1)),
  reasoning: z.string(),
});

/** A judge's verdict by answer label. */
export interface JudgeVerdict {
  scores: Record<string, number>;
  reasoning: string;
}

/**
 * The judge's answer text → its verdict, or an Error saying what is wrong with it. Strict about the
 * content (JSON, a score in 0..1 for every label, a reasoning string), lenient about wrapping: a
 * Markdown code fence or prose around the one JSON object is ignored, as models add them despite asking.
 */
export function parseJudgeVerdict(text: string, labels: readonly string[]): JudgeVerdict {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start === -1 || end < start) throw new Error('the judge did not answer with a JSON object');
  let json: unknown;
  try {
    json = JSON.parse(text.slice(start, end + 1));
  } catch {
    throw new Error('the judge answered with invalid JSON');
  }
  const parsed = verdictSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`the judge's verdict is invalid at "${issue.path.join('.')}": ${issue.message}`);
  }
  const missing = labels.filter((label) => parsed.data.scores[label] === undefined);
  if (missing.length > 0) throw new Error(`the judge gave no score for answer ${missing.join(', ')}`);
  return {
    scores: Object.fromEntries(labels.map((label) => [label, parsed.data.scores[label]!])),
    reasoning: parsed.data.reasoning.trim(),
  };
}
