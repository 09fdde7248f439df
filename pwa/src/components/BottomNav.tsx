import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';

export interface NavItem {
  href: string;
  label: string;
  icon: ComponentChildren;
}

function isCurrent(path: string, href: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

/** Bottom bar on phones, side rail on wide screens (CSS decides). */
export function BottomNav({ items, label }: { items: readonly NavItem[]; label: string }) {
  const { path } = useLocation();
  return (
    <nav class="bottom-nav" aria-label={label}>
      <ul class="bottom-nav__list">
        {items.map((item) => (
          <li key={item.href}>
            <a
              class="bottom-nav__link"
              href={item.href}
              aria-current={isCurrent(path, item.href) ? 'page' : undefined}
            >
              <span class="bottom-nav__icon" aria-hidden="true">
                {item.icon}
              </span>
              <span class="bottom-nav__label">{item.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
