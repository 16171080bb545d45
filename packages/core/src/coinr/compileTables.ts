import { ValidationError, type ValidationIssue } from '../framework/frameworkError.ts';
import { panelFromObservations, type Observation } from '../data/observations.ts';
import type { Panel } from '../panel/panel.ts';
import { periodFrequency, periodRange } from '../panel/period.ts';
import type { BuildOptions } from '../pipeline/buildIndex.ts';
import { coinrDefaults, coinrDocument, readCoinrMeta } from './coinrMeta.ts';
import { frameworkFromCoinrDocument } from './coinrFramework.ts';
import { cellText, isBlankRow, tableReader, tableRecords, type CoinrCell, type CoinrTable } from './coinrTable.ts';
import { fromCoinr, type CoinrImport, type CoinrOptions } from './fromCoinr.ts';

/** COINr's tables as `fromCoinr` takes them. */
export interface CoinrTables {
  readonly iData: CoinrTable;
  readonly iMeta: CoinrTable;
}

/**
 * A cell's number, `NaN` for a missing one (empty or NA), or `undefined`
 * when it is not a number: what `fromCoinr` reads, without trimming a
 * string that is a plain number (Number ignores the same white space).
 *
 * @example
 * cellNumber(' 2.5'); // 2.5
 * cellNumber('NA'); // NaN
 * cellNumber('four'); // undefined
 */
export function cellNumber(v: CoinrCell): number | undefined {
  // A string that is a finite number, the common cell, is settled by one conversion.
  if (typeof v === 'string') {
    const n = Number(v);
    if (n - n === 0) return n !== 0 || v.trim() !== '' ? n : Number.NaN;
  } else if (typeof v === 'number' && Number.isFinite(v)) return v;
  const text = cellText(v);
  return text === '' || text === 'NA' ? Number.NaN : undefined;
}

/** Where a plan reads iData's cells from, and puts them. */
export interface CellMap {
  /** The data columns read from each row. */
  readonly columns: readonly string[];
  /** iData's index of each row read, and its unit. */
  readonly rows: readonly number[];
  readonly units: readonly string[];
  /** Per row read, per column: the panel cell; absent where row r's cells are the panel's `r * columns.length …` (one period, a row per unit). */
  readonly cells?: Int32Array;
}

/** The import, its panel, where each iData cell goes in the panel, and iData's number of rows (without the header). */
export interface Compiled {
  readonly imported: CoinrImport;
  readonly panel: Panel;
  readonly map: CellMap;
  readonly rowCount: number;
}

/** The slow path, and the report of every problem: `fromCoinr`, `panelFromObservations`, then the cells' map. */
export function compileFromImport(tables: CoinrTables, options: CoinrOptions): Compiled {
  const imported = fromCoinr(tables, options);
  const { framework } = imported;
  const panel = panelFromObservations(framework, imported.observations);
  const denomColumns = new Set((options.Denominate?.denoms ?? []).flatMap((row) => Object.keys(row)));
  // The data columns, as fromCoinr reads them: indicators, then the denominators not given in `denoms`.
  const columns = [...framework.indicators, ...framework.denominators.map((d) => d.code).filter((code) => !denomColumns.has(code))];
  const columnIndex = columns.map((code) => panel.codes.indexOf(code));
  const units: string[] = [];
  const rows: number[] = [];
  const cells: number[] = [];
  const C = panel.codes.length;
  const U = panel.units.length;
  tableRecords(tables.iData).forEach((row, i) => {
    if (isBlankRow(row)) return;
    const unit = cellText(row.uCode);
    const p = panel.periods.indexOf(cellText(row.Time) || (options.period ?? ''));
    const u = panel.units.indexOf(unit);
    units.push(unit);
    rows.push(i);
    for (const c of columnIndex) cells.push((p * U + u) * C + c);
  });
  return { imported, panel, map: { columns, rows, units, cells: Int32Array.from(cells) }, rowCount: tableReader(tables.iData).length };
}

/** What a fast import's observations are made from, when first read, and then the observations (given at once by the slow path). */
export interface LongForm {
  readonly codes: readonly string[];
  /** iData's index, unit and period of each row read, whose cells are `read[r * codes.length …]` (the panel's own values where they are laid out so). */
  readonly rows: readonly number[];
  readonly units: readonly string[];
  readonly rowPeriods: readonly string[];
  readonly read: Float64Array;
  observations?: Observation[];
}

