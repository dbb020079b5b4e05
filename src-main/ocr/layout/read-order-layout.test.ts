import { describe, expect, it } from 'vitest';
import { currencyOf } from './currency';
import { readOrderFromBoxes } from './read-order-layout';
import { readCell } from './tokens';
import type { TextBox } from './text-box';

/** Boxes laid out as a screen: each row is [text, left x] pairs at 30 px line pitch. */
function screen(rows: Array<Array<[string, number]>>, conf = 0.98): TextBox[] {
  return rows.flatMap((row, i) =>
    row.map(([text, x]) => ({
      text,
      conf,
      x0: x,
      y0: 10 + i * 30,
      x1: x + Math.max(12, text.length * 9),
      y1: 28 + i * 30,
    })),
  );
}

describe('reading an order by geometry and arithmetic', () => {
  it('a grid with a header: columns by header, every line checks, total by its label', () => {
    const read = readOrderFromBoxes(
      screen([
        [
          ['Item', 10],
          ['Qty', 220],
          ['Price', 300],
          ['Amount', 400],
        ],
        [
          ['Pork bun', 10],
          ['2', 230],
          ['$3.50', 300],
          ['$7.00', 400],
        ],
        [
          ['Green tea 500ml', 10],
          ['1', 230],
          ['$2.20', 300],
          ['$2.20', 400],
        ],
        [
          ['Discount', 10],
          ['-$1.00', 400],
        ],
        [
          ['TOTAL', 10],
          ['$8.20', 400],
        ],
      ]),
      'CNY',
    );
    expect(read).toMatchObject({
      status: 'ok',
      currency: 'USD',
      total: 820,
      adjustments: [{ label: 'Discount', amount: -100 }],
      lines: [
        { name: 'Pork bun', quantity: '2', unitPrice: 350, amount: 700 },
        { name: 'Green tea 500ml', quantity: '1', unitPrice: 220, amount: 220 },
      ],
    });
  });

  it('two-row receipt items: the name row names the line, never the formula row', () => {
    const read = readOrderFromBoxes(
      screen([
        [['Apple Fuji', 10]],
        [
          ['1.665 x 29.77', 30],
          ['49.57', 300],
        ],
        [['Olive Oil 1L', 10]],
        [
          ['2 x 12.00', 30],
          ['24.00', 300],
        ],
        [
          ['合计', 10],
          ['73.57', 300],
        ],
      ]),
      'CNY',
    );
    expect(read.status).toBe('ok');
    expect(read.lines).toEqual([
      { id: 'l1', name: 'Apple Fuji', quantity: '1.665', unitPrice: 2977, amount: 4957 },
      { id: 'l2', name: 'Olive Oil 1L', quantity: '2', unitPrice: 1200, amount: 2400 },
    ]);
  });

  it('a name and its formula in one box: "Coke 330ml 2 x 3.50" is 2 × 3.50, not 330 ×', () => {
    const read = readOrderFromBoxes(
      screen([
        [
          ['Coke 330ml 2 x 3.50', 10],
          ['7.00', 300],
        ],
        [
          ['Water 500ml 1 x 1.20', 10],
          ['1.20', 300],
        ],
        [
          ['TOTAL', 10],
          ['8.20', 300],
        ],
      ]),
      'CNY',
    );
    expect(read.status).toBe('ok');
    expect(read.lines.map((l) => [l.name, l.quantity, l.unitPrice, l.amount])).toEqual([
      ['Coke 330ml', '2', 350, 700],
      ['Water 500ml', '1', 120, 120],
    ]);
  });

  it('a column headed "Price" that holds line amounts is read by the arithmetic', () => {
    const read = readOrderFromBoxes(
      screen([
        [
          ['Product Name', 10],
          ['Quantity', 200],
          ['Price', 400],
        ],
        [
          ['Sting', 10],
          ['2', 220],
          ['$ 2.00', 400],
        ],
        [
          ['ABC Beer', 10],
          ['1', 220],
          ['$ 4.00', 400],
        ],
        [
          ['Total:', 10],
          ['$ 6.00', 400],
        ],
      ]),
      'USD',
    );
    expect(read.status).toBe('ok');
    expect(read.lines.map((l) => [l.quantity, l.unitPrice, l.amount])).toEqual([
      ['2', 100, 200],
      ['1', 400, 400],
    ]);
  });

  it('item words that hide a label ("Custard", "Headphones") stay items; a total takes its row\'s last number', () => {
    const read = readOrderFromBoxes(
      screen([
        [
          ['Item', 10],
          ['Qty', 220],
          ['Price', 300],
          ['VAT', 400],
          ['Amount', 500],
        ],
        [
          ['Custard (small sachet)', 10],
          ['2', 230],
          ['3.00', 300],
          ['0.60', 400],
          ['6.00', 500],
        ],
        [
          ['Headphones', 10],
          ['1', 230],
          ['20.00', 300],
          ['4.00', 400],
          ['20.00', 500],
        ],
        [
          ['Total', 10],
          ['4.60', 400],
          ['26.00', 500],
        ],
      ]),
      'CNY',
    );
    expect(read.lines.map((l) => l.name)).toEqual(['Custard (small sachet)', 'Headphones']);
    expect(read.total).toBe(2600);
    expect(read.status).toBe('ok');
  });

  it('card fields ("数量:2  单价:3.00", "金额小计:6.00") belong to the card above them', () => {
    const read = readOrderFromBoxes(
      screen([
        [['可口可乐', 10]],
        [
          ['数量:2', 10],
          ['单价:3.00', 200],
        ],
        [['金额小计:6.00', 10]],
        [['雪碧', 10]],
        [
          ['数量:1', 10],
          ['单价:2.50', 200],
        ],
        [['金额小计:2.50', 10]],
        [
          ['数量:3', 10],
          ['合计:8.50元', 200],
        ],
      ]),
      'CNY',
    );
    expect(read.status).toBe('ok');
    expect(read.lines.map((l) => [l.name, l.quantity, l.unitPrice, l.amount])).toEqual([
      ['可口可乐', '2', 300, 600],
      ['雪碧', '1', 250, 250],
    ]);
    expect(read.total).toBe(850);
  });

  it('a footer of fields whose comma came out as a point ("种类:2.总价:8.50") still has its total', () => {
    const rows = (footer: string) =>
      screen([
        [
          ['名称', 10],
          ['数量', 200],
          ['价格', 300],
        ],
        [
          ['可口可乐', 10],
          ['2', 210],
          ['6.00', 300],
        ],
        [
          ['雪碧', 10],
          ['1', 210],
          ['2.50', 300],
        ],
        [[footer, 10]],
      ]);
    for (const footer of ['商品种类:2,总价:8.50', '商品种类：2.总价：8.50']) {
      const read = readOrderFromBoxes(rows(footer), 'CNY');
      expect(read.total, footer).toBe(850);
      expect(read.status, footer).toBe('ok');
    }
  });

  it('a Spanish ticket: Artículo | Cant. | Precio | Importe, the change under the total', () => {
    const read = readOrderFromBoxes(
      screen([
        [
          ['Artículo', 10],
          ['Cant.', 220],
          ['Precio', 300],
          ['Importe', 400],
        ],
        [
          ['Café con leche', 10],
          ['2', 230],
          ['1,50', 300],
          ['3,00', 400],
        ],
        [
          ['Tostada', 10],
          ['1', 230],
          ['2,25', 300],
          ['2,25', 400],
        ],
        [
          ['Descuento', 10],
          ['-0,25', 400],
        ],
        [
          ['TOTAL A PAGAR', 10],
          ['5,00 €', 400],
        ],
        [
          ['Efectivo', 10],
          ['10,00', 400],
        ],
        [
          ['Cambio', 10],
          ['5,00', 400],
        ],
      ]),
      'EUR',
    );
    expect(read.status).toBe('ok');
    expect(read.lines.map((l) => [l.name, l.quantity, l.unitPrice, l.amount])).toEqual([
      ['Café con leche', '2', 150, 300],
      ['Tostada', '1', 225, 225],
    ]);
    expect(read.total).toBe(500);
  });

  it('an Indonesian screen groups thousands with a point: Rp 3.500 is 3,500, cash and change are not the total', () => {
    const read = readOrderFromBoxes(
      screen([
        [
          ['Nama Barang', 10],
          ['Qty', 220],
          ['Harga', 300],
          ['Subtotal', 400],
        ],
        [
          ['Indomie Goreng', 10],
          ['3', 230],
          ['Rp 3.500', 300],
          ['Rp 10.500', 400],
        ],
        [
          ['Teh Botol', 10],
          ['2', 230],
          ['Rp 5.000', 300],
          ['Rp 10.000', 400],
        ],
        [
          ['Total', 10],
          ['Rp 20.500', 400],
        ],
        [
          ['Tunai', 10],
          ['Rp 50.000', 400],
        ],
        [
          ['Kembalian', 10],
          ['Rp 29.500', 400],
        ],
      ]),
      'IDR',
    );
    expect(read.status).toBe('ok');
    expect(read.lines.map((l) => [l.name, l.quantity, l.unitPrice, l.amount])).toEqual([
      ['Indomie Goreng', '3', 350000, 1050000],
      ['Teh Botol', '2', 500000, 1000000],
    ]);
    expect(read.total).toBe(2050000);
  });

  it('a screen whose own numbers do not add up is flagged, never accepted', () => {
    const read = readOrderFromBoxes(
      screen([
        [
          ['Item', 10],
          ['Qty', 220],
          ['Price', 300],
          ['Amount', 400],
        ],
        [
          ['Snickers', 10],
          ['2', 230],
          ['85', 300],
          ['170', 400],
        ],
        [
          ['Lays', 10],
          ['3', 230],
          ['60', 300],
          ['180', 400],
        ],
        [
          ['Total', 10],
          ['545', 400],
        ],
      ]),
      'CNY',
    );
    expect(read.status).toBe('needs_review');
    expect(read.total).toBe(54500);
    expect(read.warnings.map((w) => w.code)).toContain('total_mismatch');
  });

  it('a line whose price was not read is not completed by guessing', () => {
    const read = readOrderFromBoxes(
      screen([
        [
          ['Item', 10],
          ['Qty', 220],
          ['Price', 300],
          ['Amount', 400],
        ],
        [
          ['Bread', 10],
          ['', 230],
          ['20.00', 300],
          ['40.00', 400],
        ],
        [
          ['Sugar', 10],
          ['1', 230],
          ['40.00', 300],
          ['40.00', 400],
        ],
        [
          ['Total', 10],
          ['80.00', 400],
        ],
      ]),
      'CNY',
    );
    expect(read.status).toBe('needs_review');
    expect(read.warnings.map((w) => w.code)).toContain('quantity_unread');
  });

  it('no total, no lines, or text only: a clear reason, never ok', () => {
    const noTotal = readOrderFromBoxes(
      screen([
        [
          ['Tea', 10],
          ['1', 200],
          ['2.00', 300],
        ],
      ]),
      'CNY',
    );
    expect(noTotal.warnings.map((w) => w.code)).toContain('total_missing');
    const nothing = readOrderFromBoxes(screen([[['Welcome to our shop', 10]]]), 'CNY');
    expect(nothing.status).toBe('needs_review');
    expect(nothing.warnings.map((w) => w.code)).toContain('no_lines');
    expect(readOrderFromBoxes([], 'CNY').status).toBe('needs_review');
  });

  it('a price read with low confidence and not pinned by the arithmetic goes to review', () => {
    const boxes = screen([
      [
        ['Latte', 10],
        ['18', 300],
      ],
      [
        ['Mocha', 10],
        ['20', 300],
      ],
      [
        ['总计', 10],
        ['38元', 300],
      ],
    ]);
    boxes[1]!.conf = 0.4;
    boxes[3]!.conf = 0.4;
    const read = readOrderFromBoxes(boxes, 'CNY');
    expect(read.total).toBe(3800);
    expect(read.status).toBe('needs_review');
  });
});

