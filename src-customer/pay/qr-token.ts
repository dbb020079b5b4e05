/** What the merchant QR code encodes; the payment system knows the prefix. */
export const QR_PREFIX = 'countersign-qr:';

/**
 * A fresh single-use token for the merchant-presented QR: 16 random bytes as hex (32 chars,
 * within the contract's 8–128). `fill` is crypto.getRandomValues; a parameter so tests can
 * pass Node's webcrypto.
 */
export function newQrToken(fill: (bytes: Uint8Array<ArrayBuffer>) => unknown): string {
  const bytes = new Uint8Array(16);
  fill(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The text the QR code carries for a token. */
export function qrPayload(token: string): string {
  return `${QR_PREFIX}${token}`;
}
