/** The auto-refresh the Overview, Providers and Usage pages share: one pause for all three. */
export interface AutoRefresh {
  intervalMs: number;
  isPaused: boolean;
  setPaused(isPaused: boolean): void;
}

/** Every 5 s: live enough to watch a circuit open, cheap enough to leave open all day. */
export const autoRefreshIntervalMs = 5_000;
