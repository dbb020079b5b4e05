/**
 * What a label next to a number says the number is. Labels are matched on the words of a cell
 * with spaces, punctuation and accents removed, lower-cased: English, 简体 and 繁體 Chinese,
 * Japanese kanji, and the Spanish, Portuguese, French, German, Italian, Dutch, Indonesian,
 * Turkish and Vietnamese words POS programs print (the engine drops most accents anyway).
 */
export type SummaryKind =
  | 'total'
  | 'subtotal'
  | 'discount'
  | 'tax'
  | 'surcharge'
  /** How many items the order holds ("数量: 3", "Total Item(s) 11"): checks the quantities. */
  | 'count'
  /** Paid, change, kinds of items, loyalty points: numbers that are not part of the sum. */
  | 'other';

const squash = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .replace(/[đĐ]/g, 'd')
    .replace(/ı/g, 'i') // Turkish dotless i has no accent to drop
    .toLowerCase()
    .replace(/[\s:：.,，。|()（）\-_/"'“”‘’`]/g, '');

// Order matters: the first pattern that matches wins ("商品总额" is a subtotal, "总额" a total;
// "Total Item(s)" a count; "Gross Price" a total; "Sub Total" a subtotal).
const KINDS: Array<[SummaryKind, RegExp]> = [
  // "ltem" and "1tem" too: an engine reads the capital I of "Item" as l or 1.
  [
    'count',
    /total[il1]tems?s?$|^[il1]tems?s?$|^[il1]temcount|^totalqty|^qty|数量|數量|總數|总数|件数|共\d*件|^(?:total)?(?:articulos|artigos|itens|articles|artikel|articoli)$|点数/,
  ],
  [
    'other',
    /商品种类|种类|积分|積分|余额|餘額|已付|待付|付款|找零|change|tendered|^cash|^paid|payed|amountpaid|entries|showing|会员电话|^(?:phone|tel|mobile)|^(?:cambio|vuelto|troco|rendu|monnaie|resto|wechselgeld|ruckgeld|kembali|kembalian|paraustu|tienthua)|^(?:efectivo|dinheiro|especes|contanti|tunai|nakit|tienmat)|^(?:pagado|pago|pagato|recibido|recebido|entregado|bayar|dibayar|gegeben|odenen|khachdua|khachtra|tienkhachdua|betaald|valorpago|valorrecebido)|^(?:sucambio|tienthoi|tralai|wisselgeld|zuruck|terug|sukli|balancereturn)|^(?:bar|recu|contant)$|釣|钓|預/,
  ],
  [
    'subtotal',
    /subtotal|^subtot|商品总额|商品總額|商品金额|优惠前|優惠前|小计|小計|^net$|untaxed|totalht|zwischensumme|soustotal|baseimponible|aratoplam|tamtinh/,
  ],
  [
    'discount',
    /discount|coupon|promo|voucher|savings|rebate|member|优惠|優惠|折扣|减免|抹零|立减|remise|rabatt|descuento|desconto|sconto|korting|diskon|potongan|[il1]ndirim|giamgia|chietkhau|値引|值引|割引/,
  ],
  // Short words only at a label's start or end: "Custard" holds no tax, "Tulip" no tip.
  [
    'tax',
    /^tax|tax(?:es)?$|taxamount|^vat|^gst|^hst|税|稅|^tva|^mwst|^ust\b|^iva|impuesto|imposto|^ppn|pajak|^kdv|^thue|^btw|^igv|^itbis|^[cs]gst|^igst|^utgst|mwst|^pb1?$/,
  ],
  [
    'surcharge',
    /service|surcharge|rounding|packing|^tips?|tips?$|服务费|包装费|附加费|舍入|servicio|servico|servizio|coperto|propina|gorjeta|pourboire|trinkgeld|redondeo|arrondi|acrescimo|roundoff/,
  ],
  [
    'total',
    /grandtot|amountdue|^due$|topay|balancedue|^balance$|payable|gross|^total|total$|totaltoPay|checkout|应付|应收|实付|实收|实际金额|收款金额|應付|應收|實付|實收|實際金額|總價|总价|总计|總計|总金额|總金額|合计|合計|总额|總額|^montant|^summe|^gesamt|^[\u4e00-\u9fff]计$|^totale$|^totaal|^toplam|toplam$|odenecek|^tongcong|^tongtien|^tongthanhtoan|canthanhtoan|khachcantra|khachphaitra|^apagar|apayer$|^zuzahlen|^tebetalen|^dapagare|会計/i,
  ],
];

/** The kind of summary a label names, or null when it names none. */
export function summaryKind(words: string): SummaryKind | null {
  const t = squash(words);
  if (!t) return null;
  for (const [kind, re] of KINDS) if (re.test(t)) return kind;
  return null;
}

/** How sure a total label is to name what the customer pays: "Amount due" over "Total". */
export function totalRank(words: string): number {
  const t = squash(words);
  if (
    /grandtotal|amountdue|topay|balancedue|应付|应收|实付|实收|实际金额|收款金额|應付|應收|實付|實收|實際金額|gross/.test(
      t,
    )
  ) {
    return 2;
  }
  return 1;
}

/** Column roles a grid's header can name; `tax` is a per-line tax inside the line's amount. */
export type HeaderRole = 'name' | 'quantity' | 'unitPrice' | 'amount' | 'tax' | 'other';

const HEADER: Array<[HeaderRole, RegExp]> = [
  [
    'quantity',
    /^(?:qty|quantity|qnty|count|weight|units|数量|數量|重量|件数|cant|cantidad|uds|unidades|qte|quantite|qtd|qtde|quantidade|menge|anzahl|anz|quantita|qta|aantal|adet|miktar|kuantitas|soluong|sl)$/,
  ],
  [
    'unitPrice',
    /^(?:unitprice|price|unit|单价|單價|售价|售價|折后单价|price\/unit|単価|precio|preciounitario|preciounit|pu|punit|prix|prixunitaire|preco|precounit|precounitario|prixunit|valorunit|valorunitario|vlunit|vlrunit|preis|einzelpreis|epreis|prezzo|prezzounitario|harga|hargasatuan|prijs|fiyat|birimfiyat|dongia|gia|rate|punitario|stukprijs)$/,
  ],
  [
    'amount',
    /^(?:amount|amt|total|linetotal|subtotal|金额|金額|小计|小計|价格|合计|sum|importe|monto|montant|valor|valortotal|betrag|gesamt|gesamtpreis|importo|totale|bedrag|totaal|tutar|toplam|vltotal|jumlah|thanhtien)$/,
  ],
  [
    'name',
    /^(?:items?|description|desc|products?|productname|name|goods|商品|品名|名称|名稱|菜名|商品名称|日期|商品名|articulos?|productos?|descripcion|articles?|produits?|designation|libelle|produtos?|descricao|artikel|bezeichnung|prodotto|articolo|descrizione|barang|namabarang|produk|namaproduk|omschrijving|urun|urunadi|tenhang|sanpham|mathang|particulars)$/,
  ],
  ['tax', /^(?:vat|tax|gst|税额|稅額|税金|iva|tva|mwst|ppn|kdv|btw|igv|thue)$/],
  [
    'other',
    /^(?:#|no|id|code|sku|barcode|条码|货号|尺码|折扣|操作|保质期|类别|供应商id|delete|action|codigo|cod|ref|referencia|kode|ean|acciones|acoes|aktion)$/,
  ],
];

// A currency sign or code in brackets after a header word: "Unit (#)", "Harga (Rp)".
const MONEY_MARK =
  /\(\s*(?:[#$€£¥￥₹₦₱₫₺]|元|rmb|cny|usd|eur|rp|idr|vnd|vnđ|đ|tl|try|rs\.?|inr|php|brl|r\$|mxn)\s*\)/i;

/** The column role a header cell names, or null when it is no header word. */
export function headerRole(words: string): HeaderRole | null {
  // "Harga (Rp)", "Thành tiền (VNĐ)": the currency a column is in does not change its role.
  const raw = squash(words.replace(MONEY_MARK, ''));
  if (/^(?:#|no\.?|№)$/.test(raw)) return 'other'; // a row-number column
  const t = raw.replace(/[#$€£¥￥₹₦₱]$/, '');
  if (!t) return null;
  // "Unit (#)", "Units ($)": a currency mark after the word makes it a price, not a count.
  const money = MONEY_MARK.test(words);
  for (const [role, re] of HEADER) {
    if (re.test(t)) return role === 'quantity' && money ? 'unitPrice' : role;
  }
  return null;
}

// Buttons and controls that sit inside an order region and are never item names.
const CHROME =
  /^(?:删除|增加|移除|减少|操作|编辑|查询|确定|取消|更改|delete|remove|edit|ok|add|void|checkout|cancel|search|next|previous|clear|[+\-x×✕·•*#|Il]+)$/i;

/** True for a button or control label ("删除", "Remove", "+"). */
export function isChrome(words: string): boolean {
  return CHROME.test(words.replace(/[\s.:：]/g, ''));
}

/** True when the words can be an item name: two letters or one CJK character at least. */
export function isNameLike(words: string): boolean {
  const letters = words.match(/[\p{L}]/gu) ?? [];
  const cjk = words.match(/[\u3400-\u9fff]/g) ?? [];
  return cjk.length >= 1 ? letters.length >= 2 || cjk.length >= 2 : letters.length >= 2;
}

/**
 * True when a line's "name" is not one: a number formula ("1.665 x 29.77") or too few letters.
 * Both readers hold every line to it, so the customer is never asked to confirm a formula.
 */
export function isNotAName(name: string): boolean {
  return /^\s*[\d.,]+\s*[xX×*@]\s*[\d.,]/.test(name) || !isNameLike(name);
}

/** The warnings for lines whose names are not names. */
export function nameWarnings(
  lines: ReadonlyArray<{ id: string; name: string }>,
): Array<{ code: string; message: string; cell: { kind: 'line'; id: string; field: 'name' } }> {
  return lines.flatMap((l, i) =>
    isNotAName(l.name)
      ? [
          {
            code: 'name_unread',
            message: `Line ${i + 1}: "${l.name}" is not an item name`,
            cell: { kind: 'line' as const, id: l.id, field: 'name' as const },
          },
        ]
      : [],
  );
}
