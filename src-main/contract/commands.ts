import { z } from 'zod';
import { checkoutSnapshotSchema } from './checkout';
import { credentialSchema, paymentMethodSchema } from './credential';
import {
  capturedImageSchema,
  deviceHealthSchema,
  devicePortsSchema,
  displayInfoSchema,
  regionSchema,
  testScanSchema,
} from './hardware';
import { adjustmentSchema, orderLineSchema } from './order';
import { currencySchema } from './money';
import { paymentResolvedSchema, paymentsStatusSchema } from './payments-status';
import { hqLinkSchema } from './hq-link';
import { plainTextSchema } from './plain-text';
import {
  itemReportSchema,
  reprintSchema,
  shiftItemReportSchema,
  storeDevicesSchema,
  captureDevicesSchema,
  providerStatusSchema,
  cameraReportSchema,
  cameraStatusSchema,
} from './store-ops';
import {
  addCashierSchema,
  closeShiftResultSchema,
  closeShiftSchema,
  shiftReportSchema,
  shiftStateSchema,
  signInSchema,
} from './shifts';
import {
  attemptRowSchema,
  dayReportSchema,
  paymentOrderSchema,
  daySchema,
  historyQuerySchema,
  reconciliationSchema,
  refundRequestSchema,
  storeBindingSchema,
  refundRowSchema,
} from './payments';

/** The two window roles. A window may call only the commands of its role. */
export const roleSchema = z.enum(['cashier', 'customer']);
export type Role = z.infer<typeof roleSchema>;

export const languageSchema = z.enum(['en', 'zh-CN']);
export type Language = z.infer<typeof languageSchema>;

/** An order as the cashier submits it; main assigns the id when absent and checks the numbers. */
export const orderDraftSchema = z
  .object({
    id: z.string().min(1).max(64).optional(),
    lines: z.array(orderLineSchema).max(200),
    adjustments: z.array(adjustmentSchema).max(50).default([]),
    total: orderLineSchema.shape.amount,
  })
  .strict();
export type OrderDraft = z.input<typeof orderDraftSchema>;

const empty = z.object({}).strict();
const revisionInput = z.object({ revision: z.number().int().nonnegative() }).strict();

export const stationInfoSchema = z
  .object({
    role: roleSchema,
    storeName: z.string(),
    storeMessage: z.string(),
    currency: currencySchema,
    language: languageSchema,
    /** The locale whose way the cashier window reads and writes amounts (decimal comma or point). */
    numberLocale: z.string().max(35),
    methods: z.array(paymentMethodSchema),
    /** Seconds a result (paid, failed, cancelled) stays on the customer display before idle. */
    resultSeconds: z.number().int().positive(),
    /** The global capture hotkey as an Electron accelerator, e.g. CommandOrControl+Shift+O. */
    captureHotkey: z.string(),
    /** The payment system's page where a customer binds a wallet to this store, when it has one. */
    bindUrl: z.string().nullable().optional(),
    version: z.string(),
  })
  .strict();
export type StationInfo = z.infer<typeof stationInfoSchema>;

export const pairingCodeSchema = z
  .object({
    code: z.string().regex(/^\d{6}$/),
    expiresAt: z.number().int(),
    /** Where a tablet opens the customer display; null when the station serves no LAN display. */
    url: z.string().nullable(),
  })
  .strict();
export type PairingCode = z.infer<typeof pairingCodeSchema>;

/** A customer display that paired with this station (its token is never shown, only an id). */
export const pairedDisplaySchema = z
  .object({
    id: z.string().regex(/^[0-9a-f]{12}$/),
    name: z.string(),
    pairedAt: z.number().int(),
  })
  .strict();
export type PairedDisplay = z.infer<typeof pairedDisplaySchema>;

const snapshot = checkoutSnapshotSchema;

/**
 * Every command of the contract: its input and output schemas and the roles allowed to call it.
 * Main validates input against `input` and refuses a role not in `roles`, whatever the transport.
 */
