import type { PayRequest } from '../../payment-api/api-schema';
import type { GatewayResult } from '../gateway';

/**
 * The scanned payment code a real provider charges, or what it refuses before any network
 * call: another kind of credential, or money other than CNY. One rule for WeChat Pay and Alipay.
 */
export function providerCode(
  req: PayRequest,
  provider: string,
): { code: string } | Extract<GatewayResult<never>, { kind: 'refused' }> {
  if (req.credential.kind !== 'payment_code')
    return {
      kind: 'refused',
      code: 'unsupported_credential',
      message: `${provider} takes the payment code from the scanner`,
    };
  if (req.currency !== 'CNY')
    return {
      kind: 'refused',
      code: 'unsupported_currency',
      message: `${provider} charges CNY, not ${req.currency}`,
    };
  return { code: req.credential.code };
}

/** An order line as a provider's request carries it (WeChat `detail`, Alipay `goods_detail`). */
export interface ProviderLine {
  id: string;
  name: string;
  /** Decimal string as the contract keeps it ("0.536"). */
  quantity: string;
  unitPrice: number | null;
  amount: number;
}

/** What a provider needs to know about the order behind an attempt (refunds need the total). */
export interface OrderInfo {
  amount: number;
  description: string;
  lines: ProviderLine[];
}

/** Port: the order behind a merchant order number (the ledger), null when unknown. */
export type OrderInfoPort = (merchantOrderNo: string) => OrderInfo | null;

/** Provider-side goods: whole quantities as they are, weighed ones as one piece at their amount. */
export function goodsOf(
  lines: ProviderLine[],
): { id: string; name: string; quantity: number; price: number }[] {
  return lines.slice(0, 50).map((l) => {
    const whole = /^\d+$/.test(l.quantity) && Number(l.quantity) > 0 && l.unitPrice !== null;
    return {
      id: l.id.slice(0, 32),
      name: l.name.slice(0, 128),
      quantity: whole ? Number(l.quantity) : 1,
      price: whole ? l.unitPrice! : l.amount,
    };
  });
}
