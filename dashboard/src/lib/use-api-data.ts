import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface ApiData<T> {
  data: T | undefined;
  /** The last load's failure (the last good data stays shown beside it). */
  error: Error | undefined;
  isLoading: boolean;
  /** Page-clock time (`Date.now()`) of the last successful load. */
  updatedAt: number | null;
  reload(): void;
}

export interface ApiDataOptions {
  /** Reload this often; none: load once. */
  intervalMs?: number;
  isPaused?: boolean;
}

/**
 * Loads `load()` when the component mounts and whenever `inputs` change, then every `intervalMs` while
 * not paused and while the tab is visible (a hidden tab polls nothing). A slow answer that arrives
 * after a newer load started is dropped, so switching the window never shows the old one's data.
 */
export function useApiData<T>(
  load: () => Promise<T>,
  inputs: readonly unknown[],
  options: ApiDataOptions = {},
): ApiData<T> {
  const [state, setState] = useState<Omit<ApiData<T>, 'reload'>>({
    data: undefined,
    error: undefined,
    isLoading: true,
    updatedAt: null,
  });
  const sequence = useRef(0);
  const latestLoad = useRef(load);
  latestLoad.current = load;

  const reload = useCallback(() => {
    const current = ++sequence.current;
    setState((previous) => ({ ...previous, isLoading: true }));
    latestLoad.current().then(
      (data) => {
        if (current === sequence.current)
          setState({ data, error: undefined, isLoading: false, updatedAt: Date.now() });
      },
      (error: unknown) => {
        if (current === sequence.current)
          setState((previous) => ({
            ...previous,
            error: error instanceof Error ? error : new Error(String(error)),
            isLoading: false,
          }));
      },
    );
  }, []);

  // The caller names what a reload depends on (the window, the page), not the load function's identity.
  useEffect(reload, inputs);

  const { intervalMs, isPaused = false } = options;
  useEffect(() => {
    if (intervalMs === undefined || isPaused) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, isPaused, reload]);

  useEffect(() => () => void (sequence.current += 1), []);

  return { ...state, reload };
}
