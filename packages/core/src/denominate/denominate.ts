import type { Framework } from '../framework/defineFramework.ts';
import { ValidationError, type ValidationIssue } from '../framework/frameworkError.ts';
import { Flag } from '../panel/flags.ts';
import type { Panel } from '../panel/panel.ts';
import { columnIndex } from '../panel/columnIndex.ts';
import { TypedArena } from '../plan/typedArena.ts';

/** The publisher's flags that travel from a denominator to the rate made with it. */
const DENOMINATOR_FLAGS = Flag.Estimated | Flag.Provisional;

/** Rows `denominateInto` takes at a time: enough for a period of most panels, few enough to stay in cache. */
const ROWS_AT_A_TIME = 64;

/**
 * Turns raw counts into rates: for every indicator with a `denominator`,
 * `value / denominator × scale` in the same unit and period. Indicators
 * without a denominator pass through unchanged.
 *
 * The result has the framework's indicators as its columns, in
 * `framework.indicators` order; denominator columns are dropped. A missing
 * denominator makes the rate missing (`NaN`). A zero, negative or infinite
 * denominator where the value is present is an error: every such cell is
 * listed in one `ValidationError`, as are indicator or denominator columns
 * the panel lacks. Each cell keeps its indicator flags, plus the
 * denominator's estimated/provisional flags when the denominator is present.
 * The input panel is not changed.
 *
 * @example
 * // framework: indicator "homicide" with denominator { code: "pop", scale: 100000 }
 * const raw = createPanel({
 *   units: ['430302'], periods: ['2025-10'], codes: ['homicide', 'pop'],
 *   values: [3, 150_000],
 * });
 * const rates = denominate(raw, framework);
 * rates.codes; // ['homicide']
 * rates.values; // Float64Array [2]   (3 / 150,000 × 100,000)
 */
