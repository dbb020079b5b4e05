import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { formatMinor } from '../src-main/contract/money';
import type { GoodsLine } from '../src-main/payment-api/api-schema';
import type { ProxyRequestView, QrView } from './customer-actions';

const STYLE =
  'body{font:16px system-ui,sans-serif;max-width:440px;margin:1em auto;padding:0 8px}' +
  'img{max-width:100%}table{width:100%;border-collapse:collapse}td{padding:2px 4px}' +
  '.num{text-align:right}.card{border:2px solid #0b6bcb;padding:8px;margin:1em 0}' +
  '.status{font-weight:bold}';

/** No scripts; images only as data: URLs; the one style pinned by its hash; forms post back here. */
export const PHONE_CSP = [
  "default-src 'none'",
  'img-src data:',
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The order's lines as a table (name, quantity, unit price, amount). */
export function goodsTable(goods: GoodsLine[], currency: string): string {
  if (goods.length === 0) return '<p>(no lines sent)</p>';
  const rows = goods
    .map(
      (g) =>
        `<tr><td>${esc(g.name)}</td><td class="num">${esc(g.quantity)}</td>` +
        `<td class="num">${g.unitPrice === null ? '' : esc(formatMinor(g.unitPrice, currency))}</td>` +
        `<td class="num">${esc(formatMinor(g.amount, currency))}</td></tr>`,
    )
    .join('');
  return `<table aria-label="order lines"><tr><th>Item</th><th>Qty</th><th>Price</th><th>Amount</th></tr>${rows}</table>`;
}

/**
 * The verification picture a proxy payer receives: the scene photo, the order's lines and the
 * one-time code, drawn as one SVG image (so it travels as a picture, as an MMS would).
 */
export function verificationPicture(r: ProxyRequestView): string {
  const t = (x: number, y: number, text: string, size = 14, anchor = 'start') =>
    `<text x="${x}" y="${y}" font-size="${size}" text-anchor="${anchor}" font-family="sans-serif">${esc(text)}</text>`;
  const lines = r.goods.slice(0, 12);
  const top = r.scenePhoto ? 200 : 20;
  const photo = r.scenePhoto
    ? `<image href="${esc(r.scenePhoto)}" x="10" y="10" width="380" height="180" preserveAspectRatio="xMidYMid meet"/>`
    : '';
  const body = lines
    .map(
      (g, i) =>
        t(14, top + 24 + i * 20, `${g.name} × ${g.quantity}`) +
        t(386, top + 24 + i * 20, formatMinor(g.amount, r.currency), 14, 'end'),
    )
    .join('');
  const y = top + 24 + lines.length * 20;
  const height = y + 80;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="${height}" viewBox="0 0 400 ${height}">` +
    `<rect width="400" height="${height}" fill="#fff"/>${photo}${body}` +
    t(14, y + 10, `Total ${formatMinor(r.amount, r.currency)} ${r.currency} at ${r.merchant}`, 15) +
    t(200, y + 56, `Code ${r.code}`, 30, 'middle') +
    '</svg>';
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head><body>
<h1>${esc(title)}</h1>
${body}
</body></html>
`;

const secs = (until: number, now: number) => Math.max(0, Math.round((until - now) / 1000));

/** The proxy payer's phone: each request waiting for them, its picture and the code form. */
export function renderPayerPage(
  accountId: string,
  requests: ProxyRequestView[],
  now: number,
  message?: string,
): string {
  const id = encodeURIComponent(accountId);
  const cards = requests
    .map(
      (r) => `<form class="card" method="post" action="/proxy/${id}/answer">
<p>Someone using your proxy ID ${esc(r.proxyId)} asks you to pay <strong>${esc(formatMinor(r.amount, r.currency))} ${esc(r.currency)}</strong> (${secs(r.until, now)} s left).</p>
<img alt="verification picture" src="${verificationPicture(r)}">
${goodsTable(r.goods, r.currency)}
<input type="hidden" name="payment" value="${esc(r.paymentId)}">
<label>Code from the picture <input name="code" inputmode="numeric" autocomplete="off"></label>
<button name="action" value="confirm">Confirm and pay</button> <button name="action" value="decline">Decline</button>
</form>`,
    )
    .join('\n');
  return page(
    'Proxy payment requests',
    `${message ? `<p role="status" class="status">${esc(message)}</p>` : ''}
${cards || '<p>No request is waiting for you.</p>'}`,
  );
}

/** A wallet that opened a merchant QR's address: the order, and pay with a wallet and password. */
export function renderQrPage(
  v: QrView,
  wallets: { id: string; name: string }[],
  now: number,
  message?: string,
): string {
  const head = `${message ? `<p role="status" class="status">${esc(message)}</p>` : ''}
<p>${esc(v.merchant)} asks for <strong>${esc(formatMinor(v.amount, v.currency))} ${esc(v.currency)}</strong></p>
${goodsTable(v.goods, v.currency)}`;
  if (v.state === 'expired')
    return page('Pay the store', `${head}<p role="alert">This QR code has expired.</p>`);
  if (v.state === 'used')
    return page(
      'Pay the store',
      `${head}${message ? '' : '<p role="alert">This QR code was already used.</p>'}`,
    );
  const options = wallets
    .map((w) => `<option value="${esc(w.id)}">${esc(w.name)}</option>`)
    .join('');
  return page(
    'Pay the store',
    `${head}<p>Valid for ${secs(v.until, now)} s.</p>
<form class="card" method="post" action="/qr/${encodeURIComponent(v.token)}">
<label>Wallet <select name="wallet">${options}</select></label>
<label>Password <input name="password" type="password" inputmode="numeric" autocomplete="off"></label>
<button>Pay</button>
</form>`,
  );
}

/** The payment system's binding page: bind a wallet to the store once, for password-free payments. */
export function renderBindPage(merchant: string, message?: string, done = false): string {
  const form = done
    ? ''
    : `<form class="card" method="post" action="/bind/${encodeURIComponent(merchant)}">
<p>Bind your wallet to <strong>${esc(merchant)}</strong>: later payments there up to the limit need no password.</p>
<label>Wallet account <input name="wallet" autocomplete="off"></label><br>
<label>Phone number <input name="phone" inputmode="numeric" autocomplete="off"></label><br>
<label>Limit per payment <input name="limit" inputmode="decimal" value="1000.00"></label><br>
<label><input type="checkbox" name="agree" value="yes"> I agree to password-free payments at this store up to the limit</label><br>
<label>Password <input name="password" type="password" inputmode="numeric" autocomplete="off"></label><br>
<button>Bind</button>
</form>`;
  return page(
    'Bind your wallet',
    `${message ? `<p role="status" class="status">${esc(message)}</p>` : ''}${form}`,
  );
}

/** Sends a phone page with the headers every sandbox page carries. */
export function sendPage(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': PHONE_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(html);
}
