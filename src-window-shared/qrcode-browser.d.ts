// The part of qrcode's browser build the windows use. @types/qrcode describes the Node build
// (files, streams) and would pull Node's types into the windows' DOM-only type-check.
declare module 'qrcode/lib/browser' {
  export interface QrImageOptions {
    margin?: number;
    width?: number;
    errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
  }
  export function toDataURL(text: string, options?: QrImageOptions): Promise<string>;
}
