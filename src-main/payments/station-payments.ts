import { isAbsolute, join } from 'node:path';
import type { LedgerConfig } from '../ledger/config';
import { openLedger, type Ledger } from '../ledger/open-ledger';
import type { Reconciliation } from '../ledger/reconcile';
import type { ProgressListener } from './attempt-driver';
import type { SleepClock } from '../lib/clock';
import type { PaymentsConfig } from './config';
import { createProviderRegistry, type ProviderRegistry } from './gateway';
import type { ProvidersConfig } from './providers/provider-config';
import { registerRealProviders } from './providers/register-providers';
import { createHttpGateway } from './http-gateway';
import {
  createPaymentService,
  type PaymentService,
  type PaymentServiceOptions,
} from './payment-service';
import { linkPaymentSystem, type LinkStatus, type PaymentSystemLink } from './payment-system-link';
import {
  startSandboxProcess,
  type SandboxProcess,
  type SandboxProcessOptions,
} from './sandbox-process';

export interface StationPayments {
  ledger: Ledger;
  service: PaymentService;
  providers: ProviderRegistry;
  /** Real providers that did not load (provider → why): they refuse payments, the rest work. */
  providerProblems: Record<string, string>;
  /** How the payment system is reached, and whether it answers. */
  link: PaymentSystemLink;
  /** The sandbox process started while opening (CLI one-shots), if one was. */
  sandbox: SandboxProcess | null;
  sandboxUrl: string;
  /** Fetches every provider's statement for the day and reconciles it with the ledger. */
  reconcile(
    date: string,
  ): Promise<{ ok: true; value: Reconciliation } | { ok: false; error: string }>;
  close(): Promise<void>;
}

/**
 * Wires the station's payments from config: opens the ledger, links to the payment system
 * (config url; else our sandbox already answering on the configured port; else, when enabled,
 * a new sandbox process; retried with backoff, see payment-system-link.ts), registers providers
 * and builds the payment service. With `waitMs` (CLI one-shots) it waits for the payment system
 * and fails with the reason past it; the station passes `waitMs: 0`, takes payments once
 * `link.ready` settles and calls `service.resumeOpenAttempts()` then.
 */
export async function openStationPayments(opts: {
  dataDir: string;
  config: { payments: PaymentsConfig; ledger: LedgerConfig; providers?: ProvidersConfig };
  onProgress?: ProgressListener;
  clock?: SleepClock;
  /** Start the sandbox on a free port instead of the configured one (CLI one-shots). */
  anyPort?: boolean;
  /** How to start the sandbox's process (the Electron app forks a utility process). */
  startSandbox?: (options: SandboxProcessOptions) => Promise<SandboxProcess>;
  /** How long to wait for the payment system before giving up (default 20 s; 0: do not wait). */
  waitMs?: number;
  onLinkStatus?: (status: LinkStatus) => void;
  serviceOptions?: Pick<PaymentServiceOptions, 'gate' | 'onResolved' | 'onLedgerFault'>;
}): Promise<StationPayments> {
  const { payments, ledger: ledgerConfig } = opts.config;
  const sb = payments.sandbox;
  const file = isAbsolute(ledgerConfig.file)
    ? ledgerConfig.file
    : join(opts.dataDir, ledgerConfig.file);
  // The ledger first: it is local, and a damaged one must be refused before anything else.
  const ledger = openLedger(file, {
    synchronous: ledgerConfig.synchronous,
    shiftStartHours: ledgerConfig.shiftStartHours,
  });
  // The journal's full verification, in slices off the report path (docs/ledger.md): a break it
  // finds is logged here and makes every report refuse; payments go on as before.
  void ledger.verifyInBackground().then(
    (r) => {
      if (r && !r.ok) console.error(`ledger ${file}: ${r.error.message}`);
    },
    (e: unknown) => console.error(`ledger ${file}: background verification failed:`, e),
  );
  const link = linkPaymentSystem({
    sandbox: sb,
    dataDir: opts.dataDir,
    anyPort: opts.anyPort,
    startSandbox: opts.startSandbox ?? startSandboxProcess,
    onStatus: opts.onLinkStatus,
  });
  const waitMs = opts.waitMs ?? 20_000;
  if (waitMs > 0) {
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = await Promise.race([
      link.ready.then(() => false),
      new Promise<boolean>((r) => (timer = setTimeout(() => r(true), waitMs))),
    ]);
    clearTimeout(timer);
    if (gaveUp) {
      const why = link.status().message;
      await link.close();
      ledger.close();
      throw new Error(`the payment system did not answer within ${waitMs} ms: ${why}`);
    }
  }
  const providers = createProviderRegistry([
    createHttpGateway({
      name: 'sandbox',
      url: () => link.url(),
      merchantId: sb.merchantId,
      key: sb.key,
      timeoutMs: payments.timeoutMs,
    }),
  ]);
  const real = registerRealProviders({
    registry: providers,
    config: opts.config.providers,
    routing: payments.routing,
    dataDir: opts.dataDir,
    ledger,
  });
  const service = createPaymentService({
    ledger,
    providers,
    config: { ...payments, routing: real.routing },
    clock: opts.clock,
    onProgress: opts.onProgress,
    ...opts.serviceOptions,
  });
  return {
    ledger,
    service,
    providers,
    providerProblems: real.problems,
    link,
    sandbox: link.sandbox(),
    get sandboxUrl() {
      return link.url();
    },
    reconcile: async (date) => {
      const names = [...new Set(Object.values(real.routing))].filter((n) => providers.get(n));
      let csv = '';
      for (const name of names) {
        const gateway = providers.get(name);
        if (!gateway) return { ok: false, error: `no provider ${name}` };
        const r = await gateway.statement(date);
        if (r.kind !== 'answer')
          return { ok: false, error: `${name}: ${r.kind === 'refused' ? r.message : r.reason}` };
        // Statements share one header; later ones contribute their rows only.
        csv += csv ? r.value.split(/\r?\n/).slice(1).join('\r\n') : r.value;
      }
      const result = ledger.reconcile(date, csv);
      return result ? { ok: true, value: result } : { ok: false, error: `not a date: ${date}` };
    },
    close: async () => {
      service.close();
      real.close();
      await link.close();
      ledger.close();
    },
  };
}
