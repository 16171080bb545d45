import { PinganError } from '../errors/pinganError.ts';
import { UnknownCodeError } from '../errors/pinganError.ts';

/**
 * The immutable table that every verb takes and returns: a dense grid of
 * units × periods × columns (indicator or aggregate codes).
 *
 * Cell (unit u, period p, column c) sits at `(p * units.length + u) * codes.length + c`
 * in `values` and `flags`. A missing value is `NaN`, never zero. Verbs never
 * write into a panel they were given; they return a new one.
 */
export interface Panel {
  readonly units: readonly string[];
  readonly periods: readonly string[];
  readonly codes: readonly string[];
  readonly values: Float64Array;
  /** Bit flags per cell (see `Flag`). */
  readonly flags: Uint8Array;
}

/**
 * Makes a panel of the given shape, all values missing unless `values` is
 * given. The arrays are copied, so later changes to them do not reach the panel.
 *
 * @example
 * const p = createPanel({ units: ['A', 'B'], periods: ['2025'], codes: ['x'], values: [1, 2] });
 * getValue(p, 'B', '2025', 'x'); // 2
 */
export function createPanel(shape: {
  units: readonly string[];
  periods: readonly string[];
  codes: readonly string[];
  values?: ArrayLike<number>;
  flags?: ArrayLike<number>;
}): Panel {
  const size = shape.units.length * shape.periods.length * shape.codes.length;
  assertUnique(shape.units, 'unit');
  assertUnique(shape.periods, 'period');
  assertUnique(shape.codes, 'code');
  const values = new Float64Array(size).fill(Number.NaN);
  if (shape.values) {
    if (shape.values.length !== size) {
      throw new PinganError('invalid-argument', `panel needs ${size} values, got ${shape.values.length}`);
    }
    values.set(shape.values);
  }
  const flags = new Uint8Array(size);
  if (shape.flags) {
    if (shape.flags.length !== size) throw new PinganError('invalid-argument', `panel needs ${size} flags, got ${shape.flags.length}`);
    flags.set(shape.flags);
  }
  return {
    units: [...shape.units],
    periods: [...shape.periods],
    codes: [...shape.codes],
    values,
    flags,
  };
}

function assertUnique(items: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item)) throw new PinganError('invalid-argument', `duplicate ${what} "${item}" in panel`);
    seen.add(item);
  }
}

/**
 * Where cell (unit, period, code) sits in `values`; an unknown unit, period
 * or code is an `UnknownCodeError` (a typo must not read as a missing value).
 * Anything laid out as a panel takes it: an `ExactPanel`, `PublishedValues`.
 *
 * @example
 * const p = createPanel({ units: ['A', 'B'], periods: ['2025'], codes: ['x', 'y'] });
 * cellAt(p, 'B', '2025', 'y'); // 3
 */
export function cellAt(panel: Pick<Panel, 'units' | 'periods' | 'codes'>, unit: string, period: string, code: string): number {
  const u = panel.units.indexOf(unit);
  if (u < 0) throw new UnknownCodeError('unit', unit, `no unit "${unit}" in the panel (units: ${firstTen(panel.units)})`);
  const p = panel.periods.indexOf(period);
  if (p < 0) throw new UnknownCodeError('period', period, `no period "${period}" in the panel (${panel.periods[0]} to ${panel.periods[panel.periods.length - 1]})`);
  const c = panel.codes.indexOf(code);
  if (c < 0) throw new UnknownCodeError('code', code, `no column "${code}" in the panel (columns: ${firstTen(panel.codes)})`);
  return (p * panel.units.length + u) * panel.codes.length + c;
}

/** The first ten names, and "…" where there are more: enough to spot a typo without flooding the message. */
const firstTen = (names: readonly string[]): string => `${names.slice(0, 10).join(', ')}${names.length > 10 ? ', …' : ''}`;

/**
 * One cell's value: `NaN` when the value is missing; an `UnknownCodeError`
 * when the panel has no such unit, period or code.
 *
 * @example
 * const p = createPanel({ units: ['A'], periods: ['2025'], codes: ['x'], values: [7] });
 * getValue(p, 'A', '2025', 'x'); // 7
 */
export function getValue(panel: Panel, unit: string, period: string, code: string): number {
  return panel.values[cellAt(panel, unit, period, code)];
}

/**
 * One cell's flags; an `UnknownCodeError` when the panel has no such unit,
 * period or code.
 *
 * @example
 * const p = createPanel({ units: ['A'], periods: ['2025'], codes: ['x'], flags: [Flag.Estimated] });
 * getFlags(p, 'A', '2025', 'x'); // 1
 */
export function getFlags(panel: Panel, unit: string, period: string, code: string): number {
  return panel.flags[cellAt(panel, unit, period, code)];
}

