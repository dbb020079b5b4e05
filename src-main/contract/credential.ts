import { z } from 'zod';
import { paymentPlatformSchema } from './payment-code';

/** Payment methods the customer can pick on the display. */
export const paymentMethodSchema = z.enum(['code', 'face', 'proxy', 'qr']);
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

/** A JPEG/PNG image as a data URL, capped so one message stays small. */
const imageDataUrl = z
  .string()
  .max(2_000_000, 'image is too large (2 MB at most)')
  .regex(/^data:image\/(?:jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/, 'an image data URL');

/** The payment credential forwarded to the payment system with the order. */
export const credentialSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('payment_code'),
      code: z.string().regex(/^\d{16,24}$/),
      platform: paymentPlatformSchema,
    })
    .strict(),
  z.object({ kind: z.literal('face'), image: imageDataUrl }).strict(),
  z
    .object({
      kind: z.literal('proxy'),
      proxyId: z.string().min(4).max(64),
      scenePhoto: imageDataUrl.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('merchant_qr'), token: z.string().min(8).max(128) }).strict(),
]);
export type Credential = z.infer<typeof credentialSchema>;
