import type { AutoRefresh } from '../lib/auto-refresh';
import { formatTimestamp } from '../lib/format-values';
import type { ApiData } from '../lib/use-api-data';

export interface RefreshControlProps {
  /** The pages' shared auto-refresh (its pause). */
  refresh: Pick<AutoRefresh, 'isPaused' | 'setPaused'>;
  /** The page's data: reloaded by "Refresh now", its load time shown. */
  data: Pick<ApiData<unknown>, 'reload' | 'updatedAt' | 'isLoading'>;
}

/**
 * Auto-refresh (every 5 s) with a pause toggle (one label, its state in `aria-pressed`, as toggle
 * buttons should), a manual refresh and when the data was last loaded.
 */
export function RefreshControl({ refresh, data }: RefreshControlProps) {
  const { isPaused } = refresh;
  const { isLoading, updatedAt } = data;
  return (
    <div class="refresh" role="group" aria-label="Refresh">
      <button type="button" aria-pressed={isPaused} onClick={() => refresh.setPaused(!isPaused)}>
        Pause auto-refresh
      </button>
      <button type="button" onClick={data.reload} disabled={isLoading}>
        Refresh now
      </button>
      <span class="refresh-status">
        {isLoading ? 'Loading…' : updatedAt ? `Updated ${formatTimestamp(updatedAt)}` : ''}
        {isPaused ? ' · paused' : ''}
      </span>
    </div>
  );
}
