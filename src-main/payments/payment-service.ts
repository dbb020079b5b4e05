import { createHash } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { credentialSchema, type Credential, type PaymentMethod } from '../contract/credential';
import { chargeAmountSchema } from '../contract/money';
import { orderSchema, type Order } from '../contract/order';
import { classifyPaymentCode } from '../contract/payment-code';
import type { Ledger } from '../ledger/open-ledger';
import type { Attempt, LedgerError, Refund, LedgerResult } from '../ledger/types';
import type { GoodsLine } from '../payment-api/api-schema';
import {
  driveAttempt,
  outcomeOf,
  type FinalOutcome,
  type ProgressListener,
} from './attempt-driver';
import { systemClock, type SleepClock } from '../lib/clock';
import { paymentLimitsSchema, type PaymentLimits, type PaymentsConfig } from './config';
import type { ProviderRegistry } from './gateway';
import { createLedgerGuard, isLedgerWriteError, LedgerUnavailableError } from './ledger-guard';
import { resendRefund } from './refund-flow';

export type { FinalOutcome, ProgressListener } from './attempt-driver';

export interface PaymentServiceOptions {
  ledger: Ledger;
  /**
   * Routing and the time limits the service starts with (`reconfigure` changes the limits);
   * `timeoutMs` absent: each gateway's own request timeout.
   */
  config: Pick<PaymentsConfig, 'routing' | 'queryIntervalMs' | 'deadlineMs' | 'reverseRetryMs'> &
    Partial<Pick<PaymentsConfig, 'timeoutMs'>>;
  providers: ProviderRegistry;
  clock?: SleepClock;
  onProgress?: ProgressListener;
  /** Why no new payment may start now on a route (its payment system does not answer), or null. */
  gate?: (route?: string) => string | null;
  /** Each attempt resumeOpenAttempts resolved (after a restart or once a full disk has room). */
  onResolved?: (outcome: FinalOutcome) => void;
  /** The ledger stopped taking writes (a reason) or takes them again (null). */
  onLedgerFault?: (fault: string | null) => void;
  /** How often a ledger that failed a write is tried again (default 2 s). */
  ledgerRetryMs?: number;
}

/** The time limits an attempt runs under (`timeoutMs` absent: the gateway's own). */
export type TimeLimits = Readonly<Omit<PaymentServiceOptions['config'], 'routing'>>;

/** The station's payment orchestration, as the checkout and the CLI call it. */
export interface PaymentService {
  /**
   * Charges an order once, or one part of it (`amount` below the total: a split payment);
   * resolves only with a final outcome (or rejects if closed meanwhile).
   */
  pay(order: unknown, credential: unknown, amount?: number): Promise<FinalOutcome>;
  /** Refunds part or all of a paid attempt, never beyond what was paid. */
  refund(
    attemptId: string,
    amount: number,
    reason: string,
  ): Promise<
    LedgerResult<
      Refund,
      LedgerError | { code: 'refund_pending' | 'refund_refused'; message: string }
    >
  >;
  /** Resolves every attempt and refund left open (crash, power cut): call once at start-up. */
  resumeOpenAttempts(): Promise<FinalOutcome[]>;
  /** Why new payments are refused right now (ledger or payment system), or null. */
  blockedReason(): string | null;
  /**
   * New time limits (pushed by HQ) for every attempt and refund started from now on; one under
   * way keeps those it started with. Limits that fail the config's schema change nothing.
   */
  reconfigure(limits: PaymentLimits): { ok: true } | { ok: false; error: string };
  /** The time limits the next attempt starts with. */
  limits(): TimeLimits;
  close(): void;
}

const METHOD_OF: Record<Credential['kind'], PaymentMethod> = {
  payment_code: 'code',
  face: 'face',
  proxy: 'proxy',
  merchant_qr: 'qr',
  face_code: 'face',
};

const refuse = (orderId: string, amount: number, reason: string): FinalOutcome => ({
  status: 'failed',
  attemptId: null,
  orderId,
  amount,
  platform: null,
  reason,
});

