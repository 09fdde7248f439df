import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { CountryPicker } from './CountryPicker';

let root: HTMLDivElement;

function mount(initial = '') {
  root = document.createElement('div');
  document.body.append(root);
  const chosen: string[] = [];
  act(() => {
    render(
      <CountryPicker id="nationality" label="Nationality" value={initial} onChange={(code) => chosen.push(code)} />,
      root,
    );
  });
  const input = root.querySelector('input') as HTMLInputElement;
  return { input, chosen };
}

function type(input: HTMLInputElement, text: string) {
  act(() => {
    input.focus();
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function key(input: HTMLInputElement, name: string) {
  act(() => {
    input.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
  });
}

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('the country picker', () => {
  it('is a combobox that lists matches as options while typing', () => {
    const { input } = mount();
    expect(input.getAttribute('role')).toBe('combobox');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    type(input, 'germ');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const options = [...root.querySelectorAll('[role="option"]')];
    expect(options[0]?.textContent).toContain('Germany');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]?.id);
  });

  it('chooses with the arrow keys and Enter, keeping the code and showing the name', () => {
    const { input, chosen } = mount();
    type(input, 'united');
    const names = [...root.querySelectorAll('[role="option"]')].map((o) => o.textContent ?? '');
    key(input, 'ArrowDown');
    key(input, 'Enter');
    const picked = chosen.at(-1) ?? '';
    expect(picked).toMatch(/^[A-Z]{3}$/);
    expect(names[1]).toContain(picked);
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('chooses with a tap (mousedown) before the field loses focus', () => {
    const { input, chosen } = mount();
    type(input, 'japan');
    const option = root.querySelector('[role="option"]') as HTMLElement;
    act(() => {
      option.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    });
    expect(chosen.at(-1)).toBe('JPN');
  });

  it('says so when nothing matches, and keeps nothing as the answer', () => {
    const { input, chosen } = mount();
    type(input, 'Atlantis');
    expect(root.textContent).toContain('No country or region matches');
    act(() => input.blur());
    expect(chosen.at(-1)).toBe('');
  });

  it('shows a chosen code as its name', () => {
    const { input } = mount('FRA');
    expect(input.value).toBe('France');
  });
});
