import type { Decimal } from 'decimal.js';
import type { AggregationSpec } from '../framework/methods.ts';

/**
 * The float kernel of a weighted mean: the mean of one cell's present
 * children, the children being `values[base + columns[i]]` for `i` in
 * `[from, to)` with `weights[i]`; a missing child (`NaN`) is skipped and
 * `totalWeight` is the sum of the present children's weights. It allocates
 * nothing; the caller has checked the domain (see `positiveOnly`).
 */
export type FloatMean = (
  values: Float64Array,
  base: number,
  columns: Int32Array,
  weights: Float64Array,
  from: number,
  to: number,
  totalWeight: number,
  power: number,
) => number;

/**
 * The exact kernel of a weighted mean, in two parts so that the exact path
 * keeps its one pass over the children: `term(x, w, allOne, power)` is a
 * present child's contribution to the running sum, and `finish(sum, total,
 * inversePower)` turns the sum of terms into the mean (`total` is Σw of the
 * present children, `inversePower` is 1/power for the generalised mean, else
 * null). Decimals enter by their methods only, so that decimal.js stays out
 * of the float path's bundle.
 */
export interface ExactMean {
  readonly term: (x: Decimal, w: Decimal, allOne: boolean, power: number) => Decimal;
  readonly finish: (sum: Decimal, total: Decimal, inversePower: Decimal | null) => Decimal;
}

/**
 * One aggregation method, COINr-style (`f_ag = "a_amean"` names a function):
 * everything the float path, the exact path, the fast exact path and the
 * analysis settings need to know about it, in one place.
 */
export interface AggregationMethod {
  /** COINr's function for it. */
  readonly coinr: string;
  /** The words for it in an error ("geometric mean of …"). */
  readonly label: (power: number) => string;
  /** The float kernel; null for a method that compares units (Copeland), which runs over a whole period. */
  readonly float: FloatMean | null;
  /** The exact kernel; null for Copeland, which the exact path runs over a whole period. */
  readonly exact: ExactMean | null;
  /** Whether a present child must be > 0 (a log or a division by it), given the power. */
  readonly positiveOnly: (power: number) => boolean;
  /** Whether the fast exact path (`publishValues`) has a rigorous float error bound for it; else it runs in decimal. */
  readonly bounded: boolean;
  /** Whether a unit's result depends on the other units of its period (so it cannot be computed row by row). */
  readonly acrossUnits: boolean;
}

/** The arithmetic mean's float kernel (see `aggregationMethods.arithmetic`). */
export const arithmeticMean: FloatMean = (values, base, columns, weights, from, to, totalWeight) => {
  let sum = 0;
  for (let i = from; i < to; i++) {
    const v = values[base + columns[i]];
    if (v === v) sum += (weights[i] / totalWeight) * v;
  }
  return sum;
};

/** The geometric mean's float kernel (see `aggregationMethods.geometric`). */
export const geometricMean: FloatMean = (values, base, columns, weights, from, to, totalWeight) => {
  let sum = 0;
  for (let i = from; i < to; i++) {
    const v = values[base + columns[i]];
    if (v === v) sum += weights[i] * Math.log(v);
  }
  return Math.exp(sum / totalWeight);
};

const harmonicMean: FloatMean = (values, base, columns, weights, from, to, totalWeight) => {
  let sum = 0;
  for (let i = from; i < to; i++) {
    const v = values[base + columns[i]];
    if (v === v) sum += weights[i] / v;
  }
  return totalWeight / sum;
};

const generalisedMean: FloatMean = (values, base, columns, weights, from, to, totalWeight, power) => {
  let sum = 0;
  for (let i = from; i < to; i++) {
    const v = values[base + columns[i]];
    if (v === v) sum += weights[i] * v ** power;
  }
  return (sum / totalWeight) ** (1 / power);
};

const never = (): boolean => false;
const always = (): boolean => true;

/**
 * Every aggregation method, by the name a framework gives it
 * (`aggregation.method`). Adding a method means adding its schema option
 * in `framework/methods.ts` and its record here; the type checker then
 * asks for nothing else.
 *
 * @example
 * const values = new Float64Array([40, 80]);
 * const mean = aggregationMethods.arithmetic.float!;
 * mean(values, 0, new Int32Array([0, 1]), new Float64Array([1, 3]), 0, 2, 4, 1); // 70
 */
export const aggregationMethods: { readonly [M in AggregationSpec['method']]: AggregationMethod } = {
  arithmetic: {
    coinr: 'a_amean',
    label: () => 'arithmetic mean',
    float: arithmeticMean,
    exact: { term: (x, w, allOne) => (allOne ? x : w.times(x)), finish: (sum, total) => sum.div(total) },
    positiveOnly: never,
    bounded: true,
    acrossUnits: false,
  },
  geometric: {
    coinr: 'a_gmean',
    label: () => 'geometric mean',
    float: geometricMean,
    exact: { term: (x, w) => w.times(x.ln()), finish: (sum, total) => sum.div(total).exp() },
    positiveOnly: always,
    bounded: true,
    acrossUnits: false,
  },
  harmonic: {
    coinr: 'a_hmean',
    label: () => 'harmonic mean',
    float: harmonicMean,
    exact: { term: (x, w) => w.div(x), finish: (sum, total) => total.div(sum) },
    positiveOnly: always,
    bounded: true,
    acrossUnits: false,
  },
  generalised: {
    coinr: 'a_genmean',
    label: (power) => `generalised mean (power ${power})`,
    float: generalisedMean,
    exact: {
      term: (x, w, _allOne, power) => w.times(x.pow(power)),
      finish: (sum, total, inversePower) => (inversePower === null ? sum.div(total) : sum.div(total).pow(inversePower)),
    },
    positiveOnly: (power) => power < 0,
    bounded: false,
    acrossUnits: false,
  },
  copeland: {
    coinr: 'a_copeland',
    label: () => 'Copeland score',
    float: null,
    exact: null,
    positiveOnly: never,
    bounded: false,
    acrossUnits: true,
  },
};
