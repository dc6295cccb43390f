/** Exit codes that mean something to scripts (documented in `arbiter --help` and the README). */
export const exitCodes = {
  ok: 0,
  /** Something failed at run time (a port in use, a provider unreachable). */
  failure: 1,
  /** The configuration is invalid; the message names the place. */
  invalidConfig: 2,
} as const;
