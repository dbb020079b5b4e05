import { z } from 'zod';
import { faceCredentialSchema } from './face-credential';
import { paymentPlatformSchema } from './payment-code';

/** Payment methods the customer can pick on the display. */
export const paymentMethodSchema = z.enum(['code', 'face', 'proxy', 'qr']);
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

/** A JPEG/PNG image as a data URL, capped so one message stays small. */
const imageDataUrl = z
  .string()
  .max(2_000_000, 'image is too large (2 MB at most)')
  .regex(/^data:image\/(?:jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/, 'an image data URL');

/**
 * A face code from a payment provider's own face device: WeChat Pay's face SDK
 * (`getWxpayfaceCode`, face_code_type 1) gives an 18-digit code sent as micropay's `auth_code`;
 * Alipay's smile-to-pay SDK gives an ftoken sent to `alipay.trade.pay` with
 * `scene=security_code`. Only the station side (a provider SDK bridge) makes one; no window may.
 */
export const faceCodeCredentialSchema = z
  .object({
    kind: z.literal('face_code'),
    platform: z.enum(['wechat', 'alipay']),
    code: z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, '8–128 letters, digits, _ or -'),
  })
  .strict();
export type FaceCodeCredential = z.infer<typeof faceCodeCredentialSchema>;

/** The payment credential forwarded to the payment system with the order. */
export const credentialSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('payment_code'),
      code: z.string().regex(/^\d{16,24}$/),
      platform: paymentPlatformSchema,
    })
    .strict(),
  faceCredentialSchema,
  z
    .object({
      kind: z.literal('proxy'),
      proxyId: z.string().min(4).max(64),
      scenePhoto: imageDataUrl.optional(),
    })
    .strict(),
  // The payment system issues the QR token for the order (docs/payment-api.md): nothing to send.
  z.object({ kind: z.literal('merchant_qr') }).strict(),
  faceCodeCredentialSchema,
]);
export type Credential = z.infer<typeof credentialSchema>;

/**
 * What the payment system waits for while a payment is `user_paying`: the customer's password,
 * the proxy payer's confirmation, or a wallet scanning the merchant QR at `url`; `until` is when
 * it gives up (epoch ms), for the countdown on both screens.
 */
export const paymentActionSchema = z
  .object({
    kind: z.enum(['password', 'payer', 'scan']),
    until: z.number().int().nullable(),
    url: z.string().max(500).nullable(),
  })
  .strict();
export type PaymentAction = z.infer<typeof paymentActionSchema>;
