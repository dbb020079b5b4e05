import { z } from 'zod';

/** Length of the face descriptor `@vladmandic/human`'s description model (faceres) computes. */
export const FACE_DESCRIPTOR_LENGTH = 1024;

/**
 * A face descriptor: exactly FACE_DESCRIPTOR_LENGTH finite numbers. faceres values stay well
 * inside ±10; the bound keeps a crafted array from skewing the payment system's distances.
 */
export const faceDescriptorSchema = z
  .array(z.number().finite().min(-10).max(10))
  .length(FACE_DESCRIPTOR_LENGTH, `a face descriptor is ${FACE_DESCRIPTOR_LENGTH} numbers`);
export type FaceDescriptor = z.infer<typeof faceDescriptorSchema>;

/** The last 4 digits of the account's phone number, asked only when two accounts look alike. */
export const phoneLast4Schema = z.string().regex(/^\d{4}$/, '4 digits');

/**
 * A face credential: the descriptor computed on the customer display, never the picture, so no
 * face image leaves the display (the station keeps only the outcome and a hash).
 */
export const faceCredentialSchema = z
  .object({
    kind: z.literal('face'),
    descriptor: faceDescriptorSchema,
    phoneLast4: phoneLast4Schema.optional(),
  })
  .strict();
export type FaceCredential = z.infer<typeof faceCredentialSchema>;
