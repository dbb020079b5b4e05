import type { Logger } from 'pino';
import type { Handlers } from './dispatcher';
import type { CheckoutService } from '../checkout/checkout-service';
import { fail, failBecause, ok } from '../contract/result';
import type { StationConfig } from '../config/schema';
import type { PaymentResolved, PaymentsStatus } from '../contract/payments-status';
import { dayRange } from '../lib/local-day';
import { LedgerTamperedError } from '../ledger/verify-chain';
import { renderDayReportHtml } from '../reports/day-report-html';
import { paymentOrderFromLedger } from './payment-order';
import type { SandboxProcess, SandboxProcessOptions } from '../payments/sandbox-process';
import type { LinkStatus } from '../payments/payment-system-link';
import { openStationPayments, type StationPayments } from '../payments/station-payments';
import { bindingHandlers } from './binding-handlers';
import { createPaymentFlow, type PaymentFlow } from './payment-flow';
import { createProviderRows } from './provider-rows';

type PaymentHandlers = Pick<
  Handlers,
  | 'credential.submit'
  | 'scan.submit'
  | 'payments.history'
  | 'payments.refund'
  | 'payments.order'
  | 'reports.day'
  | 'reports.reconcile'
  | 'bindings.list'
  | 'bindings.remove'
  | 'devices.providers'
  | 'providers.check'
>;

/** Starts the sandbox acquirer as its own process: a Node child, or an Electron utility process. */
export type SandboxLauncher = (options: SandboxProcessOptions) => Promise<SandboxProcess>;

export interface PaymentsFeature extends Pick<StationPayments, 'ledger' | 'service'> {
  handlers: PaymentHandlers;
  flow: PaymentFlow;
  /** The payment API's address (known once the payment system answered, for a sandbox on port 0). */
  readonly sandboxUrl: string;
  /** The sandbox's test-control token when this station started it (tests, demos). */
  readonly sandboxAdminToken: string | null;
  /** Resolves once the payment system first answered. */
  ready: Promise<void>;
  /** Resolves once the attempts left open at start were resolved (after `ready`). */
  resumed: Promise<void>;
  status(): PaymentsStatus;
  close(): Promise<void>;
}

/** The one rule for what the windows are told about payments, from the link and the ledger. */
function statusOf(link: LinkStatus, ledgerFault: string | null, now: number): PaymentsStatus {
  if (ledgerFault)
    return { available: false, state: 'ledger_unwritable', message: ledgerFault, since: now };
  if (link.state === 'available')
    return { available: true, state: 'available', message: link.message, since: link.since };
  return {
    available: false,
    state: link.state === 'connecting' ? 'connecting' : 'unreachable',
    message: link.message,
    since: link.since,
  };
}

/**
 * The payment side of the station: the ledger, the payment system (the embedded sandbox
 * acquirer in its own process unless config names another, reached with retries), the
 * orchestrator, and the flow that joins them to the checkout. Attempts left open by a crash are
 * resolved as soon as the payment system answers; each is announced through `onResolved`.
 */
