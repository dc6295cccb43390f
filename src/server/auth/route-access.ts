/**
 * Who may call a route: `public` (anyone), `admin` (the admin key), `operations` (anyone while no gateway
 * key exists, then the admin key) or `key` (a gateway key, once any exists). Every route not named
 * here needs a key, so a new route is protected without anyone remembering to protect it; the
 * table-driven test in test/e2e/auth-every-route.test.ts walks every registered route against this.
 */
export type RouteAccess = 'public' | 'admin' | 'operations' | 'key';

/** Liveness and readiness: load balancers probe them without credentials. */
export const publicRoutes: ReadonlySet<string> = new Set(['/health', '/ready']);

/** Operational read-outs that say nothing about callers' data but do say how the gateway is used. */
export const operationsRoutes: ReadonlySet<string> = new Set(['/metrics']);

/** The access rule for a route's URL pattern (`request.routeOptions.url`), or the raw URL for a 404. */
export function getRouteAccess(url: string): RouteAccess {
  const path = url.split('?')[0]!;
  if (publicRoutes.has(path)) return 'public';
  if (path === '/admin' || path.startsWith('/admin/')) return 'admin';
  if (operationsRoutes.has(path)) return 'operations';
  return 'key';
}
