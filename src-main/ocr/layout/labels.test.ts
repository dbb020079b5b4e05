import { describe, expect, it } from 'vitest';
import { headerRole, isNotAName, nameWarnings, summaryKind, totalRank } from './labels';

describe('what a label names', () => {
  it.each([
    ['Total:', 'total'],
    ['TOTAL DUE', 'total'],
    ['Grand Total', 'total'],
    ['Amount Due', 'total'],
    ['To Pay', 'total'],
    ['Balance', 'total'],
    ['Gross Price (inc', 'total'],
    ['Checkout', 'total'],
    ['合计', 'total'],
    ['总计:', 'total'],
    ['應付金額', 'total'],
    ['应付金额:', 'total'],
    ['實付', 'total'],
    ['實際金額', 'total'],
    ['总价：', 'total'],
    ['總價', 'total'],
    ['Subtotal', 'subtotal'],
    ['Sub Total', 'subtotal'],
    ['商品总额:', 'subtotal'],
    ['优惠前应收款', 'subtotal'],
    ['Discount', 'discount'],
    ['会员优惠:', 'discount'],
    ['抹零', 'discount'],
    ['VAT(10%)', 'tax'],
    ['Taxes :', 'tax'],
    ['Tax Amount', 'tax'],
    ['Service charge', 'surcharge'],
    ['Tips', 'surcharge'],
    ['Custard (small sachet)', null],
    ['Apple In-Ear Headphones', null],
    ['Tulip bulbs', null],
    ['Amount payed', 'other'],
    ['找零', 'other'],
    ['Total Item(s)', 'count'],
    ['Total ltem(s)', 'count'],
    ['商品数量', 'count'],
    ['数量', 'count'],
    ['共3件', 'count'],
    ['商品种类', 'other'],
    ['Show 10 entries', 'other'],
    // Other languages, with and without the accents the engine may drop.
    ['Total a pagar', 'total'],
    ['Totale', 'total'],
    ['Toplam', 'total'],
    ['Tổng cộng', 'total'],
    ['お会計', 'total'],
    ['Sous-total', 'subtotal'],
    ['Descuento', 'discount'],
    ['Diskon', 'discount'],
    ['IVA 21%', 'tax'],
    ['PPN 11%', 'tax'],
    ['Propina', 'surcharge'],
    ['Cambio', 'other'],
    ['Kembalian', 'other'],
    ['Efectivo', 'other'],
    ['Total Bayar', 'total'],
    ['Total artículos', 'count'],
    // What the engine makes of POS labels in those languages (accents dropped, İ read as l).
    ['Genel Toplam', 'total'],
    ['Ara Toplam', 'subtotal'],
    ['lndirim', 'discount'],
    ['KDV', 'tax'],
    ['Para Ustu', 'other'],
    ['Net a payer', 'total'],
    ['Recu', 'other'],
    ['Te betalen', 'total'],
    ['Contant', 'other'],
    ['Wisselgeld', 'other'],
    ['Tong thanh toan', 'total'],
    ['Khach can tra', 'total'],
    ['Tien thoi lai', 'other'],
    ['Tra lai khach', 'other'],
    ['Tien khach dua', 'other'],
    ['zzgl. MwSt', 'tax'],
    ['Bar', 'other'],
    ['Zuruck', 'other'],
    ['Su cambio', 'other'],
    ['Valor pago', 'other'],
    ['Acrescimo', 'surcharge'],
    ['CGST', 'tax'],
    ['SGST', 'tax'],
    ['Round Off', 'surcharge'],
    ['Balance Returned', 'other'],
    ['Sukli', 'other'],
    ['值引', 'discount'],
    ['Soap Bar', null],
    ['PB1', 'tax'], // Indonesia's restaurant tax
    ['Grand Tota', 'total'], // the engine lost the l
  ])('%s → %s', (label, kind) => {
    expect(summaryKind(label)).toBe(kind);
  });

  it('"Amount due" outranks a plain "Total"', () => {
    expect(totalRank('Amount Due')).toBeGreaterThan(totalRank('Total'));
  });

  it.each([
    ['Qty', 'quantity'],
    ['数量', 'quantity'],
    ['Unit Price', 'unitPrice'],
    ['单价', 'unitPrice'],
    ['Amount', 'amount'],
    ['小计', 'amount'],
    ['Description', 'name'],
    ['#', 'other'],
    ['条码', 'other'],
    ['Qy', null],
    ['Cantidad', 'quantity'],
    ['Cant.', 'quantity'],
    ['Qté', 'quantity'],
    ['Menge', 'quantity'],
    ['Số lượng', 'quantity'],
    ['Precio', 'unitPrice'],
    ['Preço Unit.', 'unitPrice'],
    ['Harga', 'unitPrice'],
    ['Đơn giá', 'unitPrice'],
    ['単価', 'unitPrice'],
    ['Importe', 'amount'],
    ['Betrag', 'amount'],
    ['Thành tiền', 'amount'],
    ['Artículo', 'name'],
    ['Descripción', 'name'],
    ['Désignation', 'name'],
    ['Nama Barang', 'name'],
    ['Código', 'other'],
    ['Rate', 'unitPrice'],
    ['P. Unitario', 'unitPrice'],
    ['Stukprijs', 'unitPrice'],
    ['Vl. Total', 'amount'],
    ['Toplam', 'amount'],
    ['Jumlah', 'amount'],
    ['Particulars', 'name'],
    ['Ürün Adı', 'name'],
    // The column's currency in brackets does not change its role.
    ['Harga (Rp)', 'unitPrice'],
    ['Total (Rp)', 'amount'],
    ['Thanh tien (VND)', 'amount'],
    ['Don gia (VNĐ)', 'unitPrice'],
  ])('header %s → %s', (word, role) => {
    expect(headerRole(word)).toBe(role);
  });
});

describe('what is not an item name', () => {
  it.each([
    ['1.665 x 29.77', true],
    ['2 @ 3.50', true],
    ['12', true],
    ['', true],
    ['Apple Fuji', false],
    ['鸡蛋', false],
    ['beer 0.3 liter', false],
  ])('%s → %s', (name, notAName) => {
    expect(isNotAName(name)).toBe(notAName);
  });

  it('each such line gets a warning naming its cell', () => {
    expect(nameWarnings([{ id: 'l1', name: '1.665 x 29.77' }])).toEqual([
      expect.objectContaining({
        code: 'name_unread',
        cell: { kind: 'line', id: 'l1', field: 'name' },
      }),
    ]);
  });
});

describe('a currency mark makes a header word a price', () => {
  it.each([
    ['Units', 'quantity'],
    ['Unit', 'unitPrice'], // the unit's price; a count of them is "Units" or "Qty"
    ['Unit (#)', 'unitPrice'],
    ['Units ($)', 'unitPrice'],
    ['VAT (#)', 'tax'],
  ] as const)('%s → %s', (words, role) => {
    expect(headerRole(words)).toBe(role);
  });
});
