import type { PaymentMethod } from '../src-main/contract/credential';

/**
 * The payment-method icons, drawn as SVG in the app itself: a symbol font may lack a glyph
 * (the scan-to-pay icon rendered as a missing-glyph box on a tablet), a path cannot.
 */
const PATHS: Record<PaymentMethod, string> = {
  // A barcode: the payment code shown to the scanner.
  code: 'M4 5v14M7 5v14M10 5v14M14 5v14M16 5v14M20 5v14',
  // A face in a viewfinder.
  face: 'M4 8V5a1 1 0 0 1 1-1h3M16 4h3a1 1 0 0 1 1 1v3M20 16v3a1 1 0 0 1-1 1h-3M8 20H5a1 1 0 0 1-1-1v-3M9 10v1M15 10v1M9 15c1.7 1.3 4.3 1.3 6 0',
  // Two arrows: someone else pays.
  proxy: 'M4 8h14l-4-4M20 16H6l4 4',
  // A QR code's three finder squares and a dot.
  qr: 'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 18h2v2h-2zM14 18h2M18 14h2',
};

/** One method's icon, sized by the surrounding text (1em). */
export function MethodIcon({ method }: { method: PaymentMethod }) {
  return (
    <svg
      className="method-svg"
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      aria-hidden="true"
      data-icon={method}
    >
      <path
        d={PATHS[method]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
