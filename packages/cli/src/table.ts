import { parseCsv, type CsvRecord } from './csv.ts';
import { decodeText } from './decode.ts';
import { quoteValue, type Issue } from './issues.ts';
import { because } from './i18n/reason.ts';

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
 * Builds a table from CSV records as they come (from one decoded text, or
 * chunk by chunk from a stream): comment lines before the header, the
 * header, then each data row, checked as `readTable` describes.
 */
export class TableBuilder<K extends string> {
  readonly rows: TableRow<K>[] = [];
  readonly issues: Issue[] = [];
  private position: Map<K, number> | undefined;
  private width = 0;
  private headerLine = 0;
  private dead = false;
  private sawHeader = false;

  private readonly file: string;
  private readonly columns: readonly ColumnSpec<K>[];

  constructor(file: string, columns: readonly ColumnSpec<K>[]) {
    this.file = file;
    this.columns = columns;
  }

  /** Takes the next record of the file. */
  push(record: CsvRecord): void {
    if (this.dead) return;
    if (record.error === undefined && !record.cells.some((c) => c.trim() !== '')) return;
    const { file, columns } = this;
    if (!this.sawHeader) {
      if (record.error === undefined && record.cells[0]?.trimStart().startsWith('#')) return;
      this.sawHeader = true;
      this.headerLine = record.line;
      if (record.error !== undefined) {
        this.issues.push({ file, line: record.line, column: 1, reason: because`cannot read the header: ${record.error}` });
        this.dead = true;
        return;
      }
      const byName = new Map<string, ColumnSpec<K>>();
      columns.forEach((spec) => spec.names.forEach((name) => byName.set(name.toLowerCase(), spec)));
      const position = new Map<K, number>();
      record.cells.forEach((raw, i) => {
        const name = raw.trim();
        const spec = byName.get(name.toLowerCase());
        if (!spec) {
          this.issues.push({ file, line: record.line, column: i + 1, value: name.slice(0, 80), reason: because`unknown column ${quoteValue(name)}: expected ${columns.map(columnLabel).join(', ')}` });
        } else if (position.has(spec.key)) {
          this.issues.push({ file, line: record.line, column: i + 1, value: name, reason: because`column ${columnLabel(spec)} appears twice (first in column ${position.get(spec.key)! + 1})` });
        } else position.set(spec.key, i);
      });
      for (const spec of columns) {
        if (spec.required && !position.has(spec.key)) this.issues.push({ file, line: record.line, column: 1, reason: because`missing required column ${columnLabel(spec)}` });
      }
      if (this.issues.length > 0) {
        this.dead = true;
        return;
      }
      this.position = position;
      this.width = record.cells.length;
      return;
    }
    if (record.error !== undefined) {
      const reason = record.endLine > record.line ? because`${record.error} (the record runs over lines ${record.line}–${record.endLine})` : record.error;
      this.issues.push({ file, line: record.line, column: Math.max(1, record.cells.length), reason });
      return;
    }
    if (record.cells.length !== this.width) {
      this.issues.push({
        file,
        line: record.line,
        column: Math.min(record.cells.length, this.width) + 1,
        reason: because`the row has ${record.cells.length} field${record.cells.length === 1 ? '' : 's'}, the header has ${this.width}`,
      });
      return;
    }
    const cells: Partial<Record<K, Cell>> = {};
    for (const [key, i] of this.position!) cells[key] = { value: record.cells[i].trim(), column: i + 1 };
    this.rows.push({ file, line: record.line, cells });
  }

  /** The table, once every record was pushed. */
  finish(encoding?: string): Table<K> {
    const { file } = this;
    const withEncoding = encoding ? { encoding } : {};
    if (!this.sawHeader) return { rows: [], issues: [{ file, line: 1, column: 1, reason: because`empty file: no header and no data rows` }], ...withEncoding };
    if (this.dead) return { rows: [], issues: this.issues, ...withEncoding };
    if (this.rows.length === 0 && this.issues.length === 0) {
      return { rows: [], issues: [{ file, line: this.headerLine, column: 1, reason: because`empty file: a header but no data rows` }], ...withEncoding };
    }
    return { rows: this.rows, issues: this.issues, ...withEncoding };
  }
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
  const builder = new TableBuilder(file, columns);
  for (const record of parseCsv(decoded.text)) builder.push(record);
  return builder.finish(decoded.encoding);
}
