/** Addresses only this machine can reach: binding them without keys exposes nothing. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare) || bare === '::ffff:127.0.0.1'
  );
}

/**
 * Why `serve` must not listen on `host`, or undefined when it may: a non-loopback address with no
 * gateway key configured would hand the provider keys to anyone who can reach it, unless the operator
 * says a proxy in front authenticates (`ARBITER_ALLOW_PUBLIC_WITHOUT_KEYS=true`).
 */
export function getPublicBindingRefusal(
  host: string,
  hasKeys: boolean,
  isAllowed: boolean,
): string | undefined {
  if (hasKeys || isAllowed || isLoopbackHost(host)) return undefined;
  return [
    `Arbiter will not listen on ${host}: no gateway key is configured, so anyone who can reach that address`,
    'could use your provider keys and spend your money. Either:',
    '  - set ARBITER_API_KEYS=<a long random key>[:plan] (comma list), and give callers those keys;',
    '  - or set ARBITER_ADMIN_KEY, start on HOST=127.0.0.1, create keys with `arbiter keys create`, then restart;',
    '  - or keep HOST=127.0.0.1 (the default) and reach Arbiter only from this machine;',
    '  - or, if a proxy in front of Arbiter authenticates every caller, set ARBITER_ALLOW_PUBLIC_WITHOUT_KEYS=true.',
  ].join('\n');
}
