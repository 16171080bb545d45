import { InputCellSchema, type InputCell } from './schema.ts';
import { writeCsv } from './writeCsv.ts';

/** The header of inputs.csv. */
export const INPUTS_CSV_HEADER = ['region', 'month', 'indicator', 'value', 'flag'] as const;

/**
 * inputs.csv: every input cell a release read, values exactly as given
 * (UTF-8, LF; a cell holding a comma, a quote or a line break is quoted,
 * RFC 4180).
 *
 * @example
 * formatInputsCsv([{ region: '430302', month: '2025-05', indicator: 'homicide', value: '1', flag: '' }]);
 * // 'region,month,indicator,value,flag\n430302,2025-05,homicide,1,\n'
 */
export function formatInputsCsv(cells: readonly InputCell[]): string {
  return writeCsv([INPUTS_CSV_HEADER, ...cells.map((c) => [c.region, c.month, c.indicator, c.value, c.flag])]);
}

/** RFC 4180 records of a text (quoted cells may hold commas, quotes and line breaks). */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        cell += ch;
        i++;
      }
    } else if (ch === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      row.push(cell);
      records.push(row);
      row = [];
      cell = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (quoted) throw new TypeError('inputs.csv: a quoted cell is not closed');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    records.push(row);
  }
  return records;
}

/**
 * Reads inputs.csv through its schema (the inverse of `formatInputsCsv`,
 * quoted cells included); throws a `TypeError` naming the line of a row
 * that does not fit.
 *
 * @example
 * parseInputsCsv('region,month,indicator,value,flag\n430302,2025-05,homicide,1,\n')[0].value; // '1'
 */
export function parseInputsCsv(text: string): InputCell[] {
  const records = csvRecords(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const header = records[0]?.join(',');
  if (header !== INPUTS_CSV_HEADER.join(',')) throw new TypeError(`inputs.csv: line 1: expected the header ${INPUTS_CSV_HEADER.join(',')}`);
  return records.slice(1).map((cells, i) => {
    if (cells.length !== INPUTS_CSV_HEADER.length) throw new TypeError(`inputs.csv: line ${i + 2}: ${cells.length} cells, expected ${INPUTS_CSV_HEADER.length}`);
    const [region, month, indicator, value, flag] = cells as [string, string, string, string, string];
    const parsed = InputCellSchema.safeParse({ region, month, indicator, value: value === '' ? null : value, flag });
    if (!parsed.success) throw new TypeError(`inputs.csv: line ${i + 2}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    return parsed.data;
  });
}
