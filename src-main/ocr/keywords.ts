/** Column roles a grid or monospace screen's header can name. */
export type ColumnRole = 'name' | 'quantity' | 'unitPrice' | 'amount';

// Header words in English and 简体中文. Matched on the whole cell, case-insensitively, with
// spaces removed, so OCR splitting "Unit Price" into two words still matches.
const HEADER: Array<[ColumnRole, RegExp]> = [
  ['unitPrice', /^(?:unitprice|price|unit|单价|价格|售价)$/],
  ['quantity', /^(?:qty|quantity|qnty|count|weight|数量|重量|件数)$/],
  ['amount', /^(?:amount|amt|total|linetotal|subtotal|金额|小计|合计金额)$/],
  ['name', /^(?:item|items|description|desc|product|name|goods|商品|品名|名称|商品名称)$/],
];

/** The column role a header cell names, or null. */
export function headerRole(text: string): ColumnRole | null {
  const t = text.toLowerCase().replace(/[\s:：.|]/g, '');
  for (const [role, re] of HEADER) if (re.test(t)) return role;
  return null;
}

/** True for the label of the line that holds what the customer pays. */
export function isTotalLabel(text: string): boolean {
  const t = text.toLowerCase().replace(/[\s:：]/g, '');
  if (/subtotal|小计/.test(t)) return false;
  return /total|amountdue|topay|balancedue|^due$|payable|合计|应收|总计|应付|总额/.test(t);
}

/** True for a subtotal line, which we check against the items but do not add. */
export function isSubtotalLabel(text: string): boolean {
  const t = text.toLowerCase().replace(/[\s:：-]/g, '');
  return /^(?:subtotal|小计)$/.test(t);
}

/** True for a discount line's label: its amount is a reduction even when printed unsigned. */
export function isDiscountLabel(text: string): boolean {
  const t = text.toLowerCase().replace(/[\s:：]/g, '');
  return /discount|coupon|promo|voucher|savings|rebate|member|优惠|折扣|减免|抹零|立减|优惠券|会员/.test(
    t,
  );
}

/** True for a surcharge-like adjustment (service charge, rounding, packing). */
export function isSurchargeLabel(text: string): boolean {
  const t = text.toLowerCase().replace(/[\s:：]/g, '');
  return /service|surcharge|rounding|packing|tip|服务费|包装费|附加费|舍入/.test(t);
}
