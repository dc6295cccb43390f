import { describe, expect, it } from 'vitest';
import { parseDashboardHash, toDashboardHash } from './dashboard-routes';

describe('dashboard routes', () => {
  it('reads the page from the hash, defaulting to the Overview', () => {
    expect(parseDashboardHash('#/providers')).toEqual({ page: 'providers' });
    expect(parseDashboardHash('#arena')).toEqual({ page: 'arena' });
    expect(parseDashboardHash('')).toEqual({ page: 'overview' });
    expect(parseDashboardHash('#/nowhere')).toEqual({ page: 'overview' });
  });

  it('opens a request on the Requests page only, and round-trips odd ids', () => {
    const location = { page: 'requests' as const, detail: 'req_a/b c' };
    expect(parseDashboardHash(toDashboardHash(location))).toEqual(location);
    expect(parseDashboardHash('#/usage/req_1')).toEqual({ page: 'usage' });
  });
});
