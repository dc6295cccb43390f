/** Exit codes that mean something to scripts (documented in `arbiter --help` and the README). */
export const exitCodes = {
  ok: 0,
  /** Something failed at run time (a port in use, a provider unreachable), or a check of `doctor` failed. */
  failure: 1,
  /** The configuration is invalid; the message names the place. */
  invalidConfig: 2,
  /** No gateway answered at the URL a client command was given (`--url`, `ARBITER_URL`). */
  gatewayUnreachable: 3,
} as const;

/** The exit codes as the help text and the README list them. */
export const exitCodesHelp = `
Exit codes:
  0  ok
  1  failed: a run-time error (a port in use), a request the gateway refused, or a doctor check
  2  invalid configuration (every problem is printed with its place), or a usage error of compete
  3  no gateway reachable at --url / ARBITER_URL (client commands: chat, compete, providers, stats)`;