describe('the currency the screen shows', () => {
  it.each([
    ['€', 'EUR', 'CNY'],
    ['₫', 'VND', 'CNY'],
    ['円', 'JPY', 'CNY'],
    ['$', 'CAD', 'CAD'],
    ['$', 'USD', 'CNY'],
    ['kr', 'SEK', 'SEK'],
    ['kr', 'CNY', 'CNY'],
  ])('%s on a store set to %s', (sign, expected, configured) => {
    const nums = readCell({ text: `12 ${sign}`, conf: 1, x0: 0, y0: 0, x1: 50, y1: 10 }).nums;
    expect(currencyOf(nums, configured)).toBe(expected);
  });
});

describe('what the rest of the screen says about the lines', () => {
  it('an item count settles quantities nobody read: each line left is one', () => {
    // A fast-food cashier: the quantity column's lone "1"s were not found; "数量: 3" was.
    const read = readOrderFromBoxes(
      screen([
        [
          ['日期', 10],
          ['数量', 250],
          ['金额', 320],
          ['操作', 410],
        ],
        [
          ['香辣鸡腿堡', 10],
          ['18', 326],
          ['删除', 410],
        ],
        [
          ['雪顶咖啡', 10],
          ['18', 326],
          ['删除', 410],
        ],
        [
          ['田园鸡腿堡', 10],
          ['15', 326],
          ['删除', 410],
        ],
        [
          ['数量：3', 300],
          ['总计：51元', 400],
        ],
      ]),
      'CNY',
    );
    expect(read.status).toBe('ok');
    expect(read.lines.map((l) => [l.quantity, l.amount])).toEqual([
      ['1', 1800],
      ['1', 1800],
      ['1', 1500],
    ]);
  });

  it('without the count those quantities stay unread, and their places are asked for', () => {
    const read = readOrderFromBoxes(
      screen([
        [
          ['日期', 10],
          ['数量', 250],
          ['金额', 320],
        ],
        [
          ['香辣鸡腿堡', 10],
          ['18', 326],
        ],
        [
          ['雪顶咖啡', 10],
          ['33', 326],
        ],
        [['总计：51元', 400]],
      ]),
      'CNY',
    );
    expect(read.status).toBe('needs_review');
    expect(read.missing).toHaveLength(2);
    // Each place stops short of the amount beside it, so a second look reads the quantity alone.
    for (const m of read.missing) expect(m.x1).toBeLessThan(326);
  });

  it('takes row numbers and barcodes off the names', () => {
    const read = readOrderFromBoxes(
      screen([
        [
          ['Name', 10],
          ['Qty', 300],
          ['Amount', 400],
        ],
        [
          ['1Snickers', 10],
          ['2', 300],
          ['170', 400],
        ],
        [
          ['2 6910000120567 Coca Cola', 10],
          ['1', 300],
          ['100', 400],
        ],
        [
          ['Total', 10],
          ['270', 400],
        ],
      ]),
      'CNY',
    );
    expect(read.lines.map((l) => l.name)).toEqual(['Snickers', 'Coca Cola']);
  });
});

