import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLedger, type Ledger } from '../../ledger/open-ledger';
import { paymentsConfigSchema, type PaymentsConfig } from '../config';
import { createProviderRegistry, type ProviderRegistry } from '../gateway';
import { createPaymentService, type PaymentService } from '../payment-service';
import { providersConfigSchema, type ProvidersConfig } from '../providers/provider-config';
import { registerRealProviders } from '../providers/register-providers';
import { FAST } from './harness';

/** Writes a credential file with the given mode (0o600 for secrets). */
export function writeSecret(dir: string, name: string, text: string, mode = 0o600): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  chmodSync(file, mode);
  return file;
}

/** Provider timings for tests: WeChat's 5 s / 30 s rule shrunk so suites finish in seconds. */
export const PROVIDER_FAST = { timeoutMs: 400, queryIntervalMs: 60, deadlineMs: 900 };

/**
 * A payment service over a ledger file with the real providers config names, built as the
 * station builds it (registerRealProviders), every platform routed to its real provider.
 */
export function providerStation(
  ledgerFile: string,
  dataDir: string,
  providers: unknown,
  routing: Partial<PaymentsConfig['routing']> = { wechat: 'wechat', alipay: 'alipay' },
  onProgress?: Parameters<typeof createPaymentService>[0]['onProgress'],
): {
  ledger: Ledger;
  service: PaymentService;
  registry: ProviderRegistry;
  problems: Record<string, string>;
  close: () => void;
} {
  const ledger = openLedger(ledgerFile);
  const registry = createProviderRegistry([]);
  const config: ProvidersConfig = providersConfigSchema.parse(providers);
  const base = paymentsConfigSchema.parse({ routing });
  const real = registerRealProviders({ registry, config, routing: base.routing, dataDir, ledger });
  const service = createPaymentService({
    ledger,
    providers: registry,
    config: { ...FAST, routing: real.routing },
    onProgress,
  });
  return {
    ledger,
    service,
    registry,
    problems: real.problems,
    close: () => {
      service.close();
      real.close();
      ledger.close();
    },
  };
}
