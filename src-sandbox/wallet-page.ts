import { createHash } from 'node:crypto';
import bwipjs from 'bwip-js/node';
import QRCode from 'qrcode';
import { formatMinor } from '../src-main/contract/money';
import type { PaymentPlatform } from '../src-main/contract/payment-code';
import type { GoodsLine } from '../src-main/payment-api/api-schema';
import { goodsTable } from './phone-pages';

const STYLE =
  'body{font:16px system-ui,sans-serif;max-width:420px;margin:1em auto;text-align:center}' +
  'img{max-width:100%}.code{font:20px monospace;letter-spacing:2px}.pending{border:2px solid #c60;padding:8px;margin:1em 0}';

/**
 * The page's Content-Security-Policy: no scripts at all, images only as data: URLs, the one
 * inline style pinned by its hash, forms post only back here, and no framing.
 */
export const WALLET_CSP = [
  "default-src 'none'",
  'img-src data:',
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const PLATFORM_NAMES: Record<PaymentPlatform, string> = {
  wechat: 'WeChat Pay',
  alipay: 'Alipay',
  unionpay: 'UnionPay',
};

export interface WalletView {
  accountId: string;
  name: string;
  platform: PaymentPlatform;
  balance: number;
  code: string;
  expiresInSeconds: number;
  pending: { paymentId: string; amount: number; currency: string; goods?: GoodsLine[] }[];
  /** Stores this wallet is bound to (password-free up to the limit). */
  bindings?: { bindingId: string; merchant: string; maxAmount: number; memberCode: string }[];
  message?: string;
}

/**
 * Renders the wallet as a phone would show it: the current single-use payment code as
 * Code 128 barcode and QR code, refreshed by the browser when it expires (meta refresh, no
 * script), and a password form for each payment waiting for the customer.
 */
export async function renderWalletPage(v: WalletView): Promise<string> {
  const barcode = bwipjs.toSVG({ bcid: 'code128', text: v.code, height: 14, includetext: false });
  const qr = await QRCode.toString(v.code, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const dataUrl = (svg: string) =>
    `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const id = encodeURIComponent(v.accountId);
  const pending = v.pending
    .map(
      (p) => `<form class="pending" method="post" action="/wallet/${id}/confirm">
<p>Pay <strong>${esc(formatMinor(p.amount, p.currency))} ${esc(p.currency)}</strong>?</p>
${p.goods?.length ? goodsTable(p.goods, p.currency) : ''}
<input type="hidden" name="payment" value="${esc(p.paymentId)}">
<label>Password <input name="password" type="password" inputmode="numeric" autocomplete="off"></label>
<button name="action" value="pay">Pay</button> <button name="action" value="cancel">Cancel</button>
</form>`,
    )
    .join('\n');
  const bindings = (v.bindings ?? [])
    .map(
      (b) => `<form method="post" action="/wallet/${id}/unbind">
<p>Bound to ${esc(b.merchant)}: no password up to ${esc(formatMinor(b.maxAmount))}
<input type="hidden" name="binding" value="${esc(b.bindingId)}"> <button>Remove binding</button></p>
</form>
<section aria-label="Member code for ${esc(b.merchant)}"><p>Member code for ${esc(b.merchant)} (show it at this store only)</p>
<img alt="member code barcode for ${esc(b.merchant)}" src="${dataUrl(bwipjs.toSVG({ bcid: 'code128', text: b.memberCode, height: 10, includetext: false }))}">
<p class="code" data-member-code="${esc(b.memberCode)}">${esc(b.memberCode.replace(/(\d{4})(?=\d)/g, '$1 '))}</p></section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="refresh" content="${Math.max(1, v.expiresInSeconds)}">
<title>${esc(PLATFORM_NAMES[v.platform])} — ${esc(v.name)}</title>
<style>${STYLE}</style></head><body>
<h1>${esc(PLATFORM_NAMES[v.platform])}</h1>
<p>${esc(v.name)} · balance ${esc(formatMinor(v.balance))}</p>
${v.message ? `<p role="status">${esc(v.message)}</p>` : ''}
${pending}
${bindings}
<img alt="payment code barcode" src="${dataUrl(barcode)}">
<p class="code" data-code="${esc(v.code)}">${esc(v.code.replace(/(\d{4})(?=\d)/g, '$1 '))}</p>
<img alt="payment code QR" width="220" height="220" src="${dataUrl(qr)}">
<p>Single use; a new code in ${v.expiresInSeconds} s.</p>
</body></html>
`;
}