/** A short, non-secret description of a credential for the ledger (never the whole code). */
function credentialHint(c: Credential): string {
  if (c.kind === 'payment_code') return `code …${c.code.slice(-4)}`;
  if (c.kind === 'proxy') return `proxy ${c.proxyId}`;
  if (c.kind === 'merchant_qr') return 'merchant qr';
  // A provider's face code is single use, like a payment code: its tail is enough to find it.
  if (c.kind === 'face_code') return `face code …${c.code.slice(-4)}`;
  // Only a hash of the descriptor: the ledger never holds a face or anything to rebuild one.
  return `face ${createHash('sha256').update(JSON.stringify(c.descriptor)).digest('hex').slice(0, 16)}`;
}

/** The order's lines as the payment request carries them (goods detail). */
const goodsOf = (order: Order): GoodsLine[] =>
  order.lines.map((l) => ({
    name: l.name,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    amount: l.amount,
  }));

/** Builds the payment service over a ledger and the registered providers. */
export function createPaymentService(opts: PaymentServiceOptions): PaymentService {
  const { ledger, providers, config } = opts;
  const clock = opts.clock ?? systemClock;
  const abort = new AbortController();
  // Every waiting payment listens for close(); many at once is normal, not a leak.
  setMaxListeners(0, abort.signal);
  const inflight = new Map<string, Promise<FinalOutcome>>();
  const guard = createLedgerGuard({
    file: ledger.file,
    retryMs: opts.ledgerRetryMs ?? 2000,
    recover: async () => void (await resumeOpenAttempts()),
    onChange: opts.onLedgerFault,
  });
  const blockedReason = () => guard.fault() ?? opts.gate?.() ?? null;
  /**
   * A failed ledger write stops new payments; the attempt stays open and is resumed later. The
   * throw is deliberate: it unwinds the payment mid-way; the payment flow (station/payment-flow.ts)
   * turns it into the cashier's message.
   */
  const guarded = <T>(error: unknown): T => {
    if (!isLedgerWriteError(error)) throw error;
    guard.trip(error);
    throw new LedgerUnavailableError(guard.fault() ?? String(error));
  };
  // Replaced whole by reconfigure, never changed in place: each attempt and refund takes the
  // object current when it starts and keeps it.
  let limits: TimeLimits = Object.freeze({
    queryIntervalMs: config.queryIntervalMs,
    deadlineMs: config.deadlineMs,
    reverseRetryMs: config.reverseRetryMs,
    ...(config.timeoutMs === undefined ? {} : { timeoutMs: config.timeoutMs }),
  });
  const base = {
    ledger,
    clock,
    onProgress: opts.onProgress ?? (() => {}),
    signal: abort.signal,
  };
  /** What an attempt or refund starting now runs with. */
  const deps = () => ({ ...base, timing: limits });

  /** One driver per attempt per process, however many callers ask. */
  const drive = (
    attempt: Attempt,
    credential: Credential | null,
    goods?: GoodsLine[],
  ): Promise<FinalOutcome> => {
    const running = inflight.get(attempt.id);
    if (running) return running;
    const gateway = providers.get(attempt.provider);
    if (!gateway)
      return Promise.resolve(
        outcomeOf({ ...attempt, state: 'failed' }, { reason: `no provider ${attempt.provider}` }),
      );
    const p = driveAttempt(deps(), gateway, attempt, credential, goods)
      .catch((error: unknown) => guarded<FinalOutcome>(error))
      .finally(() => inflight.delete(attempt.id));
    inflight.set(attempt.id, p);
    return p;
  };

  async function resumeOpenAttempts(): Promise<FinalOutcome[]> {
    const outcomes = await Promise.all(
      ledger.openAttempts().map((a) =>
        drive(a, null).then((outcome) => {
          opts.onResolved?.(outcome);
          return outcome;
        }),
      ),
    );
    await Promise.all(ledger.openRefunds().map((r) => resendRefund(deps(), providers, r)));
    return outcomes;
  }

  const pay = async (
    rawOrder: unknown,
    rawCredential: unknown,
    partAmount?: number,
  ): Promise<FinalOutcome> => {
    const o = orderSchema.safeParse(rawOrder);
    const idGuess =
      typeof (rawOrder as { id?: unknown })?.id === 'string' ? (rawOrder as { id: string }).id : '';
    if (!o.success)
      return refuse(
        idGuess,
        0,
        `invalid_order: ${o.error.issues[0]?.path.join('.')}: ${o.error.issues[0]?.message}`,
      );
    const order: Order = o.data;
    const amount = chargeAmountSchema.safeParse(partAmount ?? order.total);
    if (!amount.success)
      return refuse(order.id, order.total, `invalid_amount: ${amount.error.issues[0]?.message}`);
    if (amount.data > order.total)
      return refuse(order.id, amount.data, 'invalid_amount: a part cannot be more than the order');
    const c = credentialSchema.safeParse(rawCredential);
    if (!c.success)
      return refuse(
        order.id,
        order.total,
        `invalid_credential: ${c.error.issues[0]?.path.join('.')}: ${c.error.issues[0]?.message}`,
      );
    const credential = c.data;
    let platform: Attempt['platform'] = null;
    let route: string;
    if (credential.kind === 'face_code') {
      // A provider's face code goes to the provider of its platform, as a payment code does.
      platform = credential.platform;
      route = config.routing[credential.platform];
    } else if (credential.kind !== 'payment_code') route = config.routing[credential.kind];
    else {
      const cls = classifyPaymentCode(credential.code);
      if (!cls.valid) return refuse(order.id, order.total, `invalid_code: ${cls.error}`);
      if (cls.platform !== credential.platform)
        return refuse(
          order.id,
          order.total,
          `invalid_code: the code is ${cls.platform}, not ${credential.platform}`,
        );
      platform = cls.platform;
      route = config.routing[cls.platform];
    }
    if (!providers.get(route))
      return refuse(
        order.id,
        order.total,
        `no_provider: ${providers.unavailable?.(route) ?? `no payment provider named ${route}`}`,
      );
    const blocked = guard.fault() ?? opts.gate?.(route) ?? null;
    if (blocked) return refuse(order.id, order.total, `unavailable: ${blocked}`);
    for (let tries = 0; tries < 3; tries++) {
      // The order and the write-ahead attempt in one commit (one fsync less per payment).
      let begun: ReturnType<Ledger['recordOrderAndBeginAttempt']>;
      try {
        begun = ledger.recordOrderAndBeginAttempt(order, {
          orderId: order.id,
          amount: amount.data,
          currency: order.currency,
          method: METHOD_OF[credential.kind],
          platform,
          provider: route,
          credentialHint: credentialHint(credential),
        });
      } catch (error) {
        if (!isLedgerWriteError(error)) throw error;
        // Nothing was sent: the payment fails cleanly and no new one starts until there is room.
        guard.trip(error);
        return refuse(
          order.id,
          order.total,
          `ledger_unavailable: ${guard.fault()} Nothing was charged.`,
        );
      }
      if (begun.ok) return drive(begun.value, credential, goodsOf(order));
      const existing = begun.error.attemptId ? ledger.getAttempt(begun.error.attemptId) : null;
      const paidSum = ledger
        .attemptsForOrder(order.id)
        .reduce((sum, a) => sum + (a.state === 'paid' ? a.amount : 0), 0);
      if (begun.error.code === 'already_paid' && existing && paidSum >= order.total)
        return outcomeOf(existing, { alreadyPaid: true });
      if (begun.error.code !== 'attempt_open' || !existing)
        return refuse(order.id, order.total, `${begun.error.code}: ${begun.error.message}`);
      // An earlier attempt is still open: finish it first; if that paid the order, we are done.
      const earlier = await drive(existing, null);
      if (earlier.status === 'paid' && paidSum + earlier.amount >= order.total)
        return { ...earlier, alreadyPaid: true };
    }
    return refuse(order.id, order.total, 'attempt_open: the order kept an attempt open');
  };

  return {
    pay,
    refund: async (attemptId, amountMinor, reason) => {
      const begun = ledger.beginRefund({ attemptId, amount: amountMinor, reason });
      if (!begun.ok) return begun;
      return resendRefund(deps(), providers, begun.value);
    },
    resumeOpenAttempts,
    blockedReason,
    reconfigure: (next) => {
      const parsed = paymentLimitsSchema.safeParse(next);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return { ok: false, error: `${issue?.path.join('.')}: ${issue?.message}` };
      }
      limits = Object.freeze({ ...parsed.data });
      return { ok: true };
    },
    limits: () => limits,
    close: () => {
      guard.close();
      abort.abort();
    },
  };
}
