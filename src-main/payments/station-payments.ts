import { isAbsolute, join } from 'node:path';
import type { LedgerConfig } from '../ledger/config';
import { openLedger, type Ledger } from '../ledger/open-ledger';
import type { Reconciliation } from '../ledger/reconcile';
import type { ProgressListener } from './attempt-driver';
import type { Clock } from './clock';
import type { PaymentsConfig } from './config';
import { createProviderRegistry, type ProviderRegistry } from './gateway';
import type { ProvidersConfig } from './providers/provider-config';
import { registerRealProviders } from './providers/register-providers';
import { createHttpGateway } from './http-gateway';
import { createPaymentService, type PaymentService } from './payment-service';
import {
  startSandboxProcess,
  type SandboxProcess,
  type SandboxProcessOptions,
} from './sandbox/sandbox-process';

export interface StationPayments {
  ledger: Ledger;
  service: PaymentService;
  providers: ProviderRegistry;
  /** Real providers that did not load (provider → why): they refuse payments, the rest work. */
  providerProblems: Record<string, string>;
  /** The sandbox process this station started, if it started one. */
  sandbox: SandboxProcess | null;
  sandboxUrl: string;
  /** Fetches every provider's statement for the day and reconciles it with the ledger. */
  reconcile(
    date: string,
  ): Promise<{ ok: true; value: Reconciliation } | { ok: false; error: string }>;
  close(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(500) });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Wires the station's payments from config: opens the ledger, finds or starts the sandbox
 * (config url; else one already answering on the configured port; else, when enabled, a new
 * sandbox process), registers providers and builds the payment service. Call
 * `service.resumeOpenAttempts()` right after, before taking new payments.
 */
export async function openStationPayments(opts: {
  dataDir: string;
  config: { payments: PaymentsConfig; ledger: LedgerConfig; providers?: ProvidersConfig };
  onProgress?: ProgressListener;
  clock?: Clock;
  /** Start the sandbox on a free port instead of the configured one (CLI one-shots). */
  anyPort?: boolean;
  /** How to start the sandbox's process (the Electron app forks a utility process). */
  startSandbox?: (options: SandboxProcessOptions) => Promise<SandboxProcess>;
}): Promise<StationPayments> {
  const { payments, ledger: ledgerConfig } = opts.config;
  const sb = payments.sandbox;
  let sandbox: SandboxProcess | null = null;
  let url = sb.url ?? `http://127.0.0.1:${sb.port}`;
  if (!sb.url && sb.enabled && !(await answers(url))) {
    sandbox = await (opts.startSandbox ?? startSandboxProcess)({
      port: opts.anyPort ? 0 : sb.port,
      dataDir: opts.dataDir,
      passwordAbove: sb.passwordAbove,
      merchantId: sb.merchantId,
      key: sb.key,
    });
    url = sandbox.url;
  }
  const file = isAbsolute(ledgerConfig.file)
    ? ledgerConfig.file
    : join(opts.dataDir, ledgerConfig.file);
  const ledger = openLedger(file, {
    synchronous: ledgerConfig.synchronous,
    shiftStartHours: ledgerConfig.shiftStartHours,
  });
  const providers = createProviderRegistry([
    createHttpGateway({
      name: 'sandbox',
      url,
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
  });
  return {
    ledger,
    service,
    providers,
    providerProblems: real.problems,
    sandbox,
    sandboxUrl: url,
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
      ledger.close();
      await sandbox?.stop();
    },
  };
}
