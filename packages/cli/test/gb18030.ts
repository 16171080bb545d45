/**
 * A GB18030 encoder for tests (Node's TextEncoder writes only UTF-8): ASCII
 * as is, every other character by its two-byte code, found by decoding each
 * two-byte sequence once. Characters outside the two-byte range are refused.
 */
let table: Map<string, [number, number]> | undefined;

function buildTable(): Map<string, [number, number]> {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const map = new Map<string, [number, number]>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      try {
        const ch = decoder.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && !map.has(ch)) map.set(ch, [a, b]);
      } catch {
        // not a character
      }
    }
  }
  return map;
}

export function encodeGb18030(text: string): Uint8Array {
  table ??= buildTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new RangeError(`no two-byte GB18030 code for "${ch}"`);
      out.push(...pair);
    }
  }
  return new Uint8Array(out);
}

/** Text as UTF-8 bytes, with a byte order mark when asked. */
export function encodeUtf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
