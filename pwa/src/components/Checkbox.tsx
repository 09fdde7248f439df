/** One checkbox with its label and an optional hint, as a 44 px touch target. */
export function Checkbox({
  id,
  label,
  hint,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div class="checkbox">
      <input id={id} type="checkbox" checked={checked} aria-describedby={hintId} onChange={(e) => onChange(e.currentTarget.checked)} />
      <div>
        <label for={id}>{label}</label>
        {hint && (
          <p class="field__hint" id={hintId}>
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