/**
 * A column's values for one period across all units, in unit order (a copy).
 *
 * @example
 * const p = createPanel({ units: ['A', 'B'], periods: ['2025'], codes: ['x'], values: [1, 2] });
 * crossSection(p, '2025', 'x'); // Float64Array [1, 2]
 */
export function crossSection(panel: Panel, period: string, code: string): Float64Array {
  const p = panel.periods.indexOf(period);
  const c = panel.codes.indexOf(code);
  if (p < 0) throw new PinganError('unknown-code', `no period "${period}" in panel`);
  if (c < 0) throw new PinganError('unknown-code', `no column "${code}" in panel`);
  const U = panel.units.length;
  const C = panel.codes.length;
  const out = new Float64Array(U);
  for (let u = 0; u < U; u++) out[u] = panel.values[(p * U + u) * C + c];
  return out;
}

/**
 * A column's values for one unit across all periods, in period order (a copy).
 *
 * @example
 * const p = createPanel({ units: ['A'], periods: ['2024', '2025'], codes: ['x'], values: [1, 2] });
 * timeSeries(p, 'A', 'x'); // Float64Array [1, 2]
 */
export function timeSeries(panel: Panel, unit: string, code: string): Float64Array {
  const u = panel.units.indexOf(unit);
  const c = panel.codes.indexOf(code);
  if (u < 0) throw new PinganError('unknown-code', `no unit "${unit}" in panel`);
  if (c < 0) throw new PinganError('unknown-code', `no column "${code}" in panel`);
  const U = panel.units.length;
  const C = panel.codes.length;
  const out = new Float64Array(panel.periods.length);
  for (let p = 0; p < panel.periods.length; p++) out[p] = panel.values[(p * U + u) * C + c];
  return out;
}

/**
 * A new panel with only the given columns, in the given order.
 *
 * @example
 * const p = createPanel({ units: ['A'], periods: ['2025'], codes: ['x', 'y'], values: [1, 2] });
 * selectColumns(p, ['y']).values; // Float64Array [2]
 */
export function selectColumns(panel: Panel, codes: readonly string[]): Panel {
  const indices = codes.map((code) => {
    const c = panel.codes.indexOf(code);
    if (c < 0) throw new PinganError('unknown-code', `no column "${code}" in panel`);
    return c;
  });
  const rows = panel.units.length * panel.periods.length;
  const C = panel.codes.length;
  const K = codes.length;
  const values = new Float64Array(rows * K);
  const flags = new Uint8Array(rows * K);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < K; k++) {
      values[r * K + k] = panel.values[r * C + indices[k]];
      flags[r * K + k] = panel.flags[r * C + indices[k]];
    }
  }
  return { units: panel.units, periods: panel.periods, codes: [...codes], values, flags };
}

/**
 * A new panel with only the given periods, in the given order.
 *
 * @example
 * const p = createPanel({ units: ['A'], periods: ['2024', '2025'], codes: ['x'], values: [1, 2] });
 * selectPeriods(p, ['2025']).values; // Float64Array [2]
 */
export function selectPeriods(panel: Panel, periods: readonly string[]): Panel {
  const rowWidth = panel.units.length * panel.codes.length;
  const values = new Float64Array(periods.length * rowWidth);
  const flags = new Uint8Array(periods.length * rowWidth);
  periods.forEach((period, k) => {
    const p = panel.periods.indexOf(period);
    if (p < 0) throw new PinganError('unknown-code', `no period "${period}" in panel`);
    values.set(panel.values.subarray(p * rowWidth, (p + 1) * rowWidth), k * rowWidth);
    flags.set(panel.flags.subarray(p * rowWidth, (p + 1) * rowWidth), k * rowWidth);
  });
  return { units: panel.units, periods: [...periods], codes: panel.codes, values, flags };
}

/**
 * The panel as long-format records, one per non-missing cell (or per cell,
 * with `includeMissing`), in period, unit, column order.
 *
 * @example
 * const p = createPanel({ units: ['A'], periods: ['2025'], codes: ['x'], values: [3] });
 * toRecords(p); // [{ unit: 'A', period: '2025', code: 'x', value: 3, flags: 0 }]
 */
export function toRecords(
  panel: Panel,
  options: { includeMissing?: boolean } = {},
): { unit: string; period: string; code: string; value: number; flags: number }[] {
  const out: { unit: string; period: string; code: string; value: number; flags: number }[] = [];
  const U = panel.units.length;
  const C = panel.codes.length;
  for (let p = 0; p < panel.periods.length; p++) {
    for (let u = 0; u < U; u++) {
      for (let c = 0; c < C; c++) {
        const i = (p * U + u) * C + c;
        const value = panel.values[i];
        if (Number.isNaN(value) && !options.includeMissing) continue;
        out.push({ unit: panel.units[u], period: panel.periods[p], code: panel.codes[c], value, flags: panel.flags[i] });
      }
    }
  }
  return out;
}
