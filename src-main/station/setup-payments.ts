import { isAbsolute, join } from 'node:path';
import type { Logger } from 'pino';
import type { Handlers } from '../bridge/dispatcher';
import type { CheckoutService } from '../checkout/checkout-service';
import { fail, ok } from '../contract/result';
import type { StationConfig } from '../config/schema';
import { openLedger, type Ledger } from '../ledger/open-ledger';
import { dayRange } from '../ledger/local-day';
import { createProviderRegistry } from '../payments/gateway';
import { createHttpGateway } from '../payments/http-gateway';
import { createPaymentService, type PaymentService } from '../payments/payment-service';
import {
  startSandboxProcess,
  type SandboxProcess,
  type SandboxProcessOptions,
} from '../payments/sandbox/sandbox-process';
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

export interface PaymentsFeature {
  handlers: PaymentHandlers;
  flow: PaymentFlow;
  ledger: Ledger;
  service: PaymentService;
  /** The embedded sandbox's address, when the station started one. */
  sandboxUrl: string | null;
  /** Its test-control token (fault injection, issuing wallet codes), for tests and demos. */
  sandboxAdminToken: string | null;
  close(): Promise<void>;
}

/**
 * The payment side of the station: the ledger, the embedded sandbox acquirer as its own process
 * (when configured), the signed HTTP gateway, the orchestrator, and the flow that joins them to
 * the checkout. Open attempts left by a crash are resolved in the background at start-up.
 */
export async function setupPayments(deps: {
  config: StationConfig;
  dataDir: string;
  logger: Logger;
  checkout: CheckoutService;
  startSandbox?: SandboxLauncher;
}): Promise<PaymentsFeature> {
  const { config, dataDir, logger, checkout } = deps;
  const p = config.payments;
  const ledgerFile = isAbsolute(config.ledger.file)
    ? config.ledger.file
    : join(dataDir, config.ledger.file);
  const ledger = openLedger(ledgerFile, {
    synchronous: config.ledger.synchronous,
    shiftStartHours: config.ledger.shiftStartHours,
  });

  let sandbox: SandboxProcess | null = null;
  if (p.sandbox.enabled && !p.sandbox.url) {
    try {
      sandbox = await (deps.startSandbox ?? startSandboxProcess)({
        port: p.sandbox.port,
        dataDir,
        passwordAbove: p.sandbox.passwordAbove,
        merchantId: p.sandbox.merchantId,
        key: p.sandbox.key,
      });
      logger.info({ url: sandbox.url, pid: sandbox.pid }, 'payment sandbox started');
    } catch (error) {
      // The station still runs (orders, review, reports); payments fail with this reason.
      logger.error({ err: error }, 'payment sandbox could not start');
    }
  }
  const url = p.sandbox.url ?? sandbox?.url ?? null;
  const providers = createProviderRegistry(
    url
      ? [
          createHttpGateway({
            name: 'sandbox',
            url,
            merchantId: p.sandbox.merchantId,
            key: p.sandbox.key,
            timeoutMs: p.timeoutMs,
          }),
        ]
      : [],
  );

  const flow = createPaymentFlow({ checkout, payments: () => service, logger });
  // The flow reaches the service lazily: the service reports progress back into the flow.
  const service: PaymentService = createPaymentService({
    ledger,
    config: p,
    providers,
    onProgress: (attemptId, state) =>
      flow.onProgress(attemptId, state, ledger.getAttempt(attemptId)?.orderId ?? null),
  });
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
      return ok(
        ledger.searchHistory({
          text: text || undefined,
          state,
          limit,
          ...(range ? { from: range.from, to: range.to } : {}),
        }),
      );
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
      const report = ledger.dayReport(date);
      const html = ledger.dayReportHtml(date, config.store.name);
      if (!report || html === null) return fail('invalid_input', `Not a date: ${date}`);
      return ok({ ...report, html });
    },
    'reports.reconcile': async ({ date }) => {
      const gateway = providers.get('sandbox');
      if (!gateway)
        return fail(
          'unavailable',
          'No payment provider is configured, so there is no statement to reconcile with',
        );
      const statement = await gateway.statement(date);
      if (statement.kind !== 'answer') {
        return fail(
          'unavailable',
          `The payment system did not send its statement: ${statement.kind === 'refused' ? statement.message : statement.reason}`,
        );
      }
      const result = ledger.reconcile(date, statement.value);
      return result ? ok(result) : fail('invalid_input', `Not a date: ${date}`);
    },
  };

  return {
    handlers,
    flow,
    ledger,
    service,
    sandboxUrl: url,
    sandboxAdminToken: sandbox?.adminToken ?? null,
    async close() {
      service.close();
      await flow.settled();
      await sandbox?.stop();
      ledger.close();
    },
  };
}
