import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';

let firstScreen = true;

/**
 * The page's single h1. It sets document.title and, after a client-side navigation,
 * takes focus so screen-reader and keyboard users start at the new page's top.
 */
export function PageHeading({ children, title }: { children: ComponentChildren; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const suffix = t('app.titleSuffix');

  useEffect(() => {
    document.title = title === suffix ? title : `${title} — ${suffix}`;
  }, [title, suffix]);

  useEffect(() => {
    if (firstScreen) {
      firstScreen = false;
      return;
    }
    ref.current?.focus();
  }, []);

  return (
    <h1 ref={ref} tabIndex={-1} class="page-heading">
      {children}
    </h1>
  );
}
