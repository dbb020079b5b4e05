import { toDataURL, type QrImageOptions } from 'qrcode/lib/browser';
import { useEffect, useState } from 'react';

/** A QR code of `text` as a data: URL, drawn in the window (no network). */
export function qrDataUrl(text: string, options: QrImageOptions): Promise<string> {
  return toDataURL(text, { margin: 1, ...options });
}

/** The QR image of `text` (null while drawing, without text, or if it cannot be drawn). */
export function useQrImage(text: string | null, options: QrImageOptions): string | null {
  const [image, setImage] = useState<string | null>(null);
  const { width, errorCorrectionLevel } = options;
  useEffect(() => {
    let live = true;
    if (text)
      qrDataUrl(text, { width, errorCorrectionLevel })
        .then((url) => live && setImage(url))
        .catch(() => live && setImage(null));
    return () => {
      live = false;
    };
  }, [text, width, errorCorrectionLevel]);
  return image;
}
