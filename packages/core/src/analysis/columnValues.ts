import { PinganError } from '../errors/pinganError.ts';
import type { Panel } from '../panel/panel.ts';

/**
 * A column's values across units for one period, or — without a period —
 * pooled across all periods (period by period, units in order; length
 * units × periods). Missing cells stay `NaN`. Always a fresh array.
 *
 * @example
 * const p = createPanel({ units: ['A', 'B'], periods: ['2024', '2025'], codes: ['x'], values: [1, 2, 3, 4] });
 * columnValues(p, 'x', '2025'); // Float64Array [3, 4]
 * columnValues(p, 'x'); // Float64Array [1, 2, 3, 4]
 */
export function columnValues(panel: Panel, code: string, period?: string): Float64Array {
  const c = panel.codes.indexOf(code);
  if (c < 0) throw new PinganError('unknown-code', `no column "${code}" in panel`);
  const U = panel.units.length;
  const C = panel.codes.length;
  let first = 0;
  let last = panel.periods.length;
  if (period !== undefined) {
    first = panel.periods.indexOf(period);
    if (first < 0) throw new PinganError('unknown-code', `no period "${period}" in panel`);
    last = first + 1;
  }
  const out = new Float64Array((last - first) * U);
  const values = panel.values;
  for (let p = first, k = 0; p < last; p++) {
    for (let u = 0, i = p * U * C + c; u < U; u++, i += C) out[k++] = values[i];
  }
  return out;
}
