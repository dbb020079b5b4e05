import type { Result } from '../../../contract/result';
/**
 * WeChat Pay v2 bodies are one flat <xml> element of text children. This reads and writes that
 * shape only; anything else (nesting, DOCTYPE, entities beyond the five) is refused rather than
 * guessed at, which also rules out entity-expansion attacks.
 */
export type XmlResult = Result<Record<string, string>, string>;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Parses `<xml><a>1</a><b><![CDATA[x]]></b></xml>` into { a: '1', b: 'x' }. */
export function parseWechatXml(text: string): XmlResult {
  const body = /^\s*(?:<\?xml[^>]*\?>\s*)?<xml>([\s\S]*)<\/xml>\s*$/.exec(text);
  if (!body) return { ok: false, error: 'not an <xml> document' };
  const out: Record<string, string> = {};
  // A value is text and CDATA sections in any order (a "]]>" inside a value splits its CDATA).
  const re = /\s*<([A-Za-z_][A-Za-z0-9_]*)>((?:<!\[CDATA\[[\s\S]*?\]\]>|[^<])*)<\/\1>\s*/y;
  let at = 0;
  const inner = body[1]!;
  while (at < inner.length) {
    re.lastIndex = at;
    const m = re.exec(inner);
    if (!m) {
      if (/^\s*$/.test(inner.slice(at))) break;
      return { ok: false, error: `unexpected content at ${at}` };
    }
    let value = '';
    for (const part of m[2]!.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)) {
      if (part.startsWith('<![CDATA[')) value += part.slice(9, -3);
      else if (/&(?!(?:lt|gt|amp|quot|apos);)/.test(part))
        return { ok: false, error: `unknown entity in <${m[1]}>` };
      else value += part.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ENTITIES[e]!);
    }
    out[m[1]!] = value;
    at = re.lastIndex;
  }
  return { ok: true, value: out };
}

/** Writes a flat parameter map as WeChat's <xml>, every value in CDATA. */
export function toWechatXml(params: Record<string, string | undefined>): string {
  const parts = Object.entries(params)
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `<${k}><![CDATA[${v.replaceAll(']]>', ']]]]><![CDATA[>')}]]></${k}>`);
  return `<xml>${parts.join('')}</xml>`;
}