export const commands = {
  'station.info': { roles: ['cashier', 'customer'], input: empty, output: stationInfoSchema },
  'checkout.get': { roles: ['cashier', 'customer'], input: empty, output: snapshot },
  /** Can payments be taken now, and if not why (also pushed as the `payments.status` event). */
  'payments.status': {
    roles: ['cashier', 'customer'],
    input: empty,
    output: paymentsStatusSchema,
  },
  // Cashier
  /** The link to headquarters: last sync, entries waiting (also pushed as `hq.status`). */
  'hq.status': { roles: ['cashier'], input: empty, output: hqLinkSchema },
  'order.submit': {
    roles: ['cashier'],
    input: z.object({ order: orderDraftSchema }).strict(),
    output: snapshot,
  },
  'checkout.send': {
    roles: ['cashier'],
    input: z
      .object({
        revision: z.number().int().nonnegative(),
        acceptWarnings: z.boolean().default(false),
      })
      .strict(),
    output: snapshot,
  },
  'checkout.cancel': {
    roles: ['cashier'],
    input: z.object({ reason: z.string().max(200).optional() }).strict(),
    output: snapshot,
  },
  'checkout.reopen': { roles: ['cashier'], input: empty, output: snapshot },
  'checkout.reset': { roles: ['cashier'], input: empty, output: snapshot },
  'pairing.create': { roles: ['cashier'], input: empty, output: pairingCodeSchema },
  'displays.list': { roles: ['cashier'], input: empty, output: z.array(pairedDisplaySchema) },
  /** Unpairs a display: its token is refused from now on and its open connections are closed. */
  'displays.revoke': {
    roles: ['cashier'],
    input: z.object({ id: pairedDisplaySchema.shape.id }).strict(),
    output: z.array(pairedDisplaySchema),
  },
  /** Capture the calibrated region, read the order off it, and put it in review. */
  'capture.read': { roles: ['cashier'], input: empty, output: snapshot },
  'capture.displays': { roles: ['cashier'], input: empty, output: z.array(displayInfoSchema) },
  /** A whole display (calibration's frozen image) or a region of it (live preview). */
  'capture.preview': {
    roles: ['cashier'],
    input: z
      .object({ display: z.number().int().min(0).max(15), region: regionSchema.optional() })
      .strict(),
    output: capturedImageSchema,
  },
  'capture.setRegion': {
    roles: ['cashier'],
    input: z.object({ region: regionSchema }).strict(),
    output: regionSchema,
  },
  'capture.getRegion': { roles: ['cashier'], input: empty, output: regionSchema.nullable() },
  'devices.health': { roles: ['cashier'], input: empty, output: z.array(deviceHealthSchema) },
  'devices.ports': { roles: ['cashier'], input: empty, output: devicePortsSchema },
  /** Waits for the next code from one scanner (settings' "test scan"). */
  'devices.testScan': {
    roles: ['cashier'],
    input: z
      .object({
        deviceId: z.string().min(1).max(64),
        timeoutMs: z.number().int().min(1000).max(60_000).default(15_000),
      })
      .strict(),
    output: testScanSchema,
  },
  /**
   * A credential for the checkout collecting one: the customer display sends face and proxy
   * credentials; the cashier may type a payment code when the scanner fails.
   */
  /** A code read by a keyboard-wedge scanner in a window (the window tells bursts from typing). */
  'scan.submit': {
    roles: ['cashier', 'customer'],
    input: z.object({ raw: z.string().max(128) }).strict(),
    output: snapshot,
  },
  'payments.history': {
    roles: ['cashier'],
    input: historyQuerySchema,
    output: z.array(attemptRowSchema),
  },
  'payments.refund': { roles: ['cashier'], input: refundRequestSchema, output: refundRowSchema },
  /** The items of the order a payment was for, for its details in the back office. */
  'payments.order': {
    roles: ['cashier'],
    input: z.object({ attemptId: z.string().min(1).max(64) }).strict(),
    output: paymentOrderSchema,
  },
  /** Wallets bound to this store at the payment system, and the store ending one. */
  'bindings.list': { roles: ['cashier'], input: empty, output: z.array(storeBindingSchema) },
  'bindings.remove': {
    roles: ['cashier'],
    input: z.object({ bindingId: z.string().min(1).max(64) }).strict(),
    output: z.array(storeBindingSchema),
  },
  'reports.day': {
    roles: ['cashier'],
    input: z.object({ date: daySchema }).strict(),
    output: dayReportSchema,
  },
  'reports.reconcile': {
    roles: ['cashier'],
    input: z.object({ date: daySchema }).strict(),
    output: reconciliationSchema,
  },
  /** Sales by item for a day (name, quantity, amount), with its CSV. */
  'reports.items': {
    roles: ['cashier'],
    input: z.object({ date: daySchema }).strict(),
    output: itemReportSchema,
  },
  /** Sales by item for one shift, with its CSV. */
  'reports.shiftItems': {
    roles: ['cashier'],
    input: z.object({ shiftId: z.string().min(1).max(64) }).strict(),
    output: shiftItemReportSchema,
  },
  /** Prints the day's sales by item on the receipt printer. */
  'reports.printItems': {
    roles: ['cashier'],
    input: z.object({ date: daySchema }).strict(),
    output: storeDevicesSchema,
  },
  /** Receipt printer and voice: state and last error (also pushed as `devices.store`). */
  'devices.store': { roles: ['cashier'], input: empty, output: storeDevicesSchema },
  /** Asks the printer for its paper and online state now. */
  'printer.check': { roles: ['cashier'], input: empty, output: storeDevicesSchema },
  /** Prints a payment's (or one of its refunds') receipt again. */
  'printer.reprint': { roles: ['cashier'], input: reprintSchema, output: storeDevicesSchema },
  /** Says a sample amount with the configured voice (the device panel's test). */
  'voice.test': { roles: ['cashier'], input: empty, output: storeDevicesSchema },
  /** Pole-display tap and screen capture: state and last error each. */
  'devices.capture': { roles: ['cashier'], input: empty, output: captureDevicesSchema },
  /** Closes and reopens the pole-display port(s) and reports whether they opened. */
  'pole.check': { roles: ['cashier'], input: empty, output: captureDevicesSchema },
  /** Grabs the calibrated region once and reports its size and how long it took. */
  'capture.test': { roles: ['cashier'], input: empty, output: captureDevicesSchema },
  /** The customer display's camera, as the face screen found it (available, refused, missing). */
  'camera.report': { roles: ['customer'], input: cameraReportSchema, output: empty },
  /** The display's last camera report, for the device panel. */
  'devices.camera': { roles: ['cashier'], input: empty, output: cameraStatusSchema },
  /** The configured real payment providers: credentials, clock skew, last call. */
  'devices.providers': {
    roles: ['cashier'],
    input: empty,
    output: z.array(providerStatusSchema),
  },
  /** What `countersign provider check` does: load the credential files again, ask the clock. */
  'providers.check': {
    roles: ['cashier'],
    input: empty,
    output: z.array(providerStatusSchema),
  },
  /** The station's cashiers and the open shift (also pushed as `shift.state`). */
  'shift.state': { roles: ['cashier'], input: empty, output: shiftStateSchema },
  /** Adds a cashier (a manager's PIN, unless the station has none yet). */
  'cashiers.add': { roles: ['cashier'], input: addCashierSchema, output: shiftStateSchema },
  /** A cashier signs in with their PIN: a shift opens with the float in the drawer. */
  'shift.signIn': { roles: ['cashier'], input: signInSchema, output: shiftStateSchema },
  /** Closes the open shift with the cash count; prints the handover report. */
  'shift.close': { roles: ['cashier'], input: closeShiftSchema, output: closeShiftResultSchema },
  /** The handover report of a shift. */
  'reports.shift': {
    roles: ['cashier'],
    input: z.object({ shiftId: z.string().min(1).max(64) }).strict(),
    output: shiftReportSchema,
  },
  'credential.submit': {
    roles: ['cashier', 'customer'],
    input: z.object({ credential: credentialSchema }).strict(),
    output: snapshot,
  },
  // Customer
  'checkout.confirm': { roles: ['customer'], input: revisionInput, output: snapshot },
  'checkout.dispute': {
    roles: ['customer'],
    input: z
      .object({
        revision: z.number().int().nonnegative(),
        lineIds: z.array(z.string().min(1).max(64)).max(200).default([]),
        adjustmentIds: z.array(z.string().min(1).max(64)).max(50).default([]),
        note: plainTextSchema().max(300).default(''),
      })
      .strict()
      .refine((d) => d.lineIds.length + d.adjustmentIds.length > 0 || d.note.trim().length > 0, {
        message: 'say which lines look wrong, or add a note',
      }),
    output: snapshot,
  },
  'checkout.chooseMethod': {
    roles: ['customer'],
    input: z.object({ method: paymentMethodSchema }).strict(),
    output: snapshot,
  },
  /** The customer goes back from a payment method to the choice (before any credential). */
  'checkout.changeMethod': { roles: ['customer'], input: empty, output: snapshot },
  /** After a failed payment, the customer (or the cashier for them) pays the same order another way. */
  'checkout.payAnotherWay': { roles: ['cashier', 'customer'], input: empty, output: snapshot },
  /**
   * Split payment: how much the next payment charges (null: all that is left), for an amount over
   * a method's or an account's per-payment limit. The cashier or the customer sets it.
   */
  'checkout.setPart': {
    roles: ['cashier', 'customer'],
    input: z.object({ amount: z.number().int().positive().nullable() }).strict(),
    output: snapshot,
  },
  'checkout.activity': { roles: ['customer'], input: empty, output: snapshot },
} as const satisfies Record<
  string,
  { roles: readonly Role[]; input: z.ZodType; output: z.ZodType }
