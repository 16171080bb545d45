/** The text of a file and how it was encoded. */
export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: 'utf-8-bom' | 'utf-8' | 'gb18030' }
  | { readonly ok: false; readonly line: number; readonly column: number; readonly reason: string };

const BOM = [0xef, 0xbb, 0xbf];

function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && BOM.every((b, i) => bytes[i] === b);
}

/** Line and column (1-based, in characters) of the first U+FFFD in a lenient decoding. */
function firstBadPlace(text: string): { line: number; column: number } {
  const at = text.indexOf('\uFFFD');
  const before = text.slice(0, Math.max(0, at));
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/**
 * Decodes a file as a statistics bureau's Excel writes it: a UTF-8 byte
 * order mark means UTF-8; otherwise strict UTF-8, and if that fails,
 * GB18030 (strict too). Bytes that are neither are reported with the line
 * and column where decoding first fails.
 *
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])); // { ok: true, text: 'a', encoding: 'utf-8-bom' }
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (hasBom(bytes)) {
    const body = bytes.subarray(3);
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8-bom' };
    } catch {
      const place = firstBadPlace(new TextDecoder('utf-8', { ignoreBOM: true }).decode(body));
      return { ok: false, ...place, reason: 'the file starts with a UTF-8 byte order mark but is not valid UTF-8' };
    }
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: try GB18030 below
  }
  try {
    return { ok: true, text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    const place = firstBadPlace(new TextDecoder('gb18030').decode(bytes));
    return { ok: false, ...place, reason: 'cannot decode the file: it is neither UTF-8 nor GB18030' };
  }
}
