/**
 * An AbortController for one attempt: aborted by the caller's signal, or with a `TimeoutError` once the
 * attempt's time is up. `dispose()` clears the timer and unlinks the caller's signal; always call it.
 */
export function createAttemptSignal(callerSignal: AbortSignal, timeoutInMs: number) {
  const controller = new AbortController();
  const onCallerAbort = (): void => controller.abort(callerSignal.reason);
  if (callerSignal.aborted) controller.abort(callerSignal.reason);
  else callerSignal.addEventListener('abort', onCallerAbort, { once: true });
  const timer = setTimeout(() => {
    controller.abort(new DOMException(`the attempt took longer than ${timeoutInMs} ms`, 'TimeoutError'));
  }, timeoutInMs);
  timer.unref?.();
  return {
    controller,
    signal: controller.signal,
    dispose(): void {
      clearTimeout(timer);
      callerSignal.removeEventListener('abort', onCallerAbort);
    },
  };
}
