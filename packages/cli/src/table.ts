import { parseCsv } from './csv.ts';
import { decodeText } from './decode.ts';
import { quoteValue, type Issue } from './issues.ts';

/** A column a table file may have: its key, the header names it goes by, and whether it is required. */
export interface ColumnSpec<K extends string> {
  readonly key: K;
  readonly names: readonly string[];
  readonly required: boolean;
}

/** One cell of a table row: the trimmed text and its 1-based column. */
export interface Cell {
  readonly value: string;
  readonly column: number;
}

/** One data row of a table file, keyed by column. Absent optional columns are missing from `cells`. */
export interface TableRow<K extends string> {
  readonly file: string;
  readonly line: number;
  readonly cells: Partial<Record<K, Cell>>;
}

export interface Table<K extends string> {
  readonly rows: TableRow<K>[];
  readonly issues: Issue[];
  /** How the file was encoded, when it could be decoded. */
  readonly encoding?: string;
}

/** The header names of a column as the reports show them, e.g. `数值/value`. */
export function columnLabel(spec: ColumnSpec<string>): string {
  return spec.names.join('/');
}

/**
 * Reads a CSV table: decodes the bytes (UTF-8 with or without BOM, or
 * GB18030), splits the records, maps the header (names matched after
 * trimming, case-insensitively) to column keys and returns every data row.
 * Problems that make a row unreadable (wrong number of fields, broken
 * quotes) or the whole file unreadable (undecodable, empty, missing or
 * unknown columns) are returned as issues; such rows are not returned.
 * Lines starting with `#` before the header are comments; blank lines and
 * rows whose cells are all empty are skipped.
 */
export function readTable<K extends string>(file: string, bytes: Uint8Array, columns: readonly ColumnSpec<K>[]): Table<K> {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { rows: [], issues: [{ file, line: decoded.line, column: decoded.column, reason: decoded.reason }] };
  const records = parseCsv(decoded.text).filter((r) => r.error !== undefined || r.cells.some((c) => c.trim() !== ''));
  let h = 0;
  while (h < records.length && records[h].error === undefined && records[h].cells[0]?.trimStart().startsWith('#')) h++;
  const encoding = decoded.encoding;
  if (h >= records.length) return { rows: [], issues: [{ file, line: 1, column: 1, reason: 'empty file: no header and no data rows' }], encoding };
  const header = records[h];
  const issues: Issue[] = [];
  if (header.error !== undefined) {
    return { rows: [], issues: [{ file, line: header.line, column: 1, reason: `cannot read the header: ${header.error}` }], encoding };
  }
  const byName = new Map<string, ColumnSpec<K>>();
  columns.forEach((spec) => spec.names.forEach((name) => byName.set(name.toLowerCase(), spec)));
  const position = new Map<K, number>();
  header.cells.forEach((raw, i) => {
    const name = raw.trim();
    const spec = byName.get(name.toLowerCase());
    if (!spec) {
      issues.push({ file, line: header.line, column: i + 1, value: name.slice(0, 80), reason: `unknown column ${quoteValue(name)}: expected ${columns.map(columnLabel).join(', ')}` });
    } else if (position.has(spec.key)) {
      issues.push({ file, line: header.line, column: i + 1, value: name, reason: `column ${columnLabel(spec)} appears twice (first in column ${position.get(spec.key)! + 1})` });
    } else position.set(spec.key, i);
  });
  for (const spec of columns) {
    if (spec.required && !position.has(spec.key)) {
      issues.push({ file, line: header.line, column: 1, reason: `missing required column ${columnLabel(spec)}` });
    }
  }
  if (issues.length > 0) return { rows: [], issues, encoding };
  const data = records.slice(h + 1);
  if (data.length === 0) return { rows: [], issues: [{ file, line: header.line, column: 1, reason: 'empty file: a header but no data rows' }], encoding };
  const width = header.cells.length;
  const rows: TableRow<K>[] = [];
  for (const record of data) {
    if (record.error !== undefined) {
      const span = record.endLine > record.line ? ` (the record runs over lines ${record.line}–${record.endLine})` : '';
      issues.push({ file, line: record.line, column: Math.max(1, record.cells.length), reason: `${record.error}${span}` });
      continue;
    }
    if (record.cells.length !== width) {
      issues.push({
        file,
        line: record.line,
        column: Math.min(record.cells.length, width) + 1,
        reason: `the row has ${record.cells.length} field${record.cells.length === 1 ? '' : 's'}, the header has ${width}`,
      });
      continue;
    }
    const cells: Partial<Record<K, Cell>> = {};
    for (const [key, i] of position) cells[key] = { value: record.cells[i].trim(), column: i + 1 };
    rows.push({ file, line: record.line, cells });
  }
  return { rows, issues, encoding };
}
