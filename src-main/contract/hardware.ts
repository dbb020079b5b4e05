import { z } from 'zod';

/** A screen rectangle in the display's physical pixels (what capture grabs). */
export const regionSchema = z
  .object({
    display: z.number().int().min(0).max(15),
    x: z.number().int().min(0).max(32767),
    y: z.number().int().min(0).max(32767),
    width: z.number().int().min(8, 'the region is too small to hold an order').max(16384),
    height: z.number().int().min(8, 'the region is too small to hold an order').max(16384),
  })
  .strict();
export type Region = z.infer<typeof regionSchema>;

/** A display the POS may be on. */
export const displayInfoSchema = z
  .object({
    index: z.number().int(),
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int(),
    height: z.number().int(),
    primary: z.boolean(),
    scaleFactor: z.number(),
  })
  .strict();
export type DisplayInfo = z.infer<typeof displayInfoSchema>;

/** A captured image for the calibration screen or the region preview. */
export const capturedImageSchema = z
  .object({
    image: z.string().regex(/^data:image\/png;base64,/),
    width: z.number().int(),
    height: z.number().int(),
  })
  .strict();
export type CapturedImage = z.infer<typeof capturedImageSchema>;

/** One scanner as the cashier's device panel shows it. */
export const deviceHealthSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['serial', 'hid-pos', 'hid-keyboard']),
    connected: z.boolean(),
    lastScanAt: z.number().int().nullable(),
    lastError: z.string().nullable(),
    /** The last raw scan, masked to its last four characters. */
    lastScan: z.string().nullable(),
  })
  .strict();
export type DeviceHealthRow = z.infer<typeof deviceHealthSchema>;
