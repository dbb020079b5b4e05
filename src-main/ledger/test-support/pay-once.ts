import type { Order } from '../../contract/order';
import type { Ledger } from '../open-ledger';

/** A one-line order of `total` minor units ("Tea"), as tests record it. */
export function teaOrder(id: string, total: number): Order {
  return {
    id,
    currency: 'CNY',
    lines: [{ id: 'l1', name: 'Tea', quantity: '1', unitPrice: total, amount: total }],
    adjustments: [],
    total,
    source: 'manual',
    warnings: [],
  };
}

/**
 * Records and pays one order (default: `teaOrder(id, total)`): order, line, attempt, and the
 * created, sending and paid events — six journal entries. Returns the attempt id.
 */
export function payOnce(
  ledger: Ledger,
  id: string,
  total: number,
  method: 'code' | 'face' = 'code',
  provider = 'sandbox',
  order: Order = teaOrder(id, total),
): string {
  const a = ledger.recordOrderAndBeginAttempt(order, {
    orderId: order.id,
    amount: total,
    currency: 'CNY',
    method,
    platform: provider === 'alipay' ? 'alipay' : 'wechat',
    provider,
    credentialHint: 'code …1234',
  });
  if (!a.ok) throw new Error(a.error.message);
  ledger.appendAttemptEvent(a.value.id, 'sending');
  ledger.appendAttemptEvent(a.value.id, 'paid', { providerRef: `T-${id}` });
  return a.value.id;
}
