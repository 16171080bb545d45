import type { ImputationSpec } from '../framework/methods.ts';

/**
 * The float kernel of an imputation: fills, in place, the missing cells
 * (`NaN`) of one strided run of a panel's values, the cells
 * `values[base + i × stride]` for `i` in `[0, n)`: a cross-section of units
 * in one period (`along: 'units'`) or one unit's series over the periods
 * (`along: 'periods'`). Only cells present on entry are used as sources.
 * `groupOf[i]` is position `i`'s group (0 … groupCount − 1) for a grouped
 * method, else null; `scratch` holds at least 2 × groupCount numbers.
 * Writes the positions it filled to `filled[0 … count − 1]`, in increasing
 * order, and returns that count (`filled` has room for n). It allocates
 * nothing.
 */
export type FloatImputer<S> = (
  values: Float64Array,
  base: number,
  stride: number,
  n: number,
  spec: S,
  groupOf: Int32Array | null,
  groupCount: number,
  scratch: Float64Array,
  filled: Int32Array,
) => number;

/**
 * One imputation method, COINr-style (`f_i = "i_mean_grp"` names a
 * function): its float kernel, and whether it runs over the units of a
 * period or over the periods of a unit. `impute` and the replications of
 * the uncertainty and sensitivity analyses read it here. Its option schema
 * is the member of `ImputationSpec` in `framework/methods.ts` (kept there
 * for the reason given at `normalisationMethods`).
 */
export interface ImputationMethod<M extends ImputationSpec['method']> {
  /** The float kernel; null for `none`, which fills nothing. */
  readonly float: FloatImputer<Extract<ImputationSpec, { method: M }>> | null;
  /** What one run of the kernel covers: a period's units, or a unit's periods. */
  readonly along: 'units' | 'periods';
}

/**
 * The group-mean kernel (COINr's `i_mean_grp`; `i_mean` with one group):
 * sums and counts of the present values per group, in position order, then
 * each gap gets its group's sum / count. A group with no present value
 * leaves its gaps. The same arithmetic, in the same order, as `groupMean`.
 * The first pass lists the gaps' positions in `filled`; the second visits
 * only those, keeping in the list the ones it fills (a column has few gaps:
 * no second pass over every cell).
 */
const groupMeanInto: FloatImputer<Extract<ImputationSpec, { method: 'groupMean' }>> = (values, base, stride, n, _spec, groupOf, groupCount, scratch, filled) => {
  const G = groupOf === null ? 1 : groupCount;
  const missing = G <= 2 ? sumsOfTwo(values, base, stride, n, groupOf, G, scratch, filled) : sumsOfGroups(values, base, stride, n, groupOf, G, scratch, filled);
  let count = 0;
  for (let m = 0; m < missing; m++) {
    const i = filled[m];
    const g = groupOf === null ? 0 : groupOf[i];
    const present = scratch[G + g];
    if (present === 0) continue;
    values[base + i * stride] = scratch[g] / present;
    filled[count++] = i;
  }
  return count;
};

/**
 * The group-mean kernel's first pass for one or two groups (a grouping
 * such as Europe and Asia, or none): each group's sum and count of present
 * values, added in position order as `sumsOfGroups` adds them, but in
 * locals (an addition into `scratch[g]` waits for the store of the one
 * before), then written to `scratch` (sums, then counts). The positions of
 * the missing values go to `gaps`, in order; returns how many there are.
 */
function sumsOfTwo(values: Float64Array, base: number, stride: number, n: number, groupOf: Int32Array | null, G: number, scratch: Float64Array, gaps: Int32Array): number {
  let sum0 = 0;
  let sum1 = 0;
  let count0 = 0;
  let count1 = 0;
  let missing = 0;
  for (let i = 0; i < n; i++) {
    const v = values[base + i * stride];
    if (v !== v) gaps[missing++] = i;
    else if (groupOf === null || groupOf[i] === 0) {
      sum0 += v;
      count0++;
    } else {
      sum1 += v;
      count1++;
    }
  }
  scratch[0] = sum0;
  scratch[G] = count0;
  if (G === 2) {
    scratch[1] = sum1;
    scratch[3] = count1;
  }
  return missing;
}

/** The group-mean kernel's first pass for any number of groups (see `sumsOfTwo`). */
function sumsOfGroups(values: Float64Array, base: number, stride: number, n: number, groupOf: Int32Array | null, G: number, scratch: Float64Array, gaps: Int32Array): number {
  for (let g = 0; g < 2 * G; g++) scratch[g] = 0;
  let missing = 0;
  for (let i = 0; i < n; i++) {
    const v = values[base + i * stride];
    if (v !== v) {
      gaps[missing++] = i;
      continue;
    }
    const g = groupOf === null ? 0 : groupOf[i];
    scratch[g] += v;
    scratch[G + g]++;
  }
  return missing;
}