export async function setupPayments(deps: {
  config: StationConfig;
  dataDir: string;
  logger: Logger;
  checkout: CheckoutService;
  startSandbox?: SandboxLauncher;
  onStatus?: (status: PaymentsStatus) => void;
  onResolved?: (resolved: PaymentResolved) => void;
  /** A payment became paid (receipt, spoken amount); called after the ledger recorded it. */
  onPaid?: (attemptId: string) => void;
  /** A refund succeeded (its receipt). */
  onRefunded?: (attemptId: string, refundId: string) => void;
  now?: () => number;
}): Promise<PaymentsFeature> {
  const { config, logger, checkout } = deps;
  const sandboxOnly = Object.values(config.payments.routing).every((r) => r === 'sandbox');
  const now = deps.now ?? Date.now;
  // The flow reaches the service lazily: the service reports progress back into the flow.
  const flow = createPaymentFlow({
    checkout,
    payments: () => payments.service,
    logger,
    attempt: (id) => payments.ledger.getAttempt(id),
  });
  let linkStatus: LinkStatus = {
    state: 'connecting',
    message: 'Connecting to the payment system',
    since: now(),
  };
  let ledgerFault: string | null = null;
  let status = statusOf(linkStatus, ledgerFault, now());
  const update = () => {
    const next = statusOf(linkStatus, ledgerFault, now());
    if (next.state === status.state && next.message === status.message) return;
    status = next;
    logger[status.available ? 'info' : 'warn']({ payments: status }, 'payments status');
    deps.onStatus?.(status);
  };
  const payments = await openStationPayments({
    dataDir: deps.dataDir,
    config,
    startSandbox: deps.startSandbox,
    waitMs: 0,
    onLinkStatus: (s) => {
      linkStatus = s;
      update();
    },
    onProgress: (attemptId, state, detail) => {
      flow.onProgress(
        attemptId,
        state,
        payments.ledger.getAttempt(attemptId)?.orderId ?? null,
        detail?.action ?? null,
      );
      if (state === 'paid') deps.onPaid?.(attemptId);
    },
    serviceOptions: {
      // Only payments the sandbox link carries wait for it; with no route given (a credential
      // not yet classified) only when every route goes there.
      gate: (route) =>
        linkStatus.state === 'available' ||
        (route ?? (sandboxOnly ? 'sandbox' : 'other')) !== 'sandbox'
          ? null
          : linkStatus.message,
      onLedgerFault: (fault) => {
        ledgerFault = fault;
        update();
      },
      onResolved: (outcome) => {
        flow.onResolved(outcome);
        if (!outcome.attemptId) return;
        logger.info({ outcome }, 'payment left open is resolved');
        if (outcome.status === 'paid') deps.onPaid?.(outcome.attemptId);
        deps.onResolved?.({
          attemptId: outcome.attemptId,
          orderId: outcome.orderId,
          status: outcome.status,
          amount: outcome.amount,
          reason: outcome.reason ?? null,
          at: now(),
        });
      },
    },
  });
  const { ledger, service, link } = payments;
  // A provider whose key files are missing or exposed is stopped; the others keep working.
  for (const [provider, why] of Object.entries(payments.providerProblems))
    logger.warn({ provider }, `payment provider stopped: ${why}`);
  // Open attempts are asked about only once the payment system answers: asked earlier, an
  // attempt past its deadline would be reversed although the customer was charged.
  const resumed = link.ready.then(() =>
    service.resumeOpenAttempts().then(
      () => undefined,
      (error: unknown) => logger.error({ err: error }, 'could not resolve open payments yet'),
    ),
  );

  const providerRows = createProviderRows({
    config: config.providers,
    routing: config.payments.routing,
    dataDir: deps.dataDir,
    problems: payments.providerProblems,
    // The last call of each provider, among the newest attempts (one indexed query).
    recent: () => ledger.searchHistory({ limit: 200 }),
    now: deps.now,
  });

  const handlers: PaymentHandlers = {
    'devices.providers': () => ok(providerRows.view()),
    'providers.check': async () => ok(await providerRows.check()),
    // Bindings live at the payment system that takes payment codes (the sandbox by default).
    ...bindingHandlers(payments.providers, config.payments.routing.wechat),
    'credential.submit': ({ credential }, caller) => {
      // A provider's face code comes from its face device's SDK on the station, never a window.
      if (credential.kind === 'face_code')
        return fail('forbidden', "Face codes come from the payment provider's face device");
      // The cashier may type a payment code when the scanner fails; the other kinds come from the customer.
      if (caller.role === 'cashier' && credential.kind !== 'payment_code') {
        return fail(
          'forbidden',
          'Only the customer display can submit a face, proxy or QR credential',
        );
      }
      if (caller.role === 'customer' && credential.kind === 'payment_code') {
        return fail('forbidden', 'Payment codes come from the scanner');
      }
      return flow.submitCredential(credential);
    },
    'scan.submit': ({ raw }) => flow.handleScan(raw, 'keyboard-wedge'),
    'payments.history': ({ text, date, state, limit }) => {
      const range = date ? dayRange(date) : null;
      if (date && !range)
        return failBecause('invalid_input', 'not_a_date', `Not a date: ${date}`, { date });
      return ok(ledger.searchHistory({ text: text || undefined, state, limit, ...(range ?? {}) }));
    },
    'payments.refund': async ({ attemptId, amount, reason }) => {
      const r = await service.refund(attemptId, amount, reason);
      if (r.ok && r.value.state === 'succeeded') deps.onRefunded?.(attemptId, r.value.id);
      if (r.ok) return ok(r.value);
      // The ledger's or provider's code travels as the reason, for the window to say it.
      return failBecause(
        r.error.code === 'unknown_attempt' ? 'invalid_input' : 'illegal_transition',
        r.error.code,
        r.error.message,
      );
    },
    'payments.order': ({ attemptId }) => {
      const order = paymentOrderFromLedger(ledger, attemptId);
      return order
        ? ok(order)
        : failBecause('invalid_input', 'unknown_attempt', `no payment ${attemptId}`);
    },
    'reports.day': ({ date }) => {
      try {
        const report = ledger.dayReport(date);
        const html = report && renderDayReportHtml(report, config.store.name);
        const csv = ledger.exportCsv(date);
        if (!report || html === null || csv === null)
          return failBecause('invalid_input', 'not_a_date', `Not a date: ${date}`, { date });
        return ok({ ...report, html, csv });
      } catch (error) {
        // A ledger that fails its hash chain shows no figures; the cashier sees why.
        if (error instanceof LedgerTamperedError)
          return failBecause('unavailable', 'ledger_tampered', error.message);
        throw error;
      }
    },
    'reports.reconcile': async ({ date }) => {
      try {
        const result = await payments.reconcile(date);
        return result.ok
          ? ok(result.value)
          : failBecause('unavailable', 'reconcile_failed', `Could not reconcile: ${result.error}`);
      } catch (error) {
        if (error instanceof LedgerTamperedError)
          return failBecause('unavailable', 'ledger_tampered', error.message);
        throw error;
      }
    },
  };

  return {
    handlers,
    flow,
    ledger,
    service,
    get sandboxUrl() {
      return link.url();
    },
    get sandboxAdminToken() {
      return link.sandbox()?.adminToken ?? null;
    },
    ready: link.ready,
    resumed,
    status: () => status,
    async close() {
      service.close();
      await flow.settled();
      await payments.close();
    },
  };
}
