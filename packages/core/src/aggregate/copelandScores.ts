import { PinganError } from '../errors/pinganError.ts';
import type { DataMatrix } from '../weights/dataMatrix.ts';

/**
 * COINr's `a_copeland`: Copeland's method over units (rows) scored on
 * indicators (columns). For each pair of units, the outranking score is the
 * share of weight (weights scaled to sum to 1) of the indicators on which
 * the first unit scores higher, plus half the weight of ties; an indicator
 * missing for either unit adds nothing. A unit gets +1 for each unit it
 * outranks (score > ½) and −1 for each that outranks it (< ½). As in COINr,
 * each pair is scored once, from the unit that comes first, and the other
 * way is 1 minus that. Weights default to equal.
 *
 * @example
 * // Hand-worked in the test; the same as COINr: a_copeland(X, w = c(1, 2, 1))
 * copelandScores([[1, 5, 0], [3, 4, 2], [2, 4, 1], [NaN, 1, 3]], [1, 2, 1]); // [0, 1, -1, 0]
 */
export function copelandScores(rows: DataMatrix, weights?: readonly number[]): number[] {
  const n = rows.length;
  const m = n === 0 ? 0 : rows[0].length;
  const w = weights ?? new Array<number>(m).fill(1);
  if (w.length !== m) throw new PinganError('invalid-argument', `got ${m} indicators but ${w.length} weights`);
  rows.forEach((row, i) => {
    if (row.length !== m) throw new PinganError('invalid-argument', `row ${i + 1} has ${row.length} values, expected ${m}`);
  });
  const total = w.reduce((s, x) => s + x, 0);
  const share = w.map((x) => x / total);
  const scores = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let outrank = 0;
      for (let k = 0; k < m; k++) {
        const a = rows[i][k];
        const b = rows[j][k];
        if (a !== a || b !== b) continue;
        if (a > b) outrank += share[k];
        else if (a === b) outrank += share[k] / 2;
      }
      const back = 1 - outrank;
      scores[i] += outrank > 0.5 ? 1 : outrank < 0.5 ? -1 : 0;
      scores[j] += back > 0.5 ? 1 : back < 0.5 ? -1 : 0;
    }
  }
  return scores;
}
