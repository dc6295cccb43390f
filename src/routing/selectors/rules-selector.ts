import type { Target } from '../target.js';
import { compilePhrase } from './compile-phrase.js';
import { compileTargetPattern } from './compile-target-pattern.js';
import type { SelectionRule } from './selection-rule-schema.js';
import type { SelectionRequest, Selector } from './selector.js';

interface CompiledRule {
  isMatch(request: SelectionRequest): boolean;
  prefer: Array<(target: Target) => boolean>;
}

/**
 * `rules`: content-based routing from config. The first rule whose conditions all hold puts its
 * preferred targets first, in the order of its `prefer` list (several targets matching one entry keep
 * the route's order); every other target follows in the route's order. When no rule matches, the order
 * is the route's own. Rules are compiled once, here, so a request only runs the tests.
 *
 * @example
 * createRulesSelector({
 *   rules: [
 *     { when: { contains: ['stack trace', 'typescript'], matches: '```' }, prefer: ['deepseek/deepseek-coder'] },
 *     { when: { minInputTokens: 100_000 }, prefer: ['gemini/*'] },
 *     { when: { plan: ['premium', 'enterprise'] }, prefer: ['anthropic/*'] },
 *   ],
 * });
 */
export function createRulesSelector(options: { rules: readonly SelectionRule[] }): Selector {
  const rules = options.rules.map(compileRule);
  return {
    name: 'rules',
    order(targets, context) {
      const rule = rules.find((candidate) => candidate.isMatch(context.request));
      if (!rule) return [...targets];
      const chosen = new Set<Target>();
      for (const isPreferred of rule.prefer) {
        for (const target of targets) if (isPreferred(target)) chosen.add(target);
      }
      return [...chosen, ...targets.filter((target) => !chosen.has(target))];
    },
  };
}

function compileRule(rule: SelectionRule): CompiledRule {
  const { when } = rule;
  const phrases = when.contains?.map(compilePhrase);
  const expression = when.matches === undefined ? undefined : new RegExp(when.matches, 'i');
  const plans = when.plan === undefined ? undefined : [when.plan].flat();
  return {
    isMatch(request) {
      if (when.isStream !== undefined && request.isStream !== when.isStream) return false;
      if (when.minMessages !== undefined && request.messageCount < when.minMessages) return false;
      if (when.minInputTokens !== undefined && request.estimatedInputTokens < when.minInputTokens)
        return false;
      if (plans && (request.plan === undefined || !plans.includes(request.plan))) return false;
      if (phrases && !phrases.some((isIn) => isIn(request.text))) return false;
      return expression === undefined || expression.test(request.text);
    },
    prefer: rule.prefer.map(compileTargetPattern),
  };
}
