import type { Gateway } from '../gateway.js';
import { isLoopbackHost } from './check-public-binding.js';

/** The banner's lines about who may call the gateway: keys required, or open (with a warning). */
export function describeGatewayAccess(
  gateway: Gateway,
  url: string,
  warn: (text: string) => string,
): string[] {
  const { tenancy, config } = gateway;
  const admin = tenancy.isAdminEnabled ? 'on (ARBITER_ADMIN_KEY)' : 'off (set ARBITER_ADMIN_KEY)';
  if (tenancy.hasKeys) {
    const listed = config.security.apiKeys.length;
    return [
      `  Gateway keys: required (Authorization: Bearer or X-API-Key)${listed > 0 ? `; ${listed} in ARBITER_API_KEYS` : ''}`,
      `  Admin API /admin/keys: ${admin}`,
    ];
  }
  const where = isLoopbackHost(config.server.host)
    ? 'only this machine can reach it'
    : 'ARBITER_ALLOW_PUBLIC_WITHOUT_KEYS=true: anyone who can reach it may use it';
  return [
    warn(`  No gateway key is configured: access is open (${where}).`),
    warn('  Set ARBITER_API_KEYS, or ARBITER_ADMIN_KEY and `arbiter keys create`, before exposing ' + url),
    `  Admin API /admin/keys: ${admin}`,
  ];
}
