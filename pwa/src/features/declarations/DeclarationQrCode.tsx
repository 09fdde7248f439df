// The declaration QR, drawn as one SVG path. `uqr` is loaded with this screen only (its chunk
// is not in the first-screen bundle). Base45 text is QR "alphanumeric", which uqr picks itself.
import { encode } from 'uqr';

export function qrPath(text: string): { size: number; path: string } {
  const qr = encode(text, { ecc: 'M', border: 4 });
  let path = '';
  qr.data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    });
  });
  return { size: qr.size, path };
}

export default function DeclarationQrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = qrPath(text);
  return (
    <svg
      class="qr-code"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shape-rendering="crispEdges"
      data-testid="declaration-qr"
      data-credential={text}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
