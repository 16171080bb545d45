/**
 * A release's `inputs.csv` (every input cell the release read), read at
 * build time through the release format's own parser (`parseInputsCsv`:
 * RFC 4180 quoting, every row checked against its schema). A published
 * release file, not the raw input CSVs.
 */
import { readFileSync } from 'node:fs';
import { parseInputsCsv } from '@pingan/core/release';

export interface InputsCell {
  region: string;
  month: string;
  indicator: string;
  /** null where the cell is empty (known to be missing). */
  value: number | null;
}

/** The cells of one release's inputs.csv, in file order; a malformed file throws, naming the file and line. */
export function readInputsCsv(file: string): InputsCell[] {
  let cells;
  try {
    cells = parseInputsCsv(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`pingan site: ${file}: ${(error as Error).message}`, { cause: error });
  }
  return cells.map((c) => ({ region: c.region, month: c.month, indicator: c.indicator, value: c.value === null ? null : Number(c.value) }));
}
