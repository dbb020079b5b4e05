import { z } from 'zod';

/** The `pole` section of config.json: the legacy POS's customer pole display on a serial port. */
export const poleConfigSchema = z
  .object({
    enabled: z.boolean().default(false),
    /** Serial port the POS writes to, e.g. /dev/ttyUSB0 or COM3. */
    port: z.string().min(1).nullable().default(null),
    baudRate: z
      .number()
      .int()
      .refine(
        (b) => [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200].includes(b),
        'a standard baud rate',
      )
      .default(2400),
    protocol: z.enum(['esc-qa', 'plain']).default('esc-qa'),
    /** Second port wired to the real pole display: every byte is passed through unchanged. */
    passThroughPort: z.string().min(1).nullable().default(null),
  })
  .strict();

export type PoleConfig = z.infer<typeof poleConfigSchema>;
