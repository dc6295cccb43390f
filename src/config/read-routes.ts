import type { RouteConfig, RouteTargetConfig } from './arbiter-config.js';
import type { ConfigIssue } from './config-error.js';
import type { RouteFile } from './config-file-schema.js';

/**
 * The config file's routes as RouteConfig: a target string, a list, or an object with options. Targets
 * naming a provider that is not configured are issues with their exact place.
 */
export function readRoutes(
  routes: Record<string, RouteFile>,
  providers: ReadonlySet<string>,
  issues: ConfigIssue[],
): Record<string, RouteConfig> {
  const result: Record<string, RouteConfig> = {};
  for (const [name, route] of Object.entries(routes)) {
    const options =
      typeof route === 'object' && !Array.isArray(route) && 'targets' in route ? route : undefined;
    const entries: Array<string | RouteTargetConfig> = options
      ? options.targets
      : Array.isArray(route)
        ? route
        : [route as string | RouteTargetConfig];
    const targets = entries.map((entry) => {
      if (typeof entry !== 'string') return entry;
      const slash = entry.indexOf('/');
      return { provider: entry.slice(0, slash), model: entry.slice(slash + 1) };
    });
    targets.forEach((target, index) => {
      if (!providers.has(target.provider)) {
        issues.push({
          path: `routes.${name}.targets[${index}]`,
          message: `provider "${target.provider}" is not configured (configured: ${[...providers].join(', ') || 'none'})`,
        });
      }
    });
    result[name] = {
      targets,
      strategy: options?.strategy,
      selector: options?.selector,
      rules: options?.rules,
      hedgeDelay: options?.hedgeDelayMs,
      hedgeBudget: options?.hedgeBudget,
      maxRetries: options?.maxRetries,
      retryDelayInMs: options?.retryDelayMs,
      timeoutInMs: options?.timeoutMs,
      ttftTimeoutInMs: options?.ttftTimeoutMs,
      continueOnFailure: options?.continueOnFailure,
    };
  }
  return result;
}
