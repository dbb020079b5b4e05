import sharp from 'sharp';

/**
 * A small order to read once at launch. A tesseract.js worker runs its first jobs on V8's
 * baseline WASM code: the first read of the day took ~800 ms where a warm one takes ~250 ms.
 * The picture has what a real read exercises: a header, names (one Chinese), the number
 * columns far enough apart to be read by both engines, a discount and a total.
 */
export async function warmUpImage(): Promise<Buffer> {
  const rows = [
    ['Item', 'Qty', 'Price', 'Amount'],
    ['Milk 1L', '2', '12.80', '25.60'],
    ['牛奶 500ml', '1', '6.50', '6.50'],
    ['Bananas', '0.536', '9.90', '5.31'],
    ['Discount', '', '', '-1.00'],
    ['TOTAL', '', '', '36.41'],
  ];
  const x = [20, 320, 450, 600];
  const text = rows
    .flatMap((cells, r) =>
      cells.map((c, i) => {
        const anchor = i === 0 ? 'start' : 'end';
        const at = i === 0 ? x[0]! : x[i]! + 60;
        return `<text x="${at}" y="${40 + r * 36}" text-anchor="${anchor}">${c}</text>`;
      }),
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="700" height="260"><rect width="100%" height="100%" fill="#fff"/><g font-family="sans-serif" font-size="18" fill="#111">${text}</g></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