>;

export type CommandName = keyof typeof commands;
export type CommandInput<C extends CommandName> = z.input<(typeof commands)[C]['input']>;
export type CommandArgs<C extends CommandName> = z.output<(typeof commands)[C]['input']>;
export type CommandOutput<C extends CommandName> = z.output<(typeof commands)[C]['output']>;
/** The commands a role may call, as a type. */
export type RoleCommand<R extends Role> = {
  [C in CommandName]: R extends (typeof commands)[C]['roles'][number] ? C : never;
}[CommandName];

/** Names of the commands a role may call, for preloads and dispatchers. */
export function commandsFor(role: Role): CommandName[] {
  return (Object.keys(commands) as CommandName[]).filter((name) =>
    (commands[name].roles as readonly Role[]).includes(role),
  );
}

/** Events main pushes to windows. */
export const events = {
  'checkout.snapshot': snapshot,
  'devices.health': z.array(deviceHealthSchema),
  'payments.status': paymentsStatusSchema,
  /** A payment left open by a restart or a full disk was resolved (for the cashier window). */
  'payments.resolved': paymentResolvedSchema,
  'devices.store': storeDevicesSchema,
  'shift.state': shiftStateSchema,
  'hq.status': hqLinkSchema,
  /** The station's info changed while running (settings pushed by HQ); each window keeps its role. */
  'station.info': stationInfoSchema.omit({ role: true }),
} as const satisfies Record<string, z.ZodType>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
