import { createHash, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type Database from 'better-sqlite3';
import { enrolFace, faceEnrolmentSchema } from './face-routes';

const STYLE =
  'body{font:16px system-ui,sans-serif;max-width:420px;margin:1em auto}label{display:block;margin:.8em 0}' +
  'input{font-size:16px;width:100%}.ok{color:#070}.err{color:#b00}';

/** No script at all (the photo comes from a file input, which a phone opens as its camera). */
const CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res: ServerResponse, status: number, message?: { ok: boolean; text: string }): void {
  const note = message ? `<p class="${message.ok ? 'ok' : 'err'}">${esc(message.text)}</p>` : '';
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(`<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Face payment enrolment</title><style>${STYLE}</style></head><body><h1>Face payment enrolment</h1>${note}
<form method="post" action="/faces/enrol" enctype="multipart/form-data">
<label>Account <input name="account" required pattern="[A-Za-z0-9_-]{2,64}"></label>
<label>Wallet password <input name="password" type="password" required></label>
<label>Phone number <input name="phone" type="tel" required pattern="\\+?[0-9]{7,15}"></label>
<label>Your photo (one face) <input name="photo" type="file" accept="image/jpeg,image/png,image/webp" capture="user" required></label>
<button type="submit">Enrol my face</button></form>
<p>Only a face descriptor is kept, never the photo.</p></body></html>`);
}

/** The fields of a multipart/form-data body; files as their bytes and declared type. */
function parseMultipart(body: Buffer, contentType: string | undefined) {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType ?? '');
  const fields = new Map<string, { data: Buffer; type: string | null }>();
  if (!boundary) return fields;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length + 2;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const part = body.subarray(start, next - 2);
    const split = part.indexOf('\r\n\r\n');
    if (split > 0) {
      const head = part.subarray(0, split).toString('utf8');
      const name = /name="([^"]*)"/.exec(head)?.[1];
      const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? null;
      if (name) fields.set(name, { data: part.subarray(split + 4), type });
    }
    at = next;
  }
  return fields;
}

/**
 * `GET /faces/enrol` and its form's `POST`: the payment system's enrolment page, as a wallet app
 * would offer it. The holder proves the account with its password; the sandbox describes the
 * photo and keeps the descriptor only.
 */
export async function handleFaceEnrolPage(
  db: Database.Database,
  method: string,
  contentType: string | undefined,
  body: Buffer,
  now: number,
  res: ServerResponse,
): Promise<void> {
  if (method === 'GET') return page(res, 200);
  if (method !== 'POST') return page(res, 405, { ok: false, text: 'Use the form.' });
  const f = parseMultipart(body, contentType);
  const text = (name: string) => f.get(name)?.data.toString('utf8').trim() ?? '';
  const account = db.prepare('SELECT password FROM accounts WHERE id = ?').get(text('account')) as
    { password: string } | undefined;
  const given = Buffer.from(text('password'));
  const known = Buffer.from(account?.password ?? '');
  if (!account || given.length !== known.length || !timingSafeEqual(given, known))
    return page(res, 403, { ok: false, text: 'Unknown account or wrong password.' });
  const photo = f.get('photo');
  const type = /^image\/(jpeg|png|webp)$/.exec(photo?.type ?? '')?.[1];
  if (!photo || !type || photo.data.length === 0)
    return page(res, 400, { ok: false, text: 'Choose a JPEG, PNG or WebP photo.' });
  const parsed = faceEnrolmentSchema.safeParse({
    accountId: text('account'),
    phone: text('phone'),
    image: `data:image/${type};base64,${photo.data.toString('base64')}`,
  });
  if (!parsed.success)
    return page(res, 400, { ok: false, text: parsed.error.issues[0]?.message ?? 'Invalid form.' });
  const r = await enrolFace(db, parsed.data, now);
  if (!r.ok) return page(res, 422, { ok: false, text: r.message });
  page(res, 200, { ok: true, text: `Face enrolled for ${parsed.data.accountId}.` });
}
