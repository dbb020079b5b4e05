import type { Logger } from 'pino';
import type { Handlers } from '../bridge/dispatcher';
import type { CheckoutService } from '../checkout/checkout-service';
import { fail, ok } from '../contract/result';
import type { StationConfig } from '../config/schema';
import { dayRange } from '../ledger/local-day';
import { LedgerTamperedError } from '../ledger/verify-chain';
import type { SandboxProcess, SandboxProcessOptions } from '../payments/sandbox/sandbox-process';
import { openStationPayments, type StationPayments } from '../payments/station-payments';
import { createPaymentFlow, type PaymentFlow } from './payment-flow';

type PaymentHandlers = Pick<
  Handlers,
  | 'credential.submit'
  | 'scan.submit'
  | 'payments.history'
  | 'payments.refund'
  | 'reports.day'
  | 'reports.reconcile'
>;

/** Starts the sandbox acquirer as its own process: a Node child, or an Electron utility process. */
export type SandboxLauncher = (options: SandboxProcessOptions) => Promise<SandboxProcess>;

export interface PaymentsFeature extends Pick<
  StationPayments,
  'ledger' | 'service' | 'sandboxUrl'
> {
  handlers: PaymentHandlers;
  flow: PaymentFlow;
  /** The sandbox's test-control token when this station started it (tests, demos). */
  sandboxAdminToken: string | null;
  close(): Promise<void>;
}

/**
 * The payment side of the station: the ledger, the payment system (the embedded sandbox
 * acquirer in its own process unless config names another), the orchestrator, and the flow that
 * joins them to the checkout. Attempts left open by a crash are resolved at start-up.
 */
export async function setupPayments(deps: {
  config: StationConfig;
  dataDir: string;
  logger: Logger;
  checkout: CheckoutService;
  startSandbox?: SandboxLauncher;
}): Promise<PaymentsFeature> {
  const { config, logger, checkout } = deps;
  // The flow reaches the service lazily: the service reports progress back into the flow.
  const flow = createPaymentFlow({ checkout, payments: () => payments.service, logger });
  const payments = await openStationPayments({
    dataDir: deps.dataDir,
    config,
    startSandbox: deps.startSandbox,
    onProgress: (attemptId, state) =>
      flow.onProgress(attemptId, state, payments.ledger.getAttempt(attemptId)?.orderId ?? null),
  });
  const { ledger, service } = payments;
  // A provider whose key files are missing or exposed is stopped; the others keep working.
  for (const [provider, why] of Object.entries(payments.providerProblems))
    logger.warn({ provider }, `payment provider stopped: ${why}`);
  logger.info({ url: payments.sandboxUrl, started: payments.sandbox !== null }, 'payment system');
  void service.resumeOpenAttempts().then(
    (outcomes) =>
      outcomes.length > 0 &&
      logger.info({ outcomes }, 'resolved payments left open at the last stop'),
    (error: unknown) => logger.error({ err: error }, 'could not resolve open payments'),
  );

  const handlers: PaymentHandlers = {
    'credential.submit': ({ credential }, caller) => {
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
      if (date && !range) return fail('invalid_input', `Not a date: ${date}`);
      return ok(ledger.searchHistory({ text: text || undefined, state, limit, ...(range ?? {}) }));
    },
    'payments.refund': async ({ attemptId, amount, reason }) => {
      const r = await service.refund(attemptId, amount, reason);
      if (r.ok) return ok(r.value);
      return fail(
        r.error.code === 'unknown_attempt' ? 'invalid_input' : 'illegal_transition',
        r.error.message,
      );
    },
    'reports.day': ({ date }) => {
      try {
        const report = ledger.dayReport(date);
        const html = ledger.dayReportHtml(date, config.store.name);
        if (!report || html === null) return fail('invalid_input', `Not a date: ${date}`);
        return ok({ ...report, html });
      } catch (error) {
        // A ledger that fails its hash chain shows no figures; the cashier sees why.
        if (error instanceof LedgerTamperedError) return fail('unavailable', error.message);
        throw error;
      }
    },
    'reports.reconcile': async ({ date }) => {
      try {
        const result = await payments.reconcile(date);
        return result.ok
          ? ok(result.value)
          : fail('unavailable', `Could not reconcile: ${result.error}`);
      } catch (error) {
        if (error instanceof LedgerTamperedError) return fail('unavailable', error.message);
        throw error;
      }
    },
  };

  return {
    handlers,
    flow,
    ledger,
    service,
    sandboxUrl: payments.sandboxUrl,
    sandboxAdminToken: payments.sandbox?.adminToken ?? null,
    async close() {
      service.close();
      await flow.settled();
      await payments.close();
    },
  };
}
