import { isHttpUrl, type EnvReader } from './env-reader.js';

/** Where operator alerts go and how often the same one may repeat. */
export interface AlertsConfig {
  sinks: Array<
    | { format: 'json'; url: string }
    | { format: 'slack'; url: string }
    | { format: 'telegram'; url: string; chatId: string }
  >;
  /** The same alert is not re-sent within this window (`ALERT_REPEAT_MINUTES`, default 30). */
  repeatAfterInMs: number;
  /** Shares of a budget (0..1] that raise an alert when crossed (`ALERT_BUDGET_THRESHOLDS`, default 0.8,1). */
  budgetThresholds: number[];
  /** Webhook URLs and bot tokens, so they are redacted like keys. */
  secrets: string[];
}

/**
 * `ALERT_WEBHOOK_URLS` (generic JSON, comma-separated), `SLACK_WEBHOOK_URL`, `TELEGRAM_BOT_TOKEN` with
 * `TELEGRAM_CHAT_ID` (and `TELEGRAM_API_URL`, default https://api.telegram.org), `ALERT_REPEAT_MINUTES`,
 * `ALERT_BUDGET_THRESHOLDS`.
 */
export function readAlertsConfig(reader: EnvReader): AlertsConfig {
  const sinks: AlertsConfig['sinks'] = [];
  const secrets: string[] = [];
  for (const url of reader.list('ALERT_WEBHOOK_URLS')) {
    if (isHttpUrl(url)) {
      sinks.push({ format: 'json', url });
      secrets.push(...webhookSecrets(url));
    } else
      reader.issues.push({
        path: 'ALERT_WEBHOOK_URLS',
        message: `"${hideSecret(url)}" is not an http(s) URL`,
      });
  }
  const slack = reader.url('SLACK_WEBHOOK_URL');
  if (slack !== undefined) {
    sinks.push({ format: 'slack', url: slack });
    secrets.push(...webhookSecrets(slack));
  }
  const botToken = reader.string('TELEGRAM_BOT_TOKEN');
  const chatId = reader.string('TELEGRAM_CHAT_ID');
  if (botToken !== undefined || chatId !== undefined) {
    if (botToken === undefined || chatId === undefined) {
      reader.issues.push({
        path: botToken === undefined ? 'TELEGRAM_BOT_TOKEN' : 'TELEGRAM_CHAT_ID',
        message: 'Telegram alerts need both TELEGRAM_BOT_TOKEN and TELEGRAM_CHAT_ID',
      });
    } else {
      const base = reader.url('TELEGRAM_API_URL') ?? 'https://api.telegram.org';
      sinks.push({ format: 'telegram', url: `${base}/bot${botToken}/sendMessage`, chatId });
      secrets.push(botToken);
    }
  }
  const thresholds = reader.list('ALERT_BUDGET_THRESHOLDS').map(Number);
  if (thresholds.some((value) => !(value > 0 && value <= 1))) {
    reader.issues.push({
      path: 'ALERT_BUDGET_THRESHOLDS',
      message: `"${reader.string('ALERT_BUDGET_THRESHOLDS')}" must be fractions of the budget in (0, 1], e.g. 0.8,1`,
    });
  }
  return {
    sinks,
    repeatAfterInMs: (reader.number(['ALERT_REPEAT_MINUTES'], { min: 0, max: 24 * 60 }) ?? 30) * 60_000,
    budgetThresholds: thresholds.length > 0 ? [...new Set(thresholds)].sort((a, b) => a - b) : [0.8, 1],
    secrets,
  };
}

/** A bad webhook value is reported without most of it: it may be a secret pasted in the wrong place. */
function hideSecret(value: string): string {
  return value.length <= 8 ? value : `${value.slice(0, 8)}…`;
}

/**
 * A webhook URL as secrets: whole, and its path with the query, which is the credential in Slack's and
 * most other webhooks (it shows up alone in proxy errors and logs). Short paths like `/alerts` are not
 * secrets and would only blank out ordinary words.
 */
function webhookSecrets(url: string): string[] {
  const { pathname, search } = new URL(url);
  const path = pathname + search;
  return path.length >= 12 ? [url, path] : [url];
}
