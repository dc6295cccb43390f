/**
 * Who may call a route: `public` (anyone), `admin` (the admin key), `operations` (anyone while no gateway
 * key exists, then the admin key) or `key` (a gateway key, once any exists). Every route not named
 * here needs a key, so a new route is protected without anyone remembering to protect it; the
 * table-driven test in test/e2e/auth-every-route.test.ts walks every registered route against this.
 */
export type RouteAccess = 'public' | 'admin' | 'operations' | 'key';

/**
 * Liveness and readiness: load balancers probe them without credentials. The dashboard's page and
 * assets (`/ui`): they hold no data, and every data call the page makes is authorized on its own.
 */
export const publicRoutes: ReadonlySet<string> = new Set(['/health', '/ready', '/ui', '/ui/*']);

/** Operational read-outs that say nothing about callers' data but do say how the gateway is used. */
export const operationsRoutes: ReadonlySet<string> = new Set(['/metrics']);

/**
 * The dashboard's read API and its arena: operations rules, so `arbiter demo` opens the dashboard with no
 * key, while the mutating admin routes (`/admin/keys`, `/admin/plans`, `/admin/provider-keys`) stay admin.
 */
export const dashboardRoutes: ReadonlySet<string> = new Set([
  '/admin/overview',
  '/admin/providers',
  '/admin/usage/keys',
  '/admin/arena',
]);

/**
 * Key routes the admin key may call too, seeing everything as open access does: the dashboard reads the
 * whole usage log, the learned statistics and the model list, and votes on the arena's answers with it.
 */
export const adminReadableRoutes: ReadonlySet<string> = new Set([
  '/usage/requests',
  '/usage/requests/:id',
  '/performance',
  '/feedback',
  '/models',
]);

/** The access rule for a route's URL pattern (`request.routeOptions.url`), or the raw URL for a 404. */
export function getRouteAccess(url: string): RouteAccess {
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  if (publicRoutes.has(path)) return 'public';
  if (dashboardRoutes.has(path)) return 'operations';
  if (path === '/admin' || path.startsWith('/admin/')) return 'admin';
  if (operationsRoutes.has(path)) return 'operations';
  return 'key';
}
