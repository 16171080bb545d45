import type { Decimal } from 'decimal.js';
import type { Panel } from '../panel/panel.ts';
import { toExact } from './decimal.ts';

/**
 * A panel of exact decimal values, laid out as `Panel` (cell index
 * `(p * units.length + u) * codes.length + c`); `null` marks a missing value.
 */
export interface ExactPanel {
  readonly units: readonly string[];
  readonly periods: readonly string[];
  readonly codes: readonly string[];
  readonly values: readonly (Decimal | null)[];
  readonly flags: Uint8Array;
}

/**
 * A float panel converted cell by cell to exact decimals.
 *
 * @example
 * toExactPanel(createPanel({ units: ['A'], periods: ['2025'], codes: ['x'], values: [0.1] })).values[0]?.toString(); // '0.1'
 */
export function toExactPanel(panel: Panel): ExactPanel {
  return {
    units: panel.units,
    periods: panel.periods,
    codes: panel.codes,
    values: Array.from(panel.values, toExact),
    flags: panel.flags,
  };
}

/**
 * An exact panel as float64 (for comparison with the float path).
 *
 * @example
 * fromExactPanel(toExactPanel(p)).values; // same as p.values
 */
export function fromExactPanel(panel: ExactPanel): Panel {
  return {
    units: panel.units,
    periods: panel.periods,
    codes: panel.codes,
    values: Float64Array.from(panel.values, (v) => (v === null ? Number.NaN : v.toNumber())),
    flags: panel.flags,
  };
}
