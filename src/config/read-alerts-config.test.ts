import { describe, expect, it } from 'vitest';
import { EnvReader } from './env-reader.js';
import { readAlertsConfig } from './read-alerts-config.js';

describe('readAlertsConfig', () => {
  it('has no sinks and sensible defaults when nothing is set', () => {
    const reader = new EnvReader({});
    expect(readAlertsConfig(reader)).toEqual({
      sinks: [],
      repeatAfterInMs: 30 * 60_000,
      budgetThresholds: [0.8, 1],
      secrets: [],
    });
    expect(reader.issues).toEqual([]);
  });

  it('reads JSON, Slack and Telegram sinks and keeps their secrets for redaction', () => {
    const reader = new EnvReader({
      ALERT_WEBHOOK_URLS: 'https://ops.example/hook, http://127.0.0.1:9/alerts',
      SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T1/B2/xyz',
      TELEGRAM_BOT_TOKEN: '123:abc',
      TELEGRAM_CHAT_ID: '-100',
      ALERT_REPEAT_MINUTES: '5',
      ALERT_BUDGET_THRESHOLDS: '1,0.5,0.9',
    });
    const config = readAlertsConfig(reader);
    expect(reader.issues).toEqual([]);
    expect(config.sinks).toEqual([
      { format: 'json', url: 'https://ops.example/hook' },
      { format: 'json', url: 'http://127.0.0.1:9/alerts' },
      { format: 'slack', url: 'https://hooks.slack.com/services/T1/B2/xyz' },
      { format: 'telegram', url: 'https://api.telegram.org/bot123:abc/sendMessage', chatId: '-100' },
    ]);
    expect(config.repeatAfterInMs).toBe(300_000);
    expect(config.budgetThresholds).toEqual([0.5, 0.9, 1]);
    expect(config.secrets).toContain('123:abc');
  });

  it('names each bad setting without echoing a secret', () => {
    const reader = new EnvReader({
      ALERT_WEBHOOK_URLS: 'not-a-url-but-maybe-a-secret',
      TELEGRAM_BOT_TOKEN: '123:abc',
      ALERT_BUDGET_THRESHOLDS: '80',
    });
    readAlertsConfig(reader);
    expect(reader.issues).toEqual([
      { path: 'ALERT_WEBHOOK_URLS', message: '"not-a-ur…" is not an http(s) URL' },
      {
        path: 'TELEGRAM_CHAT_ID',
        message: 'Telegram alerts need both TELEGRAM_BOT_TOKEN and TELEGRAM_CHAT_ID',
      },
      {
        path: 'ALERT_BUDGET_THRESHOLDS',
        message: '"80" must be fractions of the budget in (0, 1], e.g. 0.8,1',
      },
    ]);
  });
});
