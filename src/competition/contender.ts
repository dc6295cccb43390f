import type { Target } from '../routing/target.js';

/**
 * One entrant of a competition: a name as the caller or the config wrote it (`groq`,
 * `openai/gpt-4o-mini`, `smart`) and the targets that can serve it, in order (its keys, or a route's
 * targets). Exactly one of them is called: the first the health gate lets through. A contender never
 * falls back to another target after a failure, so each answer says something about one target.
 */
export interface Contender {
  name: string;
  targets: readonly Target[];
}