describe("a line's own discount or tax", () => {
  it('a percent discount under the line explains its amount (Odoo)', () => {
    const read = readOrderFromBoxes(
      screen([
        [
          ['Apple In-Ear Headphones', 10],
          ['71.10', 330],
        ],
        [['1.000 Unit(s) at 79.00 / Unit(s)', 20]],
        [['With a 10% discount', 20]],
        [
          ['Graphics Card', 10],
          ['555.00', 330],
        ],
        [['1.000 Unit(s) at 555.00 / Unit(s)', 20]],
        [['Total: 626.10', 270]],
      ]),
      'EUR',
    );
    expect(read.status).toBe('ok');
    expect(read.lines[0]).toMatchObject({
      unitPrice: 7900,
      amount: 7110,
      adjustment: { label: 'With a 10% discount', amount: -790 },
    });
    expect(read.lines[1]!.adjustment).toBeUndefined();
  });

  it('a discount that does not explain the amount is no reason to accept it', () => {
    const read = readOrderFromBoxes(
      screen([
        [
          ['Apple In-Ear Headphones', 10],
          ['71.00', 330],
        ],
        [['1.000 Unit(s) at 79.00 / Unit(s)', 20]],
        [['With a 10% discount', 20]],
        [['Total: 71.00', 270]],
      ]),
      'EUR',
    );
    expect(read.status).toBe('needs_review');
  });

  it('a tax column inside the amounts, under a header the engine read as one box', () => {
    const row = (name: string, unit: string, qty: string, vat: string, amount: string) => [
      [name, 10] as [string, number],
      [unit, 300] as [string, number],
      [qty, 380] as [string, number],
      [vat, 460] as [string, number],
      [amount, 580] as [string, number],
    ];
    const read = readOrderFromBoxes(
      screen([
        [
          ['Item', 10],
          ['| Unit (#) | Qty |', 290],
          ['VAT (#)', 460],
          ['Amount (#)', 580],
        ],
        row('Peak milk', '700', '100', '21000.00', '91000.00'),
        row('Bournvita', '100', '100', '3000.00', '13000.00'),
        [
          ['Total', 10],
          ['24000.00', 460],
          ['104000.00', 580],
        ],
        [['Bonus Voucher: #800', 10]],
      ]),
      'NGN',
    );
    expect(read.status).toBe('ok');
    expect(
      read.lines.map((l) => [l.quantity, l.unitPrice, l.amount, l.adjustment?.amount]),
    ).toEqual([
      ['100', 70000, 9100000, 2100000],
      ['100', 10000, 1300000, 300000],
    ]);
    // The voucher printed under the total is not taken off it.
    expect(read.adjustments).toEqual([]);
  });
});

