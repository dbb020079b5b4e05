import type { PayRequest } from '../../payment-api/api-schema';
import type { GatewayResult } from '../gateway';

/** What a provider charges: a scanned payment code, or a face code from its own face device. */
export type ProviderCredential = { code: string; face: boolean };

/**
 * The code a real provider charges (the scanned payment code, or a face code of this provider's
 * platform), or what it refuses before any network call: another kind of credential, a face
 * code of another platform, or money other than CNY. One rule for WeChat Pay and Alipay.
 */
export function providerCode(
  req: PayRequest,
  provider: string,
  platform: 'wechat' | 'alipay',
): ProviderCredential | Extract<GatewayResult<never>, { kind: 'refused' }> {
  const c = req.credential;
  const face = c.kind === 'face_code' && c.platform === platform;
  if (c.kind !== 'payment_code' && !face)
    return {
      kind: 'refused',
      code: 'unsupported_credential',
      message: `${provider} takes the payment code from the scanner or a face code from its own face device`,
    };
  if (req.currency !== 'CNY')
    return {
      kind: 'refused',
      code: 'unsupported_currency',
      message: `${provider} charges CNY, not ${req.currency}`,
    };
  return { code: c.kind === 'payment_code' || c.kind === 'face_code' ? c.code : '', face };
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