// Kept on the import (and the plan) under a symbol and read through `this`: a getter that closed over
// the rows would keep every import's rows, and the tables, through V8's young-generation GCs until
// the next full one (see buildIndex's LazyStages).
export const LONG_FORM = Symbol('long form');

/**
 * The long form of an import or plan that keeps a `LongForm` under
 * `LONG_FORM`: its `observations` getter, made on first read and kept.
 *
 * @example
 * const imported = Object.defineProperty({}, LONG_FORM, { value: { codes: ['x'], rows: [0], units: ['A'], rowPeriods: ['2024'], read: Float64Array.of(NaN) } });
 * observationsOf(imported); // [{ unit: 'A', period: '2024', code: 'x', value: null, where: 'iData row 2, column x' }]
 */
export function observationsOf(imported: object): Observation[] {
  const long = (imported as { readonly [LONG_FORM]: LongForm })[LONG_FORM];
  const { codes, rows, units, rowPeriods, read } = long;
  const C = codes.length;
  long.observations ??= rows.flatMap((row, r) =>
    codes.map((code, c) => {
      const value = read[r * C + c];
      return { unit: units[r], period: rowPeriods[r], code, value: Number.isNaN(value) ? null : value, where: `iData row ${row + 2}, column ${code}` };
    }),
  );
  return long.observations;
}

/**
 * An import (with `extra`'s fields after its own: a plan's panel and
 * reader), whose `observations` are made from `long` when first read. Made
 * here, outside the function that read the rows: a getter keeps the scope
 * it was made in, which there holds the tables.
 *
 * @example
 * const plan = importWithLongForm(imported, { codes, rows, units, rowPeriods, read }, { panel, read: reader });
 * plan.observations; // made now, from the rows read
 */
export function importWithLongForm<Extra extends object = object>(parts: Omit<CoinrImport, 'observations'>, long: LongForm, extra?: Extra): CoinrImport & Extra {
  const imported = {
    document: parts.document,
    framework: parts.framework,
    get observations() {
      return observationsOf(this);
    },
    unitGroups: parts.unitGroups,
    unitNames: parts.unitNames,
    options: parts.options,
    ...extra,
  } as CoinrImport & Extra;
  return Object.defineProperty(imported, LONG_FORM, { value: long });
}

/**
 * The fast path: iMeta to the framework, iData's cells straight into the
 * panel. Returns undefined at the first problem of any kind, leaving the
 * report to the slow path. Exported for the tests, which check that it is
 * taken and agrees with the slow path.
 */
