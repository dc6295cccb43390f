import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/support/create-fake-clock.js';
import type { Alert, AlertSink } from './alert.js';
import { createAlertDispatcher, describeSink } from './create-alert-dispatcher.js';

const alert: Alert = {
  kind: 'provider-offline',
  subject: 'groq',
  message: 'provider groq is offline',
  at: 1_000_000,
  severity: 'critical',
};
const sinks: AlertSink[] = [
  { format: 'json', url: 'http://127.0.0.1:1/hook' },
  { format: 'slack', url: 'https://hooks.slack.example/services/T000/B000/secretpath' },
  { format: 'telegram', url: 'https://api.telegram.example/bot123:secret/sendMessage', chatId: '-42' },
];

describe('createAlertDispatcher', () => {
  it('renders each sink its own body and drops repeats inside the window', async () => {
    const sent: Array<{ format: string; body: unknown }> = [];
    const dispatcher = createAlertDispatcher({
      sinks,
      repeatAfterInMs: 60_000,
      send: async (sink, body) => {
        sent.push({ format: sink.format, body: JSON.parse(body) });
        return 200;
      },
    });
    expect(dispatcher.emit(alert)).toBe(true);
    expect(dispatcher.emit({ ...alert, at: alert.at + 59_000 })).toBe(false);
    expect(
      dispatcher.emit({ ...alert, kind: 'provider-recovered', severity: 'info', at: alert.at + 1 }),
    ).toBe(true);
    expect(dispatcher.emit({ ...alert, at: alert.at + 61_000 })).toBe(true);
    await dispatcher.flush();
    expect(sent).toHaveLength(9);
    expect(sent[0]).toEqual({
      format: 'json',
      body: { source: 'arbiter', alert: { ...alert, at: new Date(alert.at).toISOString() } },
    });
    expect(sent[1]).toEqual({ format: 'slack', body: { text: '🔴 Arbiter: provider groq is offline' } });
    expect(sent[2]?.body).toMatchObject({ chat_id: '-42', text: '🔴 Arbiter: provider groq is offline' });
  });

  it('retries a failing sink with backoff, then reports it by origin only', async () => {
    const clock = createFakeClock();
    const errors: string[] = [];
    let calls = 0;
    const dispatcher = createAlertDispatcher({
      sinks: [sinks[1] as AlertSink],
      clock,
      send: async () => {
        calls++;
        return 503;
      },
      onError: (_error, message) => errors.push(message),
    });
    dispatcher.emit(alert);
    const done = dispatcher.flush();
    // Each retry sleeps only after the failed send settles, so let it settle before moving time on.
    for (const backoff of [500, 1000]) {
      await new Promise((resolve) => setImmediate(resolve));
      await clock.advance(backoff);
    }
    await done;
    expect(calls).toBe(3);
    expect(errors).toEqual([
      'the provider-offline alert could not be delivered to the slack webhook at https://hooks.slack.example',
    ]);
    expect(errors.join()).not.toContain('secretpath');
  });

  it('does not retry a sink that refuses the request', async () => {
    let calls = 0;
    const errors: string[] = [];
    const dispatcher = createAlertDispatcher({
      sinks: [sinks[0] as AlertSink],
      send: async () => {
        calls++;
        return 400;
      },
      onError: (_error, message) => errors.push(message),
    });
    dispatcher.emit(alert);
    await dispatcher.flush();
    expect(calls).toBe(1);
    expect(errors).toHaveLength(1);
  });

  it('describes a sink without its secret path', () => {
    expect(describeSink(sinks[2] as AlertSink)).toBe('the telegram webhook at https://api.telegram.example');
  });
});
