import type { ComponentChildren } from 'preact';

/** A boxed message. The kind is also spelled out in words (never colour alone). */
export function Notice({
  kind = 'info',
  title,
  children,
  live,
}: {
  kind?: 'info' | 'success' | 'error';
  title?: string;
  children?: ComponentChildren;
  /** role=status/alert for messages that appear after an action. */
  live?: 'status' | 'alert';
}) {
  return (
    <div class={`notice notice--${kind}`} role={live}>
      {title && <p class="notice__title">{title}</p>}
      {children}
    </div>
  );
}
