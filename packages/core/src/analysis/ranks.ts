import { PinganError } from '../errors/pinganError.ts';
/**
 * The ranks of a series (1 = smallest), ties sharing the average of the
 * ranks they span, as R's `rank(x, ties.method = "average")`. The series
 * must not contain `NaN`.
 *
 * @example
 * averageRanks([10, 20, 20, 5]); // Float64Array [2, 3.5, 3.5, 1]
 */
export function averageRanks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    if (x[i] !== x[i]) throw new PinganError('invalid-argument', 'averageRanks does not accept NaN');
    order[i] = i;
  }
  order.sort((a, b) => x[a] - x[b]);
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && x[order[end]] === x[order[start]]) end++;
    // Positions start … end−1 hold ranks start+1 … end; their average:
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]] = rank;
    start = end;
  }
  return ranks;
}
