import { systemClock, type Clock } from '../../lib/clock.js';
import { readBodyText, sendHttpRequest } from '../../lib/http-request.js';
import type { Alert, AlertSink } from './alert.js';
import { renderAlertBody } from './render-alert-body.js';

/** Posts one body to one sink; resolves with the HTTP status. */
export type AlertSender = (sink: AlertSink, body: string, signal: AbortSignal) => Promise<number>;

export interface AlertDispatcherOptions {
  sinks: readonly AlertSink[];
  clock?: Clock;
  /** The same alert (kind and subject) is not sent again within this window. Default 30 minutes. */
  repeatAfterInMs?: number;
  /** Each delivery gives up after this long. Default 5 s. */
  timeoutInMs?: number;
  /** Tries per sink for a delivery that fails with a network error or a 5xx/429. Default 3. */
  maxTries?: number;
  send?: AlertSender;
  /** Told about deliveries that failed for good; the message names the sink by origin only. */
  onError?: (error: unknown, message: string) => void;
}

export interface AlertDispatcher {
  /** Queues an alert unless the same one went out within the repeat window; returns whether it was queued. */
  emit(alert: Alert): boolean;
  /** Resolves when everything queued so far was delivered or given up on. */
  flush(): Promise<void>;
}

/**
 * Alert delivery off the request path: de-duplicated (an outage sends one alert, not one per failed
 * request), sent to every sink in order, retried with backoff, never throwing. Webhook URLs hold secrets
 * (Slack paths, Telegram bot tokens), so errors name sinks by origin only.
 * @example const alerts = createAlertDispatcher({ sinks }); alerts.emit({ kind: 'provider-offline', … });
 */
export function createAlertDispatcher(options: AlertDispatcherOptions): AlertDispatcher {
  const clock = options.clock ?? systemClock;
  const repeatAfterInMs = options.repeatAfterInMs ?? 30 * 60_000;
  const timeoutInMs = options.timeoutInMs ?? 5000;
  const maxTries = options.maxTries ?? 3;
  const send = options.send ?? postToSink;
  const report = options.onError ?? (() => undefined);
  const lastSentAt = new Map<string, number>();
  let chain: Promise<void> = Promise.resolve();

  async function deliver(alert: Alert, sink: AlertSink): Promise<void> {
    const body = renderAlertBody(alert, sink);
    for (let attempt = 1; attempt <= maxTries; attempt++) {
      let failure: unknown;
      try {
        const status = await send(sink, body, AbortSignal.timeout(timeoutInMs));
        if (status < 300) return;
        failure = new Error(`HTTP ${status}`);
        if (status !== 429 && status < 500) attempt = maxTries;
      } catch (error) {
        failure = error;
      }
      if (attempt >= maxTries) {
        report(failure, `the ${alert.kind} alert could not be delivered to ${describeSink(sink)}`);
        return;
      }
      await clock.sleep(500 * 2 ** (attempt - 1));
    }
  }

  return {
    emit(alert) {
      const key = `${alert.kind} ${alert.subject}`;
      const previous = lastSentAt.get(key);
      if (previous !== undefined && alert.at - previous < repeatAfterInMs) return false;
      lastSentAt.set(key, alert.at);
      chain = chain.then(() =>
        Promise.all(options.sinks.map((sink) => deliver(alert, sink))).then(() => undefined),
      );
      return true;
    },
    flush: () => chain,
  };
}

async function postToSink(sink: AlertSink, body: string, signal: AbortSignal): Promise<number> {
  const response = await sendHttpRequest({
    url: sink.url,
    headers: { 'content-type': 'application/json' },
    body,
    signal,
  });
  await readBodyText(response.body);
  return response.status;
}

/** A sink by format and origin: the path and query of webhook URLs are credentials. */
export function describeSink(sink: AlertSink): string {
  let origin = 'an invalid URL';
  try {
    origin = new URL(sink.url).origin;
  } catch {
    // Reported as such; config validation normally catches it first.
  }
  return `the ${sink.format} webhook at ${origin}`;
}
