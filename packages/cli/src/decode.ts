import { because } from './i18n/reason.ts';
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
 * Characters that never occur in a Chinese statistics file but do appear
 * when Big5 or UTF-8 bytes are decoded as GB18030: kana, Hangul, Greek and
 * Cyrillic letters, box drawing, private-use and Latin-1 letters, and
 * characters GB18030 reaches only through its four-byte codes.
 */
const UNLIKELY = /[\u0080-\u00a6\u00a8-\u00af\u00b2-\u00b6\u00b8-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u04ff\u2500-\u257f\u3040-\u30ff\u3130-\u318f\uac00-\ud7af\ue000-\uf8ff]|[\ud800-\udbff]/;

function unlikelyCharacter(text: string): { line: number; column: number; sample: string } | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const at = lines[i].search(UNLIKELY);
    if (at >= 0) {
      const from = Math.max(0, at - 3);
      return { line: i + 1, column: at + 1, sample: lines[i].slice(from, at + 4) };
    }
  }
  return undefined;
}

/** Whether a line of bytes is valid UTF-8 holding at least one non-ASCII character. */
function utf8NonAscii(line: Uint8Array): boolean | undefined {
  if (line.every((b) => b < 0x80)) return undefined;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(line);
    return true;
  } catch {
    return false;
  }
}

/** For bytes that are not UTF-8 as a whole: a line that is UTF-8 (with non-ASCII text) beside one that is not. */
function mixedUtf8Line(bytes: Uint8Array): { line: number; other: number } | undefined {
  let utf8Line: number | undefined;
  let otherLine: number | undefined;
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      const kind = utf8NonAscii(bytes.subarray(start, i));
      if (kind === true && utf8Line === undefined) utf8Line = line;
      if (kind === false && otherLine === undefined) otherLine = line;
      start = i + 1;
      line++;
    }
  }
  return utf8Line !== undefined && otherLine !== undefined ? { line: utf8Line, other: otherLine } : undefined;
}

/**
 * Decodes a file as a statistics bureau's Excel writes it: a UTF-8 byte
 * order mark means UTF-8; otherwise strict UTF-8, and if that fails,
 * GB18030 (strict too). Bytes that are neither are reported with the line
 * and column where decoding first fails. A decoding that is only a guess is
 * refused with its line rather than published garbled: a file whose lines
 * are partly UTF-8 and partly not, and a GB18030 decoding that yields
 * characters no Chinese statistics file holds (Big5 bytes read as GB18030
 * turn 湘潭市 into 答兼カ).
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
      return { ok: false, ...place, reason: because`the file starts with a UTF-8 byte order mark but is not valid UTF-8` };
    }
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: try GB18030 below
  }
  const mixed = mixedUtf8Line(bytes);
  if (mixed) return { ok: false, line: mixed.line, column: 1, reason: because`the file mixes encodings: line ${mixed.line} is UTF-8 but line ${mixed.other} is not; save the whole file as UTF-8 (Excel: CSV UTF-8)` };
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    const odd = unlikelyCharacter(text);
    if (odd) {
      return {
        ok: false,
        line: odd.line,
        column: odd.column,
        reason: because`the file decodes as GB18030 only to unlikely characters (${JSON.stringify(odd.sample)}): it may be Big5 or mix encodings; save it as UTF-8 (Excel: CSV UTF-8)`,
      };
    }
    return { ok: true, text, encoding: 'gb18030' };
  } catch {
    const place = firstBadPlace(new TextDecoder('gb18030').decode(bytes));
    return { ok: false, ...place, reason: because`cannot decode the file: it is neither UTF-8 nor GB18030` };
  }
}
