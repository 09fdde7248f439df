// The booking QR, drawn with the declaration screen's `uqr` path builder (one generator in the
// app); loaded lazily with the booking screen only.
import { qrPath } from '../declarations/DeclarationQrCode';

export default function AppointmentsQrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = qrPath(text);
  return (
    <svg
      class="qr-code"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      shape-rendering="crispEdges"
      data-testid="booking-qr"
      data-credential={text}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
