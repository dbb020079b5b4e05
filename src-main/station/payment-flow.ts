import type { Logger } from 'pino';
import type { CheckoutService } from '../checkout/checkout-service';
import {
  nextPaymentAmount,
  type CheckoutSnapshot,
  type PaidPart,
  type PaymentProgress,
} from '../contract/checkout';
import type { Credential, PaymentAction, PaymentMethod } from '../contract/credential';
import { classifyPaymentCode } from '../contract/payment-code';
import { fail, failBecause, type Result } from '../contract/result';
import type { AttemptState } from '../ledger/types';
import type { FinalOutcome } from '../payments/attempt-driver';
import { LedgerUnavailableError } from '../payments/ledger-guard';
import { refundParts } from './refund-parts';

/** The part of the payment service the checkout needs. */
export interface PaymentPort {
  pay(order: unknown, credential: unknown, amount?: number): Promise<FinalOutcome>;
  /** Gives a paid part back (a cancelled split payment). */
  refund(attemptId: string, amount: number, reason: string): Promise<{ ok: boolean }>;
  /** Why no payment may start now, or null. */
  blockedReason(): string | null;
}

/** Which method each credential kind belongs to. */
const METHOD_OF: Record<Credential['kind'], PaymentMethod> = {
  payment_code: 'code',
  face: 'face',
  proxy: 'proxy',
  merchant_qr: 'qr',
  face_code: 'face',
};

const STEP_OF: Partial<Record<AttemptState, PaymentProgress['step']>> = {
  created: 'sending',
  sending: 'sending',
  user_paying: 'user_paying',
  querying: 'querying',
  reversing: 'reversing',
};

export interface PaymentFlow {
  /** A credential for the checkout that is collecting one; starts the payment. */
  submitCredential(credential: Credential): Result<CheckoutSnapshot>;
  /** A raw scan from any scanner: paid with when a code is awaited, otherwise ignored with a hint. */
  handleScan(raw: string, deviceId: string): Result<CheckoutSnapshot>;
  /** Wire to the payment service's onProgress. */
  onProgress(
    attemptId: string,
    state: AttemptState,
    orderId: string | null,
    action?: PaymentAction | null,
  ): void;
  /** Resolves when the payment started last has ended (tests, shutdown). */
  settled(): Promise<void>;
  /** A cancelled split restored by a restart: its paid parts' refunds are finished. */
  resumeRefunds(parts: PaidPart[]): void;
  /** A checkout restored as authorizing: its order's attempt is resumed by the orchestrator. */
  resumeAuthorizing(orderId: string): void;
  /** An attempt resolved outside a live pay() (restart, full disk): ends its checkout. */
  onResolved(outcome: FinalOutcome): void;
}

/**
 * Joins the checkout to the payment service: a credential moves the checkout to authorizing,
 * the orchestrator's progress shows on both screens, and its final outcome ends the checkout as
 * paid or failed. A scan at any other time is never queued: it is dropped with a visible hint.
 */