describe('panels', () => {
  it('two item cards side by side over a footer that spans both', () => {
    // A web cashier: each item a card (title, name, "数量: n  售价: p", "金额小计: a"), the
    // cards side by side, and under both one row "实际金额 11元   付款 20元   找零 9元".
    const read = readOrderFromBoxes(
      screen([
        [
          ['AS002', 60],
          ['AS004', 760],
        ],
        [
          ['Cola', 60],
          ['Sprite', 760],
        ],
        [
          ['数量：1', 90],
          ['售价：2', 380],
          ['数量：3', 790],
          ['售价：3', 1080],
        ],
        [
          ['金额小计：2', 60],
          ['金额小计：9', 760],
        ],
        [],
        [],
        [],
        [['AS004', 30]],
        [
          ['实际金额11元', 5],
          ['付款20元', 555],
          ['找零9元', 1100],
        ],
      ]),
      'CNY',
    );
    expect(read.status).toBe('ok');
    expect(read.total).toBe(1100);
    // A card's title or the code typed below is no part of an item's name.
    expect(read.lines.map((l) => [l.name, l.quantity, l.amount])).toEqual([
      ['Cola', '1', 200],
      ['Sprite', '3', 900],
    ]);
  });
});

describe('columns the header names', () => {
  it('a row-number column is never read as quantities, however well 1, 2, 3 add up', () => {
    const read = readOrderFromBoxes(
      screen([
        [
          ['#', 10],
          ['Item', 60],
          ['Qty', 300],
          ['Price', 400],
        ],
        [
          ['1', 12],
          ['Fluconazole', 60],
          ['800', 400],
        ],
        [
          ['2', 12],
          ['Furosemide', 60],
          ['4,500', 400],
        ],
        [
          ['Total', 60],
          ['5,300', 400],
        ],
      ]),
      'UGX',
    );
    expect(read.status).toBe('needs_review');
    expect(read.lines.map((l) => l.quantity)).not.toEqual(['1', '2']);
  });

  it('a unit price column that was not read is not worked out from amount ÷ quantity', () => {
    const read = readOrderFromBoxes(
      screen([
        [
          ['Item', 10],
          ['Unit', 250],
          ['Qty', 330],
          ['Amount', 420],
        ],
        [
          ['Peak milk', 10],
          ['100', 330],
          ['91000.00', 420],
        ],
        [
          ['Milo', 10],
          ['100', 330],
          ['13000.00', 420],
        ],
        [
          ['Total', 10],
          ['104000.00', 420],
        ],
      ]),
      'NGN',
    );
    expect(read.status).toBe('needs_review');
    expect(read.warnings.map((w) => w.code)).toContain('price_unread');
  });
});

