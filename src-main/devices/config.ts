import { z } from 'zod';

/** How a serial scanner ends each code; 'none' frames by an idle gap instead. */
export const serialSuffixSchema = z.enum(['CR', 'LF', 'CRLF', 'none']);
export type SerialSuffix = z.infer<typeof serialSuffixSchema>;

/** Keyboard layouts the HID keyboard decoder knows (the scanner's configured layout). */
export const keyboardLayoutSchema = z.enum(['us', 'de', 'fr']);
export type KeyboardLayoutName = z.infer<typeof keyboardLayoutSchema>;

const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, - and _ (at most 40)');

/** USB ids are written as numbers or "0x0c2e"-style hex strings in config.json. */
const usbIdSchema = z.union([
  z.number().int().min(0).max(0xffff),
  z
    .string()
    .regex(/^0x[0-9a-fA-F]{1,4}$/, 'a hex id such as 0x0c2e')
    .transform((s) => Number.parseInt(s.slice(2), 16)),
]);

export const serialDeviceSchema = z
  .object({
    id: idSchema,
    kind: z.literal('serial'),
    path: z.string().min(1),
    baudRate: z.number().int().min(110).max(4_000_000).default(9600),
    dataBits: z.union([z.literal(5), z.literal(6), z.literal(7), z.literal(8)]).default(8),
    parity: z.enum(['none', 'even', 'odd', 'mark', 'space']).default('none'),
    stopBits: z.union([z.literal(1), z.literal(1.5), z.literal(2)]).default(1),
    suffix: serialSuffixSchema.default('CR'),
    /** Gap that ends a code when suffix is 'none' (also drops a half code left behind). */
    idleMs: z.number().int().min(5).max(5000).default(50),
  })
  .strict();

const hidBase = {
  id: idSchema,
  vendorId: usbIdSchema,
  productId: usbIdSchema,
  /** How often to look for the device again after it is unplugged. */
  pollMs: z.number().int().min(100).max(60_000).default(1000),
};

export const hidPosDeviceSchema = z.object({ ...hidBase, kind: z.literal('hid-pos') }).strict();

export const hidKeyboardDeviceSchema = z
  .object({
    ...hidBase,
    kind: z.literal('hid-keyboard'),
    layout: keyboardLayoutSchema.default('us'),
  })
  .strict();

export const deviceSchema = z.discriminatedUnion('kind', [
  serialDeviceSchema,
  hidPosDeviceSchema,
  hidKeyboardDeviceSchema,
]);
export type DeviceConfig = z.infer<typeof deviceSchema>;
export type SerialDeviceConfig = z.infer<typeof serialDeviceSchema>;
export type HidPosDeviceConfig = z.infer<typeof hidPosDeviceSchema>;
export type HidKeyboardDeviceConfig = z.infer<typeof hidKeyboardDeviceSchema>;

/** The `devices` section of config.json: the scanners this station reads codes from. */
export const devicesConfigSchema = z
  .object({
    scanners: z
      .array(deviceSchema)
      .max(16)
      .default([])
      .refine((list) => new Set(list.map((d) => d.id)).size === list.length, {
        message: 'every device needs its own id',
      }),
  })
  .strict();
export type DevicesConfig = z.infer<typeof devicesConfigSchema>;
