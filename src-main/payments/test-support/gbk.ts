let table: Map<string, number[]> | null = null;

/**
 * Encodes text as GBK, as Alipay writes its bill files. Node decodes GBK but cannot encode it,
 * so the table is the decoder's run backwards over every two-byte sequence (tests only).
 */
export function encodeGbk(text: string): Uint8Array {
  if (!table) {
    table = new Map();
    const dec = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        const ch = dec.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b]);
      }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}
