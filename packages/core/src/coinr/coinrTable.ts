/** A cell of a COINr table as read from CSV: its text (or number); missing when null or undefined. */
export type CoinrCell = string | number | null | undefined;

/** A row of a COINr table as read from CSV: column name → cell text (or number). */
export type CoinrRecord = Readonly<Record<string, CoinrCell>>;

/**
 * A COINr table (iData or iMeta): records, as papaparse gives with
 * `header: true`, or rows of cells whose first row names the columns, as
 * papaparse gives without it (and as a data frame is written to CSV).
 */
export type CoinrTable = readonly CoinrRecord[] | readonly (readonly CoinrCell[])[];

/**
 * A cell as text, trimmed; a missing cell is empty. A string that starts
 * and ends with a printable ASCII character other than a space, as nearly
 * every cell does, has nothing to trim and is returned without calling
 * `trim` (which removes only white space and line terminators).
 *
 * @example
 * cellText(' AUT '); // 'AUT'
 * cellText(null); // ''
 * cellText(2.5); // '2.5'
 */
export function cellText(v: CoinrCell): string {
  if (typeof v === 'string') {
    const last = v.length - 1;
    if (last < 0) return v;
    const a = v.charCodeAt(0);
    const b = v.charCodeAt(last);
    if (a > 32 && a < 127 && b > 32 && b < 127) return v;
    return v.trim();
  }
  return v === null || v === undefined ? '' : String(v).trim();
}

/**
 * Whether a row is a CSV's blank line: every cell empty (of a row of cells,
 * the first `width`: the cells under the header, as its record holds).
 */
export function isBlankRow(row: CoinrRecord | readonly CoinrCell[], width = Number.POSITIVE_INFINITY): boolean {
  if (Array.isArray(row)) {
    for (let k = 0; k < row.length && k < width; k++) if (cellText(row[k]) !== '') return false;
    return true;
  }
  for (const key in row) if (Object.hasOwn(row, key) && cellText((row as CoinrRecord)[key]) !== '') return false;
  return true;
}

const isRows = (table: CoinrTable): table is readonly (readonly CoinrCell[])[] => table.length > 0 && Array.isArray(table[0]);

/**
 * The table as records. Rows of cells become records keyed by the header
 * row, each with the cells its row has (a short row lacks the last columns),
 * so that row i of the records is line i + 2 of the CSV either way.
 */
export function tableRecords(table: CoinrTable): readonly CoinrRecord[] {
  if (!isRows(table)) return table as readonly CoinrRecord[];
  const header = table[0].map(cellText);
  const records: CoinrRecord[] = [];
  for (let r = 1; r < table.length; r++) {
    const row = table[r];
    const record: Record<string, CoinrCell> = {};
    for (let k = 0; k < header.length && k < row.length; k++) record[header[k]] = row[k];
    records.push(record);
  }
  return records;
}

/**
 * Reads a table's cells by row and column without making records: a
 * column is looked up once (`column`), then read in every row (`cell`).
 * `cell` gives `undefined` where the row has no such cell.
 */
export interface TableReader {
  /** The data rows (without a header row). */
  readonly length: number;
  /** A handle of the named column, for `cell`. */
  column(name: string): number;
  cell(row: number, column: number): CoinrCell;
  /** The cells of a row, indexed by column handle (`cells(row)[column]` is `cell(row, column)`), to read many of its cells without a call each. */
  cells(row: number): readonly CoinrCell[];
  blank(row: number): boolean;
}

/** A reader of either form of table. */
export function tableReader(table: CoinrTable): TableReader {
  if (isRows(table)) {
    const width = table[0].length;
    // The last column of a name, as in its record (a later key overwrites an earlier one).
    const columnOf = new Map<string, number>();
    for (let k = 0; k < width; k++) columnOf.set(cellText(table[0][k]), k);
    return {
      length: table.length - 1,
      column: (name) => columnOf.get(name) ?? -1,
      cell: (row, column) => (column < 0 ? undefined : table[row + 1][column]),
      // A missing column's handle, -1, reads undefined from the row as `cell` gives.
      cells: (row) => table[row + 1],
      blank: (row) => isBlankRow(table[row + 1], width),
    };
  }
  const records = table as readonly CoinrRecord[];
  const names: string[] = [];
  return {
    length: records.length,
    column: (name) => names.push(name) - 1,
    cell: (row, column) => {
      const record = records[row];
      const name = names[column];
      return Object.hasOwn(record, name) ? record[name] : undefined;
    },
    cells: (row) => {
      const record = records[row];
      return names.map((name) => (Object.hasOwn(record, name) ? record[name] : undefined));
    },
    blank: (row) => isBlankRow(records[row]),
  };
}
