import type { PaymentPlatform } from '../../contract/payment-code';
import type { PaymentsConfig } from '../config';
import type { ProvidersConfig } from './provider-config';

const PLATFORM_NAMES: Record<PaymentPlatform, string> = {
  wechat: 'WeChat Pay',
  alipay: 'Alipay',
  unionpay: 'UnionPay',
};

/** The route a switched-off platform takes: a name no provider has, with its own sentence. */
const offRoute = (p: PaymentPlatform) => `off-${p}`;

/**
 * The routing the payment service uses and, for every route that cannot take a payment, the
 * sentence the cashier sees (the payment is refused before any network call):
 * - a platform switched off in `providers.platforms`;
 * - a platform routed to a provider that failed to load (missing or exposed key file…);
 * - a platform routed to a provider that is not configured at all.
 */
export function effectiveRouting(
  routing: PaymentsConfig['routing'],
  providers: ProvidersConfig,
  loaded: string[],
  problems: Record<string, string>,
): { routing: PaymentsConfig['routing']; unavailable: Record<string, string> } {
  const out = { ...routing };
  const unavailable: Record<string, string> = {};
  for (const p of Object.keys(PLATFORM_NAMES) as PaymentPlatform[]) {
    const name = PLATFORM_NAMES[p];
    const other = 'ask the customer to pay another way';
    if (!providers.platforms[p]) {
      out[p] = offRoute(p);
      unavailable[out[p]] = `This station does not take ${name}: ${other}.`;
    } else if (problems[routing[p]]) {
      unavailable[routing[p]] =
        `${name} is not working at this station (${problems[routing[p]]}): ${other}, and tell the manager.`;
    } else if (!loaded.includes(routing[p])) {
      unavailable[routing[p]] =
        `${name} has no payment provider set up (${routing[p]}): ${other}, and tell the manager.`;
    }
  }
  return { routing: out, unavailable };
}