describe('a total printed as an equation', () => {
  it('"55*95%+0=¥52.25": the sum, 95% of it — the total, and the 5% off as a discount', () => {
    const read = readOrderFromBoxes(
      screen([
        [
          ['菜名', 10],
          ['数量', 200],
          ['单价', 300],
          ['金额', 400],
        ],
        [
          ['宫保鸡丁', 10],
          ['1', 200],
          ['30.00', 300],
          ['30.00', 400],
        ],
        [
          ['米饭', 10],
          ['5', 200],
          ['5.00', 300],
          ['25.00', 400],
        ],
        [['55*95%+0=¥52.25', 10]],
      ]),
      'CNY',
    );
    expect(read.status).toBe('ok');
    expect(read.total).toBe(5225);
    expect(read.adjustments).toEqual([{ id: 'a1', label: '55*95%+0', amount: -275 }]);
  });

  it('"5.50 = 10 - 4.50" above the lines: the total, what was given, the change', () => {
    const read = readOrderFromBoxes(
      screen([
        [['5.50 = 10 - 4.50', 10]],
        [
          ['beer 0.3 liter', 10],
          ['2 * 2.00 = 4.00', 200],
        ],
        [
          ['softdrink 0.3 liter', 10],
          ['1 * 1.50 = 1.50', 200],
        ],
      ]),
      'CNY',
    );
    expect(read.status).toBe('ok');
    expect(read.total).toBe(550);
    expect(read.adjustments).toEqual([]);
  });

  it('an equation that does not hold is no total', () => {
    const read = readOrderFromBoxes(
      screen([
        [['5.50 = 10 - 4.00', 10]],
        [
          ['beer 0.3 liter', 10],
          ['2 * 2.00 = 4.00', 200],
        ],
        [
          ['softdrink 0.3 liter', 10],
          ['1 * 1.50 = 1.50', 200],
        ],
      ]),
      'CNY',
    );
    expect(read.status).toBe('needs_review');
  });
});
