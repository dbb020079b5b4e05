import { z } from 'zod';

/** A cashier as the windows see one: never a PIN. */
export const cashierSchema = z
  .object({ id: z.string(), name: z.string(), role: z.enum(['cashier', 'manager']) })
  .strict();

const pin = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits');

/** Adding a cashier: a manager's id and PIN, unless the station has no cashier yet. */
export const addCashierSchema = z
  .object({
    name: z.string().trim().min(1).max(40),
    pin,
    role: z.enum(['cashier', 'manager']).default('cashier'),
    managerId: z.string().max(64).optional(),
    managerPin: pin.optional(),
  })
  .strict();

/** Signing in opens a shift with the cash float in the drawer (minor units). */
export const signInSchema = z
  .object({
    cashierId: z.string().min(1).max(64),
    pin,
    float: z.number().int().min(0).max(100_000_000),
  })
  .strict();

/** Closing the shift: the cash counted (minor units) and who takes over, if known. */
export const closeShiftSchema = z
  .object({
    counted: z.number().int().min(0).max(100_000_000),
    handedTo: z.string().trim().max(40).nullable().default(null),
    note: z.string().max(200).default(''),
    print: z.boolean().default(true),
  })
  .strict();

export const shiftSchema = z
  .object({
    id: z.string(),
    cashierId: z.string(),
    cashierName: z.string(),
    openedAt: z.number(),
    float: z.number().int(),
    takenFrom: z.object({ id: z.string(), cashierName: z.string() }).strict().nullable(),
    closedAt: z.number().nullable(),
    counted: z.number().int().nullable(),
    handedTo: z.string().nullable(),
    note: z.string(),
  })
  .strict();
export type ShiftView = z.infer<typeof shiftSchema>;

const group = z
  .object({ key: z.string(), count: z.number().int(), total: z.number().int() })
  .strict();
const countTotal = z.object({ count: z.number().int(), total: z.number().int() }).strict();

/** The handover report of a shift. */
export const shiftReportSchema = z
  .object({
    shift: shiftSchema,
    paid: countTotal,
    refunded: countTotal,
    net: z.number().int(),
    byMethod: z.array(group),
    byProvider: z.array(group),
    expectedCash: z.number().int(),
    countedCash: z.number().int().nullable(),
    difference: z.number().int().nullable(),
  })
  .strict();
export type ShiftReportView = z.infer<typeof shiftReportSchema>;

/** What the cashier window shows about who is on shift. */
export const shiftStateSchema = z
  .object({
    cashiers: z.array(cashierSchema),
    current: shiftSchema.nullable(),
  })
  .strict();
export type ShiftStateView = z.infer<typeof shiftStateSchema>;

/** Closing answers with the handover report and whether it printed (and if not, why). */
export const closeShiftResultSchema = z
  .object({
    report: shiftReportSchema,
    printed: z.boolean(),
    printError: z.string().nullable(),
  })
  .strict();
export type CloseShiftResult = z.infer<typeof closeShiftResultSchema>;
