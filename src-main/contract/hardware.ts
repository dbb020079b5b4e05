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

/** Ports and devices a scanner could be on, for the settings screen. */
export const devicePortsSchema = z
  .object({
    serial: z.array(
      z
        .object({
          path: z.string(),
          manufacturer: z.string().nullable(),
          vendorId: z.string().nullable(),
          productId: z.string().nullable(),
        })
        .strict(),
    ),
    hid: z.array(
      z
        .object({
          vendorId: z.number().int(),
          productId: z.number().int(),
          product: z.string().nullable(),
          manufacturer: z.string().nullable(),
          usagePage: z.number().int().nullable(),
        })
        .strict(),
    ),
    /** Why a list could not be read (e.g. no libusb), per kind. */
    errors: z.array(z.string()),
  })
  .strict();
export type DevicePorts = z.infer<typeof devicePortsSchema>;

/** The settings screen's "test scan" readout: what the scanner sent and what it would pay with. */
export const testScanSchema = z
  .object({
    deviceId: z.string(),
    /** The code with all but its last four characters masked. */
    masked: z.string(),
    length: z.number().int(),
    valid: z.boolean(),
    platform: z.enum(['wechat', 'alipay', 'unionpay']).nullable(),
    error: z.string().nullable(),
  })
  .strict();
export type TestScan = z.infer<typeof testScanSchema>;
