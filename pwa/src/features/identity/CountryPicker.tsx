import { useRef, useState } from 'preact/hooks';
import { locale } from '../../i18n/locale';
import { identityMessages, ti } from './identityMessages';
import { countryName, resolveCountry, searchCountries, type Overrides } from './countries';

/** The service's own names for a few places (Hong Kong, Macao, Taiwan), from the catalogues. */
export const countryOverrides: Overrides = (code, target) => {
  const key = `country.${code}`;
  return identityMessages.has(key) ? identityMessages.in(target, key) : undefined;
};

/**
 * A searchable country picker (the WAI-ARIA combobox pattern with a list of suggestions):
 * people type a name in their language, in English or Chinese, or the code on their document,
 * and choose from at most eight matches with a tap or the arrow keys and Enter. The form keeps
 * the ISO alpha-3 code; the field shows the name in the person's language.
 */
export function CountryPicker({
  id,
  label,
  hint,
  error,
  value,
  readOnly = false,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  /** Read from a scanned passport: shown, not chosen. */
  readOnly?: boolean;
  onChange: (code: string) => void;
}) {
  const target = locale.value;
  const [text, setText] = useState<string | null>(null); // null: not editing, show the value's name
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const picked = useRef(false);
  const shown = text ?? (value ? countryName(value, target, countryOverrides) : '');
  const matches = text ? searchCountries(text, target, countryOverrides) : [];
  const expanded = open && !readOnly && matches.length > 0;
  const listId = `${id}-list`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;

  function choose(code: string) {
    picked.current = true;
    onChange(code);
    setText(null);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(0);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + matches.length) % matches.length);
    } else if (event.key === 'Enter' && expanded) {
      event.preventDefault(); // choosing, not submitting the form
      const match = matches[active];
      if (match) choose(match.code);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
    }
  }

  function onBlur() {
    setOpen(false);
    if (picked.current || text === null) {
      picked.current = false;
      return;
    }
    // Leaving the field: a full name or code counts; so does the only match left.
    const only = matches.length === 1 ? matches[0]?.code : undefined;
    const code = resolveCountry(text, target, countryOverrides) || only || '';
    onChange(code);
    setText(code ? null : text);
  }

  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {hint && (
        <p class="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field__error" id={errorId}>
          {error}
        </p>
      )}
      <div class="combobox">
        <input
          id={id}
          class="field__input"
          type="text"
          role="combobox"
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={expanded ? listId : undefined}
          aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          value={shown}
          readOnly={readOnly}
          onFocus={() => setOpen(true)}
          onInput={(e) => {
            const next = e.currentTarget.value;
            setText(next);
            setOpen(true);
            setActive(0);
            onChange(resolveCountry(next, target, countryOverrides));
          }}
          onKeyDown={onKeyDown}
          onBlur={onBlur}
        />
        {expanded && (
          <ul class="combobox__list" id={listId} role="listbox" aria-label={ti('country.suggestions')}>
            {matches.map((country, i) => (
              <li
                key={country.code}
                id={`${listId}-${i}`}
                role="option"
                class={i === active ? 'combobox__option combobox__option--active' : 'combobox__option'}
                aria-selected={i === active}
                // mousedown, not click: it comes before the input's blur, which would close the list.
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(country.code);
                }}
              >
                {countryName(country.code, target, countryOverrides)}{' '}
                <span class="combobox__code" lang="en">
                  {country.code}
                </span>
              </li>
            ))}
          </ul>
        )}
        {open && text && matches.length === 0 && <p class="field__hint combobox__none">{ti('country.none')}</p>}
        <p class="visually-hidden" role="status">
          {open && text && matches.length > 0 ? ti('country.matches', { count: matches.length }) : ''}
        </p>
      </div>
    </div>
  );
}