export function denominate(panel: Panel, framework: Framework): Panel {
  const issues: ValidationIssue[] = [];
  const K = framework.indicators.length;
  // The columns in one buffer (see `TypedArena`).
  const arena = new TypedArena({ float64: K, int32: 2 * K });
  const source = arena.int32(K);
  const denominatorSource = arena.int32(K).fill(-1);
  const scales = arena.float64(K).fill(1);
  // Each denominator's column, looked up once however many indicators it divides.
  const denominatorColumn = new Map<string, number>();
  for (let k = 0; k < K; k++) {
    const code = framework.indicators[k];
    const node = framework.byCode.get(code);
    const c = columnIndex(panel.codes, code, k);
    if (c < 0) {
      issues.push({ path: `indicator "${code}"`, message: 'is not a column of the panel' });
    } else {
      source[k] = c;
    }
    if (node?.type === 'indicator' && node.denominator) {
      const by = node.denominator.code;
      let d = denominatorColumn.get(by);
      if (d === undefined) denominatorColumn.set(by, (d = panel.codes.indexOf(by)));
      if (d < 0) {
        issues.push({ path: `indicator "${code}"`, message: `its denominator "${by}" is not a column of the panel` });
      } else {
        denominatorSource[k] = d;
        scales[k] = node.denominator.scale;
      }
    }
  }
  if (issues.length > 0) throw new ValidationError('the panel', issues);

  const U = panel.units.length;
  const rows = U * panel.periods.length;
  const values = new Float64Array(rows * K);
  const flags = new Uint8Array(rows * K);
  const bad: number[] = [];
  denominateInto(panel, { source, denominator: denominatorSource, scale: scales }, 0, rows, { values, flags }, 0, K, 1, bad);
  // The bad cells listed row by row (each row's indicators in order).
  const cells = Array.from({ length: bad.length / 2 }, (_, b) => [bad[2 * b], bad[2 * b + 1]] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (const [r, k] of cells) {
    const p = Math.floor(r / U);
    const u = r - p * U;
    const d = denominatorSource[k];
    issues.push({
      path: `unit "${panel.units[u]}", period "${panel.periods[p]}", indicator "${framework.indicators[k]}"`,
      message: `denominator "${panel.codes[d]}" is ${panel.values[r * panel.codes.length + d]}; it must be positive and finite where the value (${panel.values[r * panel.codes.length + source[k]]}) is present`,
    });
  }
  if (issues.length > 0) throw new ValidationError('the data', issues);
  return { units: [...panel.units], periods: [...panel.periods], codes: [...framework.indicators], values, flags };
}

/** Where `denominateInto` reads each indicator: its column, its denominator's column (-1: none) and the denominator's scale. */
export interface DenominationColumns {
  readonly source: Int32Array;
  readonly denominator: Int32Array;
  readonly scale: Float64Array;
}

/**
 * A panel's cells laid out otherwise, for `denominateInto`: the cell of
 * row r (unit r mod U of period ⌊r / U⌋) and column c at
 * `r × rowStride + c × columnStride` of `values` and `flags` (a panel is
 * `rowStride` = its number of codes, `columnStride` = 1; a column-major
 * copy, as an analysis makes once, `rowStride` = 1, `columnStride` = rows).
 */
export interface StridedCells {
  readonly values: Float64Array;
  readonly flags: Uint8Array;
  readonly rowStride: number;
  readonly columnStride: number;
}

/**
 * The rates of `denominate` (its one row loop), into arrays the caller
 * gives: for rows `first` to `first + rows − 1` of a panel (row r: unit
 * r mod U of period ⌊r / U⌋), or of its cells laid out as `StridedCells`
 * say, and each indicator k, the value in column
 * `columns.source[k]`, divided by the denominator in column
 * `columns.denominator[k]` and times `columns.scale[k]` where it has one,
 * with its flags (plus the denominator's estimated and provisional flags),
 * written at `start + (r − first) × rowStride + k × columnStride` of `out`
 * (row-major rows as `denominate` makes them, or a column per indicator).
 * A missing value or denominator gives `NaN`. A present value whose
 * denominator is ≤ 0 or infinite also gives `NaN`, and is a bad cell: its
 * row and k are pushed onto `bad` when given (a few rows at a time, indicator
 * by indicator). Returns how many cells were bad. With `copy` false, the
 * cells of indicators without a denominator are not written (the caller
 * has put the raw cells there already). It allocates nothing.
 *
 * @example
 * const input = { codes: ["homicide", "pop"], values: new Float64Array([3, 150_000, 5, 0]), flags: new Uint8Array(4) };
 * const out = { values: new Float64Array(2), flags: new Uint8Array(2) };
 * const columns = { source: Int32Array.of(0), denominator: Int32Array.of(1), scale: Float64Array.of(100_000) };
 * const bad: number[] = [];
 * denominateInto(input, columns, 0, 2, out, 0, 1, 1, bad); // 1; out.values [2, NaN], bad [1, 0]
 * // The same cells column by column:
 * denominateInto({ values: new Float64Array([3, 5, 150_000, 0]), flags: new Uint8Array(4), rowStride: 1, columnStride: 2 }, columns, 0, 2, out, 0, 1, 1, null); // 1
 */
export function denominateInto(
  input: Pick<Panel, 'codes' | 'values' | 'flags'> | StridedCells,
  columns: DenominationColumns,
  first: number,
  rows: number,
  out: { readonly values: Float64Array; readonly flags: Uint8Array },
  start: number,
  rowStride: number,
  columnStride: number,
  bad: number[] | null,
  copy = true,
): number {
  const { source, denominator, scale } = columns;
  const K = source.length;
  const inRow = 'rowStride' in input ? input.rowStride : input.codes.length;
  const inColumn = 'rowStride' in input ? input.columnStride : 1;
  const inValues = input.values;
  const inFlags = input.flags;
  const { values, flags } = out;
  let count = 0;
  // A few rows at a time (they stay in cache), indicator by indicator (its
  // columns and scale read once), each over those rows.
  for (let chunk = first; chunk < first + rows; chunk += ROWS_AT_A_TIME) {
    const end = Math.min(first + rows, chunk + ROWS_AT_A_TIME);
    for (let k = 0; k < K; k++) {
      const i = chunk * inRow + source[k] * inColumn;
      const d = denominator[k];
      const at = start + (chunk - first) * rowStride + k * columnStride;
      if (d < 0) {
        if (!copy) continue;
        if (inRow === 1 && rowStride === 1) copyRun(inValues, inFlags, i, values, flags, at, end - chunk);
        else copyCells(inValues, inFlags, i, inRow, values, flags, at, rowStride, end - chunk);
        continue;
      }
      const j = chunk * inRow + d * inColumn;
      if (rateCells(inValues, inFlags, i, j, inRow, scale[k], values, flags, at, rowStride, end - chunk) === 0) continue;
      // A missing denominator's flags do not travel; a denominator ≤ 0 or infinite makes the rate NaN, and a bad cell where the value is present.
      for (let r = chunk, v = i, w = j, o = at; r < end; r++, v += inRow, w += inRow, o += rowStride) {
        const den = inValues[w];
        if (den > 0 && den < Number.POSITIVE_INFINITY) continue;
        if (den !== den) {
          flags[o] = inFlags[v];
          continue;
        }
        values[o] = Number.NaN;
        if (inValues[v] !== inValues[v]) continue;
        count++;
        bad?.push(r, k);
      }
    }
  }
  return count;
}

/*
 * The loops over one indicator's rows are small functions of their own,
 * each with as few branches and live values as it can have (V8 keeps few
 * of them in registers): on ASEM's 51 × 49 cells, read column by column
 * as the analyses' replications read them, `denominateInto` takes about
 * 20% less time than with its loops inline, a branch per missing value or
 * denominator, and the bad cells pushed from within the rate loop.
 */

/** `n` cells copied with their flags, from every `step`-th cell of `inValues` from `i` to every `outStep`-th of `values` from `at`. */
function copyCells(inValues: Float64Array, inFlags: Uint8Array, i: number, step: number, values: Float64Array, flags: Uint8Array, at: number, outStep: number, n: number): void {
  for (let r = 0; r < n; r++, i += step, at += outStep) {
    values[at] = inValues[i];
    flags[at] = inFlags[i];
  }
}

/** `copyCells` with both steps 1 (a column copied to a column): fewer values to keep in registers. */
function copyRun(inValues: Float64Array, inFlags: Uint8Array, i: number, values: Float64Array, flags: Uint8Array, at: number, n: number): void {
  for (let r = 0; r < n; r++) {
    values[at + r] = inValues[i + r];
    flags[at + r] = inFlags[i + r];
  }
}

/**
 * `n` rates: each value (from `i`) divided by its denominator (from `j`)
 * times `per`, with the value's flags and the denominator's estimated and
 * provisional flags. Returns how many denominators are missing, ≤ 0 or
 * infinite, which the caller then sets right (`denominateInto`): the loop
 * has no other branch, as a missing value or denominator makes the rate
 * NaN by itself.
 */
function rateCells(inValues: Float64Array, inFlags: Uint8Array, i: number, j: number, step: number, per: number, values: Float64Array, flags: Uint8Array, at: number, outStep: number, n: number): number {
  let outside = 0;
  for (let r = 0, v = i, w = j, o = at; r < n; r++, v += step, w += step, o += outStep) {
    const den = inValues[w];
    values[o] = (inValues[v] / den) * per;
    flags[o] = inFlags[v] | (inFlags[w] & DENOMINATOR_FLAGS);
    if (!(den > 0 && den < Number.POSITIVE_INFINITY)) outside++;
  }
  return outside;
}

