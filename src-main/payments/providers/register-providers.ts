import type { Ledger } from '../../ledger/open-ledger';
import type { PaymentsConfig } from '../config';
import type { ProviderRegistry } from '../gateway';
import { ledgerOrderInfo } from './ledger-order-info';
import { loadProviders } from './load-providers';
import { providersConfigSchema, type ProvidersConfig } from './provider-config';
import { effectiveRouting } from './routing';

/**
 * Adds the real providers config names (WeChat Pay, Alipay) to the registry beside the sandbox
 * and returns the routing the payment service must use: switched-off platforms and providers
 * that failed to load route to names that refuse with a sentence the cashier can act on.
 */
export function registerRealProviders(opts: {
  registry: ProviderRegistry;
  config: ProvidersConfig | undefined;
  routing: PaymentsConfig['routing'];
  dataDir: string;
  ledger: Ledger;
  storeName?: string;
}): { routing: PaymentsConfig['routing']; problems: Record<string, string>; close: () => void } {
  const config = opts.config ?? providersConfigSchema.parse({});
  const loaded = loadProviders(
    config,
    opts.dataDir,
    ledgerOrderInfo(opts.ledger, opts.storeName ?? 'Countersign'),
  );
  for (const g of loaded.gateways) opts.registry.register(g);
  const routes = effectiveRouting(opts.routing, config, opts.registry.names(), loaded.problems);
  opts.registry.refuseWith?.(routes.unavailable);
  return {
    routing: routes.routing,
    problems: loaded.problems,
    close: () => loaded.gateways.forEach((g) => g.close?.()),
  };
}
