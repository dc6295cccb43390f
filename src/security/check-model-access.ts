import type { GatewayPrincipal } from './gateway-principal.js';
import { matchModelPattern } from './match-model-pattern.js';
import { TenancyError } from './tenancy-error.js';

/** A route a request may be served by (the one it names, or a fallback), with the targets it resolved to. */
export interface RequestedRoute {
  name: string;
  /** Empty when the name does not resolve: the route itself then answers with its own error. */
  targets: ReadonlyArray<{ provider: string; model: string }>;
}

/** The pattern that stands for every model whose input price is at most the configured threshold. */
export const cheapModelsPattern = '@cheap';

/** What `@cheap` means on this gateway. */
export interface CheapModels {
  /** USD per million input tokens. */
  maxInputPrice: number;
  /** True for a model whose price is known and at most `maxInputPrice`. */
  isCheap(provider: string, model: string): boolean;
}

/**
 * Refuses a request when the key may not use one of its routes. A route is allowed when its name matches
 * one of the patterns, or when every target it can reach does (`provider/model` against the patterns,
 * or `@cheap` against the price): any of them may end up answering, fallbacks included.
 * @example checkModelAccess(principal, [{ name: 'smart', targets }], { maxInputPrice: 0.5, isCheap })
 */
export function checkModelAccess(
  principal: GatewayPrincipal,
  routes: readonly RequestedRoute[],
  cheap: CheapModels,
): void {
  const allowed = principal.limits.allowedModels;
  if (allowed === undefined || allowed.includes('*')) return;
  const patterns = allowed.filter((pattern) => pattern !== cheapModelsPattern);
  const allowsCheap = patterns.length < allowed.length;
  const isTargetAllowed = (target: { provider: string; model: string }): boolean =>
    (allowsCheap && cheap.isCheap(target.provider, target.model)) ||
    patterns.some((pattern) => matchModelPattern(pattern, `${target.provider}/${target.model}`));
  for (const route of routes) {
    if (route.targets.length === 0) continue;
    if (patterns.some((pattern) => matchModelPattern(pattern, route.name))) continue;
    const refused = route.targets.find((target) => !isTargetAllowed(target));
    if (!refused) continue;
    const owner =
      principal.limits.modelsOwner === 'key' ? `key ${principal.keyId}` : `plan "${principal.plan}"`;
    const through = route.name === `${refused.provider}/${refused.model}` ? '' : ` (through "${route.name}")`;
    throw new TenancyError(
      'model-not-allowed',
      `The model "${refused.provider}/${refused.model}"${through} is not allowed for ${owner}; it allows: ${describe(allowed, cheap.maxInputPrice)}.`,
      { param: 'model' },
    );
  }
}

function describe(allowed: readonly string[], maxInputPrice: number): string {
  if (allowed.length === 0) return 'no model';
  const cheap = `models priced at most $${maxInputPrice} per million input tokens`;
  return allowed.map((pattern) => (pattern === cheapModelsPattern ? cheap : pattern)).join(', ');
}
