import type { ComponentChildren } from 'preact';

export interface NoticeProps {
  tone: 'error' | 'info' | 'success';
  children: ComponentChildren;
}

/**
 * A message in the page's flow. Errors are `role="alert"` (read out at once); other notices are a
 * polite live region, so a confirmation is heard without moving the focus.
 */
export function Notice({ tone, children }: NoticeProps) {
  return (
    <div class={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
