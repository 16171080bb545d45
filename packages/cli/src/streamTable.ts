import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { guessNewline, parseCsv, type CsvRecord } from './csv.ts';
import { readTable, TableBuilder, type ColumnSpec, type Table } from './table.ts';

/** How many bytes a streamed read takes at a time. */
export const STREAM_CHUNK_BYTES = 1 << 20;

/**
 * Cuts CSV text, as it arrives, after the last complete record: a record
 * separator outside quoted fields, with quotes read as papaparse reads them
 * (a quote opens a field only at its start; "" inside a quoted field is a
 * quote).
 */
class RecordCutter {
  private state: 'start' | 'plain' | 'quoted' | 'quote' = 'start';
  private pending = '';
  private scanned = 0;
  private readonly newline: string;

  constructor(newline: string) {
    this.newline = newline;
  }

  /** Adds text; returns the complete records it ends (possibly '') and keeps the rest. */
  feed(text: string): string {
    this.pending += text;
    const nl = this.newline;
    let cut = -1;
    let i = this.scanned;
    // A separator may straddle two pieces: stop scanning where one could begin but is not complete.
    const end = this.pending.length - (nl.length - 1);
    for (; i < end; i++) {
      const ch = this.pending[i];
      const atNewline = ch === nl[0] && this.pending.startsWith(nl, i);
      if (this.state === 'quoted') {
        if (ch === '"') this.state = 'quote';
        continue;
      }
      if (atNewline) {
        this.state = 'start';
        if (this.cuttable(i + nl.length)) cut = i + nl.length;
        i += nl.length - 1;
        continue;
      }
      // After a quote inside a quoted field: "" is a quote, a separator ends the field (spaces may come
      // between), anything else is a malformed quote and the field goes on (as papaparse reads it).
      if (this.state === 'quote') this.state = ch === ',' ? 'start' : ch === ' ' || ch === '\t' ? 'quote' : 'quoted';
      else if (ch === '"' && this.state === 'start') this.state = 'quoted';
      else this.state = ch === ',' ? 'start' : 'plain';
    }
    this.scanned = i;
    if (cut < 0) return '';
    const done = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    this.scanned -= cut;
    return done;
  }

  /**
   * Whether the text may be cut before position `at`: only where the next
   * character is known, is not U+FEFF (which papaparse drops at the start of
   * a piece but keeps inside a file), and does not complete a CRLF.
   */
  private cuttable(at: number): boolean {
    return at < this.pending.length && this.pending[at] !== '\uFEFF' && !(this.pending[at - 1] === '\r' && this.pending[at] === '\n');
  }

  /** The text left at the end of the file. */
  rest(): string {
    return this.pending;
  }
}

/** Thrown inside a streamed read when a piece holds a quoting error. */
class MalformedPiece extends Error {}

/** Line breaks as parseCsv counts them: LF, CRLF, or a lone CR. */
function lineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) n++;
    else if (ch === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/**
 * Reads a CSV table file in chunks (`chunkBytes` at a time, 1 MiB by
 * default): the bytes are hashed, decoded and cut into records as they
 * arrive, so neither the whole file's bytes nor its whole text are held,
 * only its rows. UTF-8 (with or without a byte order mark) streams; a file
 * that is not UTF-8 (GB18030, or undecodable), or whose quoting is broken,
 * is read whole instead, as `readTable` reads it, with the same checks and
 * messages: the result is always exactly `readTable`'s.
 *
 * @example
 * const { table, sha256 } = readTableFile('data/input/2025-10.csv', 'input/2025-10.csv', INPUT_COLUMNS);
 */
export function readTableFile<K extends string>(path: string, file: string, columns: readonly ColumnSpec<K>[], chunkBytes = STREAM_CHUNK_BYTES): { table: Table<K>; sha256: string } {
  const fd = openSync(path, 'r');
  const hash = createHash('sha256');
  const builder = new TableBuilder(file, columns);
  let cutter: RecordCutter | undefined;
  let newline: '\n' | '\r\n' | '\r' = '\n';
  let opening = '';
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let lineOffset = 0;
  let encoding: 'utf-8' | 'utf-8-bom' | undefined;
  const take = (text: string) => {
    if (text === '') return;
    for (const record of parseCsv(text, newline)) {
      // A quoting error is reported exactly as a whole read reports it (which may join lines a piece would not): read whole.
      if (record.error !== undefined) throw new MalformedPiece();
      const shifted: CsvRecord = { ...record, line: record.line + lineOffset, endLine: record.endLine + lineOffset };
      builder.push(shifted);
    }
    lineOffset += lineBreaks(text);
  };
  const buffer = new Uint8Array(chunkBytes);
  let head = new Uint8Array(0);
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      let chunk = buffer.subarray(0, n);
      hash.update(chunk);
      if (encoding === undefined) {
        // The byte order mark may straddle the first chunks.
        head = Uint8Array.from([...head, ...chunk]);
        if (head.length < 3 && n > 0) continue;
        encoding = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 'utf-8-bom' : 'utf-8';
        chunk = encoding === 'utf-8-bom' ? head.subarray(3) : head;
      }
      const text = decoder.decode(chunk, { stream: n > 0 });
      if (!cutter) {
        // The separator is guessed from the file's first MiB of text, as papaparse guesses it for a whole text.
        opening += text;
        if (opening.length < 1024 * 1024 && n > 0) continue;
        newline = guessNewline(opening.charCodeAt(0) === 0xfeff ? opening.slice(1) : opening);
        cutter = new RecordCutter(newline);
        take(cutter.feed(opening));
      } else take(cutter.feed(text));
      if (n === 0) break;
    }
    take(cutter!.rest());
  } catch (error) {
    if (!(error instanceof TypeError) && !(error instanceof MalformedPiece)) throw error;
    // Not UTF-8, or broken quoting: read the whole file, as readTable does (GB18030, or a precise message where it fails).
    closeSync(fd);
    const bytes = new Uint8Array(readFileSync(path));
    return { table: readTable(file, bytes, columns), sha256: createHash('sha256').update(bytes).digest('hex') };
  }
  closeSync(fd);
  return { table: builder.finish(encoding), sha256: hash.digest('hex') };
}
