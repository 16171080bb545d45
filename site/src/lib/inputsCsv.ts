/**
 * A release's `inputs.csv` (every input cell the release read: region,
 * month, indicator, value, flag), read at build time. A published release
 * file, not the raw input CSVs.
 */
import { readFileSync } from 'node:fs';

export interface InputsCell {
  region: string;
  month: string;
  indicator: string;
  /** null where the cell is empty (known to be missing). */
  value: number | null;
}

/** The cells of one release's inputs.csv, in file order; a malformed file throws, naming the file and line. */
export function readInputsCsv(file: string): InputsCell[] {
  const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0].split(',').map((h) => h.trim());
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`pingan site: ${file} has no column "${name}"`);
    return i;
  };
  const [ri, mi, ii, vi] = [col('region'), col('month'), col('indicator'), col('value')];
  const cells: InputsCell[] = [];
  lines.forEach((line, at) => {
    if (at === 0 || line.trim() === '') return;
    const f = line.split(',');
    const value = f[vi]?.trim() ?? '';
    const x = value === '' ? null : Number(value);
    if (x !== null && !Number.isFinite(x)) throw new Error(`pingan site: ${file}:${at + 1}: "${value}" is not a number`);
    cells.push({ region: f[ri].trim(), month: f[mi].trim(), indicator: f[ii].trim(), value: x });
  });
  return cells;
}