export function createPaymentFlow(deps: {
  checkout: CheckoutService;
  payments: () => PaymentPort;
  logger: Logger;
  /** The ledger's attempt, to see what a paid part already had refunded. */
  attempt?: (id: string) => { refunded: number } | null;
}): PaymentFlow {
  const { checkout, logger } = deps;
  let inFlight: Promise<void> = Promise.resolve();
  let payingOrderId: string | null = null;

  const notice = (code: string, text: string): Result<CheckoutSnapshot> => {
    checkout.apply({ type: 'notice', code, text });
    return fail('illegal_transition', text);
  };

  /** Ends the checkout that is authorizing this outcome's order. */
  const finish = (outcome: FinalOutcome) => {
    if (outcome.orderId === payingOrderId) payingOrderId = null;
    const s = checkout.snapshot();
    if (s.phase !== 'authorizing' || s.order?.id !== outcome.orderId) return;
    checkout.apply({
      type: 'payment_finished',
      outcome: outcome.status,
      attemptId: outcome.attemptId,
      amount: outcome.amount,
      reason: outcome.reason ?? null,
    });
  };

  function submitCredential(credential: Credential): Result<CheckoutSnapshot> {
    const s = checkout.snapshot();
    if (s.phase === 'authorizing')
      return notice('payment_busy', 'A payment is already being authorized for this order');
    if (s.phase !== 'collecting_credential' || !s.order) {
      return failBecause(
        'illegal_transition',
        'no_payment_waiting',
        'No payment is waiting for a credential right now',
      );
    }
    if (METHOD_OF[credential.kind] !== s.method) {
      return failBecause(
        'invalid_input',
        'wrong_method',
        `The customer chose ${s.method}; a ${credential.kind.replace('_', ' ')} cannot pay for it`,
        { method: s.method ?? '', kind: credential.kind },
      );
    }
    // Refused before the checkout moves: the customer can pay once payments are back.
    const blocked = deps.payments().blockedReason();
    if (blocked) {
      checkout.apply({ type: 'notice', code: 'payments_unavailable', text: blocked });
      return failBecause(
        'unavailable',
        'payments_unavailable',
        `Payments unavailable, retrying: ${blocked}`,
      );
    }
    const order = s.order;
    // One part of a split payment, or the whole order.
    const amount = nextPaymentAmount(s);
    const platform = credential.kind === 'payment_code' ? credential.platform : null;
    const started = checkout.apply({ type: 'credential_received', platform });
    if (!started.ok) return started;
    payingOrderId = order.id;
    logger.info({ order: order.id, kind: credential.kind, platform }, 'payment started');
    inFlight = deps
      .payments()
      .pay(order, credential, amount)
      .then((outcome) => {
        logger.info({ order: order.id, outcome }, 'payment ended');
        finish(outcome);
      })
      .catch((error: unknown) => {
        if (error instanceof LedgerUnavailableError) {
          // The request may have left: the checkout waits, and the orchestrator resolves the
          // attempt from the ledger once it takes writes again (onResolved).
          logger.error({ order: order.id, reason: error.message }, 'payment waits for the ledger');
          checkout.apply({ type: 'notice', code: 'ledger_unavailable', text: error.message });
          return;
        }
        // Only when the service closes mid-payment; start-up resolves the attempt from the ledger.
        logger.error({ err: error, order: order.id }, 'payment interrupted');
        payingOrderId = null;
      });
    return started;
  }

  /** A cancelled checkout's paid parts go back to the customer, each by a journaled refund. */
  const giveBack = async (parts: PaidPart[]) => {
    const result = await refundParts(parts, {
      attempt: (id) => deps.attempt?.(id) ?? null,
      refund: (id, amount, reason) => deps.payments().refund(id, amount, reason),
    });
    logger.info({ parts: parts.length, ...result }, 'paid parts refunded');
    checkout.apply({ type: 'parts_refunded', ...result });
  };
  checkout.subscribe((snap) => {
    if (snap.phase === 'cancelled' && snap.notice?.code === 'refunding_parts' && snap.split)
      void giveBack(snap.split.paid);
  });

  return {
    submitCredential,
    handleScan(raw, deviceId) {
      const s = checkout.snapshot();
      if (s.phase === 'authorizing') {
        logger.warn({ deviceId }, 'scan refused: a payment is in progress');
        return notice(
          'scan_refused_busy',
          'A payment is already being authorized; that scan was not used',
        );
      }
      // After a declined code the customer tries again by scanning a new one, as at a card
      // terminal: the decline screen's "Try again" and the code together.
      const retrying = s.phase === 'failed' && s.payment !== null && s.method === 'code';
      if (!retrying && (s.phase !== 'collecting_credential' || s.method !== 'code')) {
        logger.info({ deviceId, phase: s.phase }, 'scan ignored');
        return notice('scan_ignored', 'Scan ignored: no payment is waiting for a payment code');
      }
      const code = classifyPaymentCode(raw);
      if (!code.valid) {
        logger.warn({ deviceId, error: code.error }, 'scan refused');
        return notice('code_refused', `That code cannot pay: ${code.error}`);
      }
      if (retrying) {
        const again = checkout.apply({ type: 'payment_retried' });
        if (!again.ok) return again;
        if (again.value.phase === 'choosing_method') {
          const chosen = checkout.apply({ type: 'method_chosen', method: 'code' });
          if (!chosen.ok) return chosen;
        }
      }
      return submitCredential({ kind: 'payment_code', code: code.code, platform: code.platform });
    },
    onProgress(attemptId, state, orderId, action) {
      const step = STEP_OF[state];
      const s = checkout.snapshot();
      // Start-up resolution of old attempts reports progress too; only the live one is shown.
      if (!step || s.phase !== 'authorizing' || orderId !== payingOrderId) return;
      checkout.apply({
        type: 'payment_progress',
        progress: {
          attemptId,
          step,
          platform: s.payment?.platform ?? null,
          outcome: null,
          reason: null,
          // What the customer or the payer must do now, with its countdown (QR, proxy, password).
          action: step === 'user_paying' ? (action ?? s.payment?.action ?? null) : null,
        },
      });
    },
    settled: () => inFlight,
    resumeRefunds: (parts) => void giveBack(parts),
    resumeAuthorizing(orderId) {
      payingOrderId = orderId;
    },
    onResolved: finish,
  };
}
