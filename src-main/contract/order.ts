import { z } from 'zod';
import { currencySchema, minorUnitsSchema, quantitySchema } from './money';
import { plainTextSchema } from './plain-text';

const idSchema = z.string().min(1).max(64);

/** One order line as the legacy POS shows it. */
export const orderLineSchema = z
  .object({
    id: idSchema,
    name: plainTextSchema().trim().min(1, 'a line needs a name').max(120),
    quantity: quantitySchema,
    /** Unit price in minor units; null when the POS shows none (e.g. amount-only lines). */
    unitPrice: minorUnitsSchema.nullable(),
    amount: minorUnitsSchema,
    /**
     * A discount or tax the POS prints with the line itself ("With a 10% discount", a VAT
     * column inside the amount): amount = quantity × unit price + adjustment.amount. Negative
     * for a discount.
     */
    adjustment: z
      .object({ label: plainTextSchema().trim().min(1).max(80), amount: minorUnitsSchema })
      .strict()
      .optional(),
  })
  .strict();

/** What an adjustment does to the total: a discount lowers it, a surcharge (tax, service) raises it. */
export const adjustmentKindSchema = z.enum(['discount', 'surcharge']);
export type AdjustmentKind = z.infer<typeof adjustmentKindSchema>;

/**
 * A discount or surcharge line below the items (negative for discounts). `kind` is what the
 * cashier meant; an amount whose sign contradicts it is refused, so a discount can never raise
 * the total. Without `kind` (read off a POS screen) the sign decides, see `adjustmentKindOf`.
 */
export const adjustmentSchema = z
  .object({
    id: idSchema,
    label: plainTextSchema().trim().min(1, 'an adjustment needs a label').max(120),
    amount: minorUnitsSchema,
    kind: adjustmentKindSchema.optional(),
  })
  .strict()
  .refine((a) => !(a.kind === 'discount' && a.amount > 0), {
    message: 'a discount lowers the total: its amount cannot be positive',
    path: ['amount'],
  })
  .refine((a) => !(a.kind === 'surcharge' && a.amount < 0), {
    message: 'a surcharge raises the total: its amount cannot be negative',
    path: ['amount'],
  });

/** The kind of an adjustment: as declared, else by its sign (negative lowers the total). */
export function adjustmentKindOf(a: { amount: number; kind?: AdjustmentKind }): AdjustmentKind {
  return a.kind ?? (a.amount < 0 ? 'discount' : 'surcharge');
}

/** Where an order came from. */
export const orderSourceSchema = z.enum(['manual', 'ocr', 'pole']);

/** A doubtful cell found while reading or checking the order, shown to the cashier. */
export const reviewWarningSchema = z
  .object({
    /** Stable machine code, e.g. 'line_arithmetic', 'total_mismatch', 'low_confidence'. */
    code: z.string().min(1).max(64),
    message: z.string().min(1).max(500),
    /** The values in `message`, for a window that says the code in its own language. */
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    /** The cell in doubt, when there is one. */
    cell: z
      .object({
        kind: z.enum(['line', 'adjustment', 'total']),
        id: z.string().max(64).optional(),
        field: z.enum(['name', 'quantity', 'unitPrice', 'amount', 'label', 'total']).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** An order as the cashier edits it and the customer confirms it. */
export const orderSchema = z
  .object({
    id: idSchema,
    currency: currencySchema,
    lines: z.array(orderLineSchema).max(200),
    adjustments: z.array(adjustmentSchema).max(50),
    /** The total the POS asks for, in minor units. */
    total: minorUnitsSchema,
    source: orderSourceSchema,
    warnings: z.array(reviewWarningSchema).max(200).default([]),
  })
  .strict();

export type OrderLine = z.infer<typeof orderLineSchema>;
export type Adjustment = z.infer<typeof adjustmentSchema>;
export type OrderSource = z.infer<typeof orderSourceSchema>;
export type ReviewWarning = z.infer<typeof reviewWarningSchema>;
export type Order = z.infer<typeof orderSchema>;
