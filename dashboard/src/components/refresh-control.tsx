import { formatTimestamp } from '../lib/format-values';

export interface RefreshControlProps {
  isPaused: boolean;
  onPausedChange(isPaused: boolean): void;
  onRefresh(): void;
  updatedAt: number | null;
  isLoading: boolean;
}

/**
 * Auto-refresh (every 5 s) with a pause toggle (one label, its state in `aria-pressed`, as toggle
 * buttons should), a manual refresh and when the data was last loaded.
 */
export function RefreshControl({
  isPaused,
  onPausedChange,
  onRefresh,
  updatedAt,
  isLoading,
}: RefreshControlProps) {
  return (
    <div class="refresh" role="group" aria-label="Refresh">
      <button type="button" aria-pressed={isPaused} onClick={() => onPausedChange(!isPaused)}>
        Pause auto-refresh
      </button>
      <button type="button" onClick={onRefresh} disabled={isLoading}>
        Refresh now
      </button>
      <span class="refresh-status">
        {isLoading ? 'Loading…' : updatedAt ? `Updated ${formatTimestamp(updatedAt)}` : ''}
        {isPaused ? ' · paused' : ''}
      </span>
    </div>
  );
}
