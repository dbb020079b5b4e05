import { z } from 'zod';

const baudRate = z
  .number()
  .int()
  .refine((b) => [9600, 19200, 38400, 57600, 115200].includes(b), 'a standard baud rate')
  .default(9600);

/** Where the printer is: raw TCP (port 9100), a serial port, or a USB printer's device file. */
export const printerConnectionSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('tcp'),
      host: z.string().min(1),
      port: z.number().int().min(1).max(65535).default(9100),
    })
    .strict(),
  z.object({ type: z.literal('serial'), path: z.string().min(1), baudRate }).strict(),
  z
    .object({
      type: z.literal('usb'),
      /** The printer-class device file, e.g. /dev/usb/lp0 (Linux usblp driver). */
      path: z.string().min(1),
    })
    .strict(),
]);
export type PrinterConnection = z.infer<typeof printerConnectionSchema>;

/** The `printer` section of config.json: the receipt printer (ESC/POS). */
export const printerConfigSchema = z
  .object({
    enabled: z.boolean().default(false),
    connection: printerConnectionSchema.nullable().default(null),
    /** Paper roll width in mm: 58 (32 columns) or 80 (48 columns). */
    paper: z.union([z.literal(58), z.literal(80)]).default(80),
    /** gb18030 for Chinese printers (GB18030/GBK font), ascii for printers without one. */
    encoding: z.enum(['gb18030', 'ascii']).default('gb18030'),
    /** Language of the receipt's labels; null: the customer display's language. */
    language: z.enum(['en', 'zh-CN']).nullable().default(null),
    /** How the payment reference is printed for scanning back. */
    code: z.enum(['qr', 'barcode', 'none']).default('qr'),
    /** Print a receipt after every payment and refund on its own (else only on request). */
    autoPrint: z.boolean().default(true),
    /** Ask the printer for paper and online state (DLE EOT) before each job. */
    statusQuery: z.boolean().default(true),
    /** Milliseconds to connect, answer a status request or take the bytes. */
    timeoutMs: z.number().int().min(200).max(60_000).default(4000),
  })
  .strict()
  .refine((p) => !p.enabled || p.connection !== null, {
    message: 'an enabled printer needs a connection (tcp, serial or usb)',
    path: ['connection'],
  });

export type PrinterConfig = z.infer<typeof printerConfigSchema>;
