/** A text with the stretches a search matched wrapped in <mark> (ranges from the server). */
export function HelpHighlighted({ text, ranges }: { text: string; ranges: readonly { start: number; length: number }[] }) {
  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  for (const { start, length } of ranges) {
    if (start < at || start + length > text.length) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark>{text.slice(start, start + length)}</mark>);
    at = start + length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
