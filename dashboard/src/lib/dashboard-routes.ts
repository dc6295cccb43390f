/** The dashboard's pages, in nav order. */
export const dashboardPages = [
  { id: 'overview', title: 'Overview' },
  { id: 'providers', title: 'Providers' },
  { id: 'arena', title: 'Arena' },
  { id: 'usage', title: 'Usage' },
  { id: 'requests', title: 'Requests' },
] as const;

export type PageId = (typeof dashboardPages)[number]['id'];

/** Where the hash points: a page and, for Requests, the request opened in its detail view. */
export interface DashboardLocation {
  page: PageId;
  /** `#/requests/req_abc` opens that request's attempt trail. */
  detail?: string;
}

/**
 * `#/providers`, `#/requests/req_1` → the page to show. Hash routing keeps every page at `/ui`, so the
 * gateway serves one file and a reload lands where the user was; an unknown hash shows the Overview.
 */
export function parseDashboardHash(hash: string): DashboardLocation {
  const [name = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  const page = dashboardPages.find((entry) => entry.id === name)?.id ?? 'overview';
  const detail = rest.length > 0 ? decodeURIComponent(rest.join('/')) : undefined;
  return page === 'requests' && detail ? { page, detail } : { page };
}

/** The hash for a location (the inverse of `parseDashboardHash`). */
export function toDashboardHash(location: DashboardLocation): string {
  return `#/${location.page}${location.detail ? `/${encodeURIComponent(location.detail)}` : ''}`;
}
