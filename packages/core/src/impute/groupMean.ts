import { PinganError } from '../errors/pinganError.ts';
/**
 * COINr's `i_mean_grp` (and, without groups, `i_mean`): each missing value
 * (`NaN`) becomes the arithmetic mean of the present values of its group.
 * `groups` gives each position's group label; without it all positions form
 * one group. A group with no present value leaves its gaps missing.
 *
 * @example
 * // group a: mean(1, 3) = 2; group b: mean(10) = 10
 * groupMean([1, NaN, 3, NaN, 10], ['a', 'a', 'a', 'b', 'b']); // Float64Array [1, 2, 3, 10, 10]
 * groupMean([1, NaN, 3, NaN, 10]); // Float64Array [1, 14/3, 3, 14/3, 10]
 */
export function groupMean(values: ArrayLike<number>, groups?: ArrayLike<string | number>): Float64Array {
  const n = values.length;
  if (groups && groups.length !== n) throw new PinganError('invalid-argument', `got ${n} values but ${groups.length} group labels`);
  const out = Float64Array.from(values);
  if (!groups) {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (!Number.isNaN(v)) {
        sum += v;
        count++;
      }
    }
    const mean = count > 0 ? sum / count : Number.NaN;
    for (let i = 0; i < n; i++) if (Number.isNaN(out[i])) out[i] = mean;
    return out;
  }
  const ids = new Map<string | number, number>();
  const groupOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = groups[i];
    let id = ids.get(label);
    if (id === undefined) {
      id = ids.size;
      ids.set(label, id);
    }
    groupOf[i] = id;
  }
  const means = groupMeans(values, groupOf, ids.size);
  for (let i = 0; i < n; i++) if (Number.isNaN(out[i])) out[i] = means[groupOf[i]];
  return out;
}

/** The mean of the present values of each group (`NaN` for a group with none). */
function groupMeans(values: ArrayLike<number>, groupOf: Int32Array, groupCount: number): Float64Array {
  const sums = new Float64Array(groupCount);
  const counts = new Float64Array(groupCount);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) {
      sums[groupOf[i]] += v;
      counts[groupOf[i]]++;
    }
  }
  for (let g = 0; g < groupCount; g++) sums[g] = counts[g] > 0 ? sums[g] / counts[g] : Number.NaN;
  return sums;
}