export function compileFast(tables: CoinrTables, options: CoinrOptions): Compiled | undefined {
  const issues: ValidationIssue[] = [];
  const meta = readCoinrMeta(tables.iMeta, options, issues);
  const defaults = coinrDefaults(options, meta.groupings, issues);
  if (issues.length > 0) return undefined;
  const document = coinrDocument(meta, defaults, options);
  let framework;
  try {
    framework = frameworkFromCoinrDocument(document);
  } catch (error) {
    if (error instanceof ValidationError) return undefined;
    throw error;
  }
  // Every indicator's denominator is one of these codes: the framework refuses a denominator it does not declare.
  const codes = [...framework.indicators, ...framework.denominators.map((d) => d.code)];
  const C = codes.length;
  const groupings = meta.groupings;
  const unitGroups: Record<string, Record<string, string>> = Object.fromEntries(groupings.map((g) => [g, Object.create(null) as Record<string, string>]));
  const unitNames: Record<string, string> = Object.create(null) as Record<string, string>;

  // One pass over the rows: units (in order of first appearance), periods, groups, names, and every cell's number.
  const rows: number[] = [];
  const units: string[] = [];
  const rowPeriods: string[] = [];
  const unitIndex = new Map<string, number>();
  const unitPeriods: (string | Set<string>)[] = [];
  let frequency: string | undefined;
  let lastPeriod: string | undefined;
  let first: string | undefined;
  let last: string | undefined;
  const iData = tableReader(tables.iData);
  // The rows up to the last that is not blank (a CSV's last line break gives a blank row, which is passed over as any blank row is).
  let end = iData.length;
  while (end > 0 && iData.blank(end - 1)) end--;
  const read = new Float64Array(end * C);
  let n = 0;
  const uCode = iData.column('uCode');
  const uName = iData.column('uName');
  const time = iData.column('Time');
  const groupColumns = groupings.map((g) => iData.column(g));
  // Each grouping's record looked up once: a lookup by a grouping's name in every row cost more than the row's stores.
  const groupRecords = groupings.map((g) => unitGroups[g]);
  const dataColumns = codes.map((code) => iData.column(code));
  for (let i = 0; i < end; i++) {
    const rowCells = iData.cells(i);
    const unit = cellText(rowCells[uCode]);
    if (unit === '') {
      if (iData.blank(i)) continue;
      return undefined;
    }
    const period = cellText(rowCells[time]) || options.period;
    if (!period) return undefined;
    if (period !== lastPeriod) {
      // Rows mostly repeat the period before them: it is checked once per run of equal periods.
      const f = periodFrequency(period);
      if (!f || (frequency !== undefined && f !== frequency)) return undefined;
      frequency = f;
      lastPeriod = period;
      if (first === undefined || period < first) first = period;
      if (last === undefined || period > last) last = period;
    }
    // A unit's periods so far: the one period of its first row, a set from its second (a table of one period makes no set).
    const u = unitIndex.get(unit);
    if (u === undefined) {
      unitIndex.set(unit, unitPeriods.length);
      unitPeriods.push(period);
    } else {
      const seen = unitPeriods[u];
      if (seen === period || (typeof seen !== 'string' && seen.has(period))) return undefined; // a duplicate row: the slow path names both
      if (typeof seen === 'string') unitPeriods[u] = new Set([seen, period]);
      else seen.add(period);
    }
    unitNames[unit] = cellText(rowCells[uName]) || unit;
    for (let g = 0; g < groupings.length; g++) {
      const group = cellText(rowCells[groupColumns[g]]);
      if (group) groupRecords[g][unit] = group;
    }
    for (let c = 0; c < C; c++) {
      const cell = rowCells[dataColumns[c]];
      if (cell === undefined) return undefined; // no such column: the slow path says which
      const value = cellNumber(cell);
      if (value === undefined) return undefined;
      read[n++] = value;
    }
    rows.push(i);
    units.push(unit);
    rowPeriods.push(period);
  }
  if (first === undefined || last === undefined) return undefined;
  // A checked period is its own range (a valid period string reads back as itself: periodFrequency accepted it).
  const periods = first === last ? [first] : periodRange(first, last);
  const U = unitIndex.size;
  let values: Float64Array;
  let cells: Int32Array | undefined;
  if (periods.length === 1 && U === rows.length) {
    // One period, a row per unit in the units' order: row r's cells are the panel's, at r * C …, as read.
    values = n === read.length ? read : read.slice(0, n);
  } else {
    const periodIndex = new Map(periods.map((p, i) => [p, i]));
    values = new Float64Array(U * periods.length * C).fill(Number.NaN);
    cells = new Int32Array(rows.length * C);
    for (let r = 0; r < rows.length; r++) {
      const base = ((periodIndex.get(rowPeriods[r]) as number) * U + (unitIndex.get(units[r]) as number)) * C;
      for (let c = 0; c < C; c++) {
        cells[r * C + c] = base + c;
        values[base + c] = read[r * C + c];
      }
    }
  }
  const panel: Panel = { units: [...unitIndex.keys()], periods, codes, values, flags: new Uint8Array(values.length) };
  const buildOptions: BuildOptions = {
    ...(defaults.imputation && groupings.length > 0 ? { unitGroups } : {}),
    ...(options.Screen ? { screen: { minAvailability: options.Screen.dat_thresh } } : {}),
  };
  // The long form reads the rows' values from the panel where they are the panel's (a panel is never written to).
  const imported = importWithLongForm({ document, framework, unitGroups, unitNames, options: buildOptions }, { codes, rows, units, rowPeriods, read: cells ? read : values });
  return { imported, panel, map: { columns: codes, rows, units, ...(cells ? { cells } : {}) }, rowCount: iData.length };
}