/**
 * Last observation carried forward (as `carryForward`): a gap takes the
 * latest earlier present value at most `maxAge` positions back. Cells are
 * visited in order and written only at the current position, so a filled
 * cell is never read as a source.
 */
const carryForwardInto: FloatImputer<Extract<ImputationSpec, { method: 'locf' }>> = (values, base, stride, n, spec, _groupOf, _groupCount, _scratch, filled) => {
  let last = -1;
  let carried = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const at = base + i * stride;
    const v = values[at];
    if (v === v) {
      last = i;
      carried = v;
    } else if (last >= 0 && i - last <= spec.maxAge) {
      values[at] = carried;
      filled[count++] = i;
    }
  }
  return count;
};

/**
 * Linear interpolation of interior gaps (as `interpolateGaps`): between
 * present values at `a` and `b`, `x[a] + (x[b] − x[a]) × (i − a) / (b − a)`,
 * for gaps of at most `maxGap` cells; no extrapolation.
 */
const interpolateInto: FloatImputer<Extract<ImputationSpec, { method: 'interpolate' }>> = (values, base, stride, n, spec, _groupOf, _groupCount, _scratch, filled) => {
  const limit = spec.maxGap ?? Number.POSITIVE_INFINITY;
  let last = -1;
  let count = 0;
  for (let b = 0; b < n; b++) {
    const vb = values[base + b * stride];
    if (vb !== vb) continue;
    const gap = b - last - 1;
    if (last >= 0 && gap > 0 && gap <= limit) {
      const va = values[base + last * stride];
      const span = b - last;
      for (let i = last + 1; i < b; i++) {
        values[base + i * stride] = va + ((vb - va) * (i - last)) / span;
        filled[count++] = i;
      }
    }
    last = b;
  }
  return count;
};

/**
 * Every imputation method's record (see `ImputationMethod`).
 *
 * @example
 * const values = new Float64Array([1, NaN, 3, NaN, 10]);
 * const filled = new Int32Array(5);
 * imputationMethods.groupMean.float?.(values, 0, 1, 5, { method: 'groupMean' }, new Int32Array([0, 0, 0, 1, 1]), 2, new Float64Array(4), filled); // 2
 * values; // Float64Array [1, 2, 3, 10, 10]
 * filled.subarray(0, 2); // Int32Array [1, 3]
 * imputationMethods.locf.along; // 'periods'
 */
export const imputationMethods: { readonly [M in ImputationSpec['method']]: ImputationMethod<M> } = {
  none: { float: null, along: 'units' },
  locf: { float: carryForwardInto, along: 'periods' },
  groupMean: { float: groupMeanInto, along: 'units' },
  interpolate: { float: interpolateInto, along: 'periods' },
};

/**
 * The float kernel of a spec's method, applied (the one dispatch over
 * imputation methods); 0 for `none`.
 *
 * @example
 * const series = new Float64Array([60, NaN, NaN]);
 * imputeInto(series, 0, 1, 3, { method: 'locf', maxAge: 5 }, null, 0, new Float64Array(2), new Int32Array(3)); // 2; series [60, 60, 60]
 */
export function imputeInto(
  values: Float64Array,
  base: number,
  stride: number,
  n: number,
  spec: ImputationSpec,
  groupOf: Int32Array | null,
  groupCount: number,
  scratch: Float64Array,
  filled: Int32Array,
): number {
  const kernel = imputationMethods[spec.method].float as FloatImputer<ImputationSpec> | null;
  return kernel === null ? 0 : kernel(values, base, stride, n, spec, groupOf, groupCount, scratch, filled);
}

/**
 * Each label's group as a number (0, 1, … in order of first appearance),
 * for the grouped kernels; made once per framework, not per run.
 *
 * @example
 * groupIndex(['Asia', 'Europe', 'Asia']); // { groupOf: Int32Array [0, 1, 0], groupCount: 2 }
 */
export function groupIndex(labels: readonly string[]): { groupOf: Int32Array; groupCount: number } {
  const ids = new Map<string, number>();
  const groupOf = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    let id = ids.get(labels[i]);
    if (id === undefined) {
      id = ids.size;
      ids.set(labels[i], id);
    }
    groupOf[i] = id;
  }
  return { groupOf, groupCount: ids.size };
}
