import type { Panel } from '../panel/panel.ts';

/**
 * A panel held as `rebuildFromRaw` computes it: period after period, a
 * column-major block (column c of unit u in period p at (p × K + c) × U + u).
 * Its row-major `values` and `flags` are written from the blocks when first
 * read after a replication (`invalidate`), so an analysis that reads one
 * column through `panelColumn` never transposes the other columns. Internal:
 * not exported from the package.
 *
 * @example
 * const blocks = { values: Float64Array.of(1, 2, 3, 4), flags: new Uint8Array(4) }; // 2 units × 2 codes, column-major
 * const panel = new BlockPanel(['a', 'b'], ['2025'], ['x', 'y'], blocks.values, blocks.flags);
 * panel.values; // Float64Array [1, 3, 2, 4] (row-major)
 * panelColumn(panel, 1, new Float64Array(2)); // Float64Array [3, 4]
 */
export class BlockPanel implements Panel {
  readonly units: readonly string[];
  readonly periods: readonly string[];
  readonly codes: readonly string[];
  /** The blocks, one after another (what the replication writes). */
  readonly blockValues: Float64Array;
  readonly blockFlags: Uint8Array;
  readonly #values: Float64Array;
  readonly #flags: Uint8Array;
  #written = false;

  constructor(units: readonly string[], periods: readonly string[], codes: readonly string[], blockValues: Float64Array, blockFlags: Uint8Array) {
    this.units = units;
    this.periods = periods;
    this.codes = codes;
    this.blockValues = blockValues;
    this.blockFlags = blockFlags;
    this.#values = new Float64Array(blockValues.length);
    this.#flags = new Uint8Array(blockFlags.length);
  }

  /** The blocks have changed: the row-major arrays are written again when next read. */
  invalidate(): void {
    this.#written = false;
  }

  get values(): Float64Array {
    this.#write();
    return this.#values;
  }

  get flags(): Uint8Array {
    this.#write();
    return this.#flags;
  }

  #write(): void {
    if (this.#written) return;
    const U = this.units.length;
    const K = this.codes.length;
    for (let p = 0; p < this.periods.length; p++) copyBlock(this.blockValues, this.blockFlags, this.#values, this.#flags, p * K * U, U, K);
    this.#written = true;
  }
}

/** A column-major block of `U` units × `K` columns (from `at`) into a row-major panel's arrays at the same offset, row by row. */
function copyBlock(block: Float64Array, blockFlags: Uint8Array, values: Float64Array, flags: Uint8Array, at: number, U: number, K: number): void {
  let to = at;
  for (let u = 0; u < U; u++) {
    for (let from = at + u; from < at + K * U; from += U, to++) {
      values[to] = block[from];
      flags[to] = blockFlags[from];
    }
  }
}

/**
 * Column `c` of a panel (every period's units, in row order) into `out`:
 * read straight from the blocks of a `BlockPanel`, else from `values`.
 *
 * @example
 * panelColumn({ units: ['a', 'b'], periods: ['2025'], codes: ['x', 'y'], values: Float64Array.of(1, 3, 2, 4), flags: new Uint8Array(4) }, 1, new Float64Array(2)); // [3, 4]
 */
export function panelColumn(panel: Panel, c: number, out: Float64Array): Float64Array {
  const U = panel.units.length;
  const P = panel.periods.length;
  const K = panel.codes.length;
  if (panel instanceof BlockPanel) {
    const block = panel.blockValues;
    for (let p = 0; p < P; p++) for (let u = 0, from = (p * K + c) * U; u < U; u++) out[p * U + u] = block[from + u];
    return out;
  }
  const values = panel.values;
  for (let r = 0; r < U * P; r++) out[r] = values[r * K + c];
  return out;
}
