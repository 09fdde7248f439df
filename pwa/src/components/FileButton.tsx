/**
 * A file or camera input that looks and reads like the app's buttons: a 44 px target with the
 * app's own words (the browser's "Choose file" is 30 px tall and in the browser's language).
 * The native input stays in the page, focusable and named by the label, so keyboards, screen
 * readers and automation use it as before.
 */
export function FileButton({
  id,
  label,
  accept,
  capture,
  describedBy,
  variant = 'secondary',
  onPick,
}: {
  id: string;
  label: string;
  accept: string;
  capture?: 'environment' | 'user';
  describedBy?: string;
  variant?: 'primary' | 'secondary';
  onPick: (input: HTMLInputElement) => void;
}) {
  return (
    <span class="file-button">
      <input
        id={id}
        class="file-button__input"
        type="file"
        accept={accept}
        capture={capture}
        aria-describedby={describedBy}
        onChange={(e) => onPick(e.currentTarget)}
      />
      <label class={`button button--${variant} file-button__label`} for={id}>
        {label}
      </label>
    </span>
  );
}
