import { render } from 'preact';
import { act } from 'preact/test-utils';
import { LocationProvider } from 'preact-iso';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LanguageSwitcher } from '../src/components/LanguageSwitcher';
import { ShellNav } from '../src/features/shell/ShellNav';
import { locale, setLocale } from '../src/i18n';

describe('switching language', () => {
  const container = document.createElement('div');
  afterEach(() => {
    render(null, container);
    localStorage.clear();
  });

  it('re-renders visible text in the chosen language', async () => {
    await setLocale('en');
    act(() => {
      render(
        <LocationProvider>
          <LanguageSwitcher />
          <ShellNav />
        </LocationProvider>,
        container,
      );
    });
    expect(container.querySelector('nav')?.textContent).toContain('Appointments');

    const select = container.querySelector('select') as HTMLSelectElement;
    act(() => {
      select.value = 'zh-Hant';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });

    // The Traditional Chinese words are fetched first (only the chosen language is loaded).
    await vi.waitFor(() => expect(locale.value).toBe('zh-Hant'));
    await act(() => Promise.resolve());
    expect(container.querySelector('nav')?.textContent).toContain('預約');
    expect(container.querySelector('nav')?.getAttribute('aria-label')).toBe('主導覽');
  });
});
