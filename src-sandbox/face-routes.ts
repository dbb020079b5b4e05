import type { ServerResponse } from 'node:http';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { faceDescriptorSchema } from '../src-main/contract/face-credential';
import { describeFaceImage } from './face-descriptor';
import { faceIndexOf } from './face-index';
import { describeIssue, sendError, sendJson } from './http-util';

const imageDataUrl = z
  .string()
  .max(2_800_000)
  .regex(/^data:image\/(?:jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/, 'an image data URL');

/** An enrolment: a descriptor computed elsewhere, or an image the sandbox describes itself. */
export const faceEnrolmentSchema = z
  .object({
    accountId: z.string().regex(/^[A-Za-z0-9_-]{2,64}$/),
    /** The account holder's phone number; its last 4 digits settle look-alike faces. */
    phone: z.string().regex(/^\+?\d{7,15}$/, 'a phone number, 7–15 digits'),
    descriptor: faceDescriptorSchema.optional(),
    image: imageDataUrl.optional(),
  })
  .strict()
  .refine((e) => (e.descriptor === undefined) !== (e.image === undefined), {
    message: 'give either descriptor or image',
  });
export type FaceEnrolment = z.infer<typeof faceEnrolmentSchema>;

/** Stores the face of an enrolment for its account (replacing any earlier one). */
export async function enrolFace(
  db: Database.Database,
  e: FaceEnrolment,
  now: number,
): Promise<{ ok: true } | { ok: false; code: string; message: string }> {
  const exists = db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(e.accountId);
  if (!exists) return { ok: false, code: 'not_found', message: `no account ${e.accountId}` };
  let descriptor = e.descriptor;
  if (!descriptor) {
    const bytes = Buffer.from(e.image!.slice(e.image!.indexOf(',') + 1), 'base64');
    const d = await describeFaceImage(bytes);
    if (!d.ok) return { ok: false, code: d.reason, message: d.message };
    descriptor = d.descriptor;
  }
  faceIndexOf(db).enrol(e.accountId, e.phone, descriptor, now);
  return { ok: true };
}

/** `POST /admin/faces`: enrol a face for an account (JSON body, admin token already checked). */
export function handleFaceEnrolRoute(
  db: Database.Database,
  body: unknown,
  now: number,
  res: ServerResponse,
): void {
  const parsed = faceEnrolmentSchema.safeParse(body);
  if (!parsed.success)
    return sendError(res, 400, 'invalid_request', describeIssue(parsed.error.issues));
  void enrolFace(db, parsed.data, now).then(
    (r) =>
      r.ok
        ? sendJson(res, 200, { enrolled: true, accountId: parsed.data.accountId })
        : sendError(res, r.code === 'not_found' ? 404 : 422, r.code, r.message),
    (error: unknown) => sendError(res, 500, 'internal', String(error)),
  );
}
