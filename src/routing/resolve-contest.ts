import { RouteError } from './route-error.js';
import type { Target } from './target.js';

/** The names a request may use for the built-in contests (unless a config route takes the name). */
export const contestRouteNames = ['race', 'compete'] as const;

export type ContestRouteName = (typeof contestRouteNames)[number];

export function isContestRouteName(name: string): name is ContestRouteName {
  return (contestRouteNames as readonly string[]).includes(name);
}

/**
 * The targets of a contest (`race`, `compete`): one per contender, the first target its name resolves to
 * (a provider's key rotation picks which key), each `provider/model` once. A contest cannot contain a
 * contest, and a contest without contenders is an error that says how to name some.
 */
export function resolveContestTargets(
  route: string,
  contenders: readonly string[],
  resolve: (name: string) => { targets: readonly Target[] },
): Target[] {
  const seen = new Set<string>();
  const targets: Target[] = [];
  for (const name of contenders) {
    if (isContestRouteName(name))
      throw new RouteError('model_not_found', `"${route}" cannot have "${name}" as a contender.`);
    const target = resolve(name).targets[0];
    if (!target || seen.has(`${target.provider}/${target.model}`)) continue;
    seen.add(`${target.provider}/${target.model}`);
    targets.push(target);
  }
  if (targets.length === 0) {
    throw new RouteError(
      'model_not_found',
      `"${route}" has no contenders: name them in the request ("contenders"), in COMPETE_CONTENDERS, or configure a provider.`,
    );
  }
  return targets;
}
