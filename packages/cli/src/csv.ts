import Papa from 'papaparse';
import { because } from './i18n/reason.ts';

/** One record of a CSV file: its cells and the line it starts on (1-based). */
export interface CsvRecord {
  readonly line: number;
  /** The last line the record reaches (a quoted cell may span lines). */
  readonly endLine: number;
  readonly cells: readonly string[];
  /** A quoting problem papaparse found in this record, if any. */
  readonly error?: string;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * Splits CSV text (comma-separated, CRLF or LF, double quotes) into records,
 * each with the line it starts on. Blank lines are dropped; every other line
 * belongs to exactly one record. The record separator is papaparse's guess
 * from the text (`guessNewline`) unless `newline` is given.
 *
 * @example
 * parseCsv('a,b\r\n1,2\r\n'); // [{ line: 1, endLine: 1, cells: ['a', 'b'] }, { line: 2, endLine: 2, cells: ['1', '2'] }]
 */
export function parseCsv(text: string, newline?: '\n' | '\r\n' | '\r'): CsvRecord[] {
  const starts = lineStarts(text);
  const records: CsvRecord[] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    quoteChar: '"',
    ...(newline ? { newline } : {}),
    step: (result) => {
      const end = result.meta.cursor;
      const cells = result.data;
      const from = start;
      start = end;
      if (cells.length === 1 && cells[0] === '' && result.errors.length === 0) return;
      // The record's last character (before its line break) gives its last line.
      let last = Math.max(from, end - 1);
      while (last > from && (text[last] === '\n' || text[last] === '\r')) last--;
      const error = result.errors.map((e) => (e.code === 'MissingQuotes' ? because`unterminated quoted field` : e.message)).join('; ');
      records.push({ line: lineAt(starts, from), endLine: lineAt(starts, last), cells, ...(error ? { error } : {}) });
    },
  });
  return records;
}

// The CSV writer is the release format's own, in @pingan/core/release; re-exported for the CLI's writers.
export { writeCsv } from '@pingan/core/release';

/**
 * The record separator papaparse would guess for a text (from its first
 * MiB, quoted fields left out): LF when there is no CR or an LF comes first,
 * else CRLF when at least half the CRs are followed by LF, else CR. A text
 * read in pieces is parsed with its beginning's guess, as it would be whole.
 *
 * @example
 * guessNewline('a,b\r\n1,2\r\n'); // '\r\n'
 */
export function guessNewline(text: string): '\n' | '\r\n' | '\r' {
  const head = text.substring(0, 1024 * 1024).replace(/"([^]*?)"/gm, '');
  const r = head.split('\r');
  const n = head.split('\n');
  const nFirst = n.length > 1 && n[0].length < r[0].length;
  if (r.length === 1 || nFirst) return '\n';
  let withN = 0;
  for (const part of r) if (part[0] === '\n') withN++;
  return withN >= r.length / 2 ? '\r\n' : '\r';
}
