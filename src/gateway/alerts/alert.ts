/** What an alert is about. Outages and recoveries pair up; budget alerts fire once per threshold and window. */
export type AlertKind =
  'provider-offline' | 'provider-recovered' | 'provider-keys-failed' | 'budget-threshold';

/** One operator alert, as every webhook format renders it. */
export interface Alert {
  kind: AlertKind;
  /** What the alert is about, also its de-duplication key with `kind`: a provider name, `key:<id>`, `plan:<name>`. */
  subject: string;
  /** One human sentence, without secrets. */
  message: string;
  /** Unix ms. */
  at: number;
  severity: 'critical' | 'warning' | 'info';
  /** Extra facts for machines (target ids, thresholds, spent amounts). */
  details?: Readonly<Record<string, string | number | boolean>>;
}

/** Where alerts go: a generic JSON webhook, a Slack incoming webhook, or a Telegram bot's sendMessage. */
export type AlertSink =
  | { format: 'json'; url: string }
  | { format: 'slack'; url: string }
  | { format: 'telegram'; url: string; chatId: string };
