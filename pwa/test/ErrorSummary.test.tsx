import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorSummary, summaryErrors } from '../src/components/ErrorSummary';
import { Field } from '../src/components/Field';
import { setLocale } from '../src/i18n';

describe('ErrorSummary', () => {
  let container: HTMLDivElement;

  beforeEach(async () => {
    await setLocale('en');
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
    localStorage.clear();
  });

  const errors = [
    { fieldId: 'passport-number', message: 'Enter your passport number' },
    { fieldId: 'arrival-date', message: 'Arrival date must be today or in the future' },
  ];

  function renderForm() {
    act(() => {
      render(
        <form>
          <ErrorSummary errors={errors} />
          <Field id="passport-number" label="Passport number" error="Enter your passport number" />
          <Field id="arrival-date" label="Arrival date" error="Arrival date must be today or in the future" />
        </form>,
        container,
      );
    });
  }

  it('takes focus when it appears, and is announced as an alert with a heading', () => {
    renderForm();

    const summary = container.querySelector('.error-summary');
    expect(summary).not.toBeNull();
    expect(document.activeElement).toBe(summary);
    expect(summary?.getAttribute('role')).toBe('alert');
    expect(summary?.querySelector('h2')?.textContent).toBe('There is a problem');
  });

  it('links each message to its field', () => {
    renderForm();

    const links = [...container.querySelectorAll<HTMLAnchorElement>('.error-summary a')];
    expect(links.map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['#passport-number', 'Enter your passport number'],
      ['#arrival-date', 'Arrival date must be today or in the future'],
    ]);
  });

  it('moves focus to the field when a link is followed', () => {
    renderForm();

    act(() => {
      container.querySelector<HTMLAnchorElement>('a[href="#arrival-date"]')?.click();
    });

    expect(document.activeElement).toBe(document.getElementById('arrival-date'));
  });

  it('renders nothing and leaves focus alone when there are no errors', () => {
    const before = document.activeElement;
    act(() => {
      render(<ErrorSummary errors={[]} />, container);
    });

    expect(container.querySelector('.error-summary')).toBeNull();
    expect(document.activeElement).toBe(before);
  });
});

describe('Field', () => {
  it('describes the input by its error message', () => {
    const container = document.createElement('div');
    act(() => {
      render(<Field id="name" label="Name" hint="As on your passport" error="Enter your name" />, container);
    });

    const input = container.querySelector('input');
    expect(input?.getAttribute('aria-describedby')).toBe('name-hint name-error');
    expect(input?.getAttribute('aria-invalid')).toBe('true');
    expect(container.querySelector('label')?.getAttribute('for')).toBe('name');
  });
});

describe('summaryErrors', () => {
  const fieldId = (path: string | null | undefined) => `id-${path ?? 'none'}`;

  it('lists every problem of a ValidationError, each linked to its field', () => {
    const refused = {
      field: 'input.title',
      message: 'first',
      errors: [
        { field: 'input.title', message: 'Enter a title' },
        { field: 'input.body', message: 'Enter a message' },
      ],
    };
    expect(summaryErrors(refused, fieldId)).toEqual([
      { fieldId: 'id-input.title', message: 'Enter a title' },
      { fieldId: 'id-input.body', message: 'Enter a message' },
    ]);
  });

  it('falls back to the single problem when the list is empty', () => {
    expect(summaryErrors({ field: null, message: 'Not valid', errors: [] }, fieldId)).toEqual([
      { fieldId: 'id-none', message: 'Not valid' },
    ]);
  });
});
