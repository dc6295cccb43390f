import type { Alert, AlertSink } from './alert.js';

const icons = { critical: '🔴', warning: '🟠', info: '🟢' } as const;

/**
 * The body each sink expects: the alert itself as JSON (`{ source, alert }`), Slack's `{ text }`, or
 * Telegram's `{ chat_id, text }`. Slack and Telegram get one readable line; JSON keeps every detail.
 */
export function renderAlertBody(alert: Alert, sink: AlertSink): string {
  const line = `${icons[alert.severity]} Arbiter: ${alert.message}`;
  switch (sink.format) {
    case 'slack':
      return JSON.stringify({ text: line });
    case 'telegram':
      return JSON.stringify({ chat_id: sink.chatId, text: line, disable_web_page_preview: true });
    case 'json':
      return JSON.stringify({ source: 'arbiter', alert: { ...alert, at: new Date(alert.at).toISOString() } });
  }
}
