import type { Decimal } from 'decimal.js';
import { PinganError } from '../errors/pinganError.ts';
import {
  DistanceToReferenceNormalisation,
  DistanceToTargetNormalisation,
  GoalpostsNormalisation,
  IndexToBaseNormalisation,
  MinMaxNormalisation,
  PercentileRankNormalisation,
  RankNormalisation,
  ZScoreNormalisation,
  type NormalisationSpec,
} from '../framework/methods.ts';
import { distanceToReferenceInto } from '../normalise/distanceToReference.ts';
import { distanceToTargetInto } from '../normalise/distanceToTarget.ts';
import { goalpostsInto } from '../normalise/goalposts.ts';
import { minMaxInto } from '../normalise/minMax.ts';
import { percentileRankInto } from '../normalise/percentileRank.ts';
import { rankInto } from '../normalise/rank.ts';
import { zScoreInto } from '../normalise/zScore.ts';

/**
 * The float kernel of a normalisation: writes the scores of one reference
 * set `src` into `out` (which may be `src`), sets `capped[i] = 1` where a cap
 * applied, and allocates nothing. `referenceIndex` is the reference unit's
 * position in `src` (for `distanceToReference` to a unit), else -1.
 */
export type FloatScorer<S> = (src: Float64Array, out: Float64Array, capped: Uint8Array, spec: S, direction: 1 | -1, referenceIndex: number) => void;

/**
 * What an exact kernel needs of the decimal type, passed in so that
 * decimal.js stays out of the float path's bundle: a constructor, and a
 * comparison of two decimals.
 */
export interface ExactContext {
  readonly of: (value: number | string) => Decimal;
  readonly compare: (a: Decimal, b: Decimal) => -1 | 0 | 1;
}

/** Exact scores of one reference set, and where a cap applied. */
export interface ExactScores {
  readonly scores: (Decimal | null)[];
  readonly capped: boolean[];
}

/**
 * The exact kernel of a normalisation: the scores of one reference set (a
 * cross-section, or the pooled panel) in decimal arithmetic, missing values
 * as null, with the same directions and caps as the float kernel.
 */
export type ExactScorer<S> = (x: readonly (Decimal | null)[], spec: S, direction: 1 | -1, referenceIndex: number, ctx: ExactContext) => ExactScores;

/**
 * One normalisation method, COINr-style (`f_n = "n_minmax"` names a
 * function): its option schema (zod/mini, the framework's), its float
 * kernel, whether it scores against other periods, and whether the fast
 * exact path has a float error bound for it. `normalise`, the compiled
 * plan, the fast exact path and the analysis settings all read it here.
 */
export interface NormalisationMethod<M extends NormalisationSpec['method']> {
  readonly schema: { readonly shape: { readonly method: unknown } };
  /** COINr's function for it, where COINr has one. */
  readonly coinr: string | null;
  readonly float: FloatScorer<Extract<NormalisationSpec, { method: M }>>;
  /** The exact kernel over one reference set; null for `indexToBase`, which the exact path runs per unit over time. */
  readonly exact: ExactScorer<Extract<NormalisationSpec, { method: M }>> | null;
  /** Whether a value is scored against other periods (so a column cannot be scored one period at a time). */
  readonly acrossPeriods: (spec: Extract<NormalisationSpec, { method: M }>) => boolean;
  /** Whether `publishValues` has a rigorous float bound for its scores (the others run in decimal). */
  readonly bounded: boolean;
}

/**
 * What every exact kernel starts from: the extremes of a reference set,
 * found without decimal.js copying each value, and the directed values
 * (d·x), negated lazily, only for the methods that need them.
 */
function exactSet(x: readonly (Decimal | null)[], direction: 1 | -1, ctx: ExactContext) {
  const capped = x.map(() => false);
  let low: Decimal | null = null;
  let high: Decimal | null = null;
  for (const value of x) {
    if (value === null) continue;
    if (low === null || ctx.compare(value, low) < 0) low = value;
    if (high === null || ctx.compare(value, high) > 0) high = value;
  }
  let directed: (Decimal | null)[] | null = direction === 1 ? (x as (Decimal | null)[]) : null;
  const v = (): (Decimal | null)[] => (directed ??= x.map((value) => (value === null ? null : value.neg())));
  const zero = ctx.of(0);
  const one = ctx.of(1);
  return {
    capped,
    low,
    high,
    min: direction === 1 ? low : high && high.neg(),
    max: direction === 1 ? high : low && low.neg(),
    none: (): ExactScores => ({ scores: x.map(() => null), capped }),
    present: (): Decimal[] => v().filter((value): value is Decimal => value !== null),
    each: (f: (value: Decimal, i: number) => Decimal | null) => v().map((value, i) => (value === null ? null : f(value, i))),
    capAt: (y: Decimal, i: number, atZero: boolean, atOne: boolean): Decimal => {
      if (atOne && y.gt(one)) {
        capped[i] = true;
        return one;
      }
      if (atZero && y.lt(zero)) {
        capped[i] = true;
        return zero;
      }
      return y;
    },
  };
}

/** Exact ranks (1 = lowest directed value, ties sharing the lowest rank) or percentile ranks. */
function exactRanks(x: readonly (Decimal | null)[], direction: 1 | -1, ctx: ExactContext, scale: number | null): ExactScores {
  const set = exactSet(x, direction, ctx);
  const sorted = set.present().sort(ctx.compare);
  const rankOf = (value: Decimal) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ctx.compare(sorted[mid], value) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  if (scale === null) return { scores: set.each((value) => ctx.of(rankOf(value))), capped: set.capped };
  const denominator = sorted.length - 1;
  if (denominator === 0) return set.none();
  return { scores: set.each((value) => ctx.of(rankOf(value) - 1).div(denominator).times(scale)), capped: set.capped };
}

/** A scope of `'panel'` pools every period into one reference set. */
const pooled = (spec: { scope: 'period' | 'panel' }): boolean => spec.scope === 'panel';
const never = (): boolean => false;

/**
 * Every normalisation method, by the name a framework gives it
 * (`normalisation.method`). Adding a method means adding its schema to the
 * union in `framework/methods.ts` and its record here; the type checker
 * then asks for its exact kernel (`exact/normaliseExact.ts`).
 *
 * @example
 * const out = new Float64Array(3);
 * const spec = { method: 'minMax', lower: 0, upper: 100, scope: 'period' } as const;
 * normalisationMethods.minMax.float(new Float64Array([2, 3, 6]), out, new Uint8Array(3), spec, -1, -1); // out [100, 75, 0]
 * normalisationMethods.minMax.acrossPeriods(spec); // false
 */
export const normalisationMethods: { readonly [M in NormalisationSpec['method']]: NormalisationMethod<M> } = {
  minMax: {
    schema: MinMaxNormalisation,
    coinr: 'n_minmax',
    float: (src, out, _capped, spec, direction) => minMaxInto(src, out, direction, spec.lower, spec.upper),
    exact: (x, spec, direction, _referenceIndex, ctx) => {
      const set = exactSet(x, direction, ctx);
      const { min, max } = set;
      if (!min || !max || max.eq(min)) return set.none();
      // (d·x − min) / (max − min) · (u − l) + l, with one division per column;
      // for d = −1, d·x − min(d·x) is high − x, which needs no negation.
      const factor = ctx.of(spec.upper).minus(spec.lower).div(max.minus(min));
      const lower = spec.lower === 0 ? null : ctx.of(spec.lower);
      const top = set.high as Decimal;
      const bottom = set.low as Decimal;
      const scores = x.map((value) => {
        if (value === null) return null;
        const y = (direction === 1 ? value.minus(bottom) : top.minus(value)).times(factor);
        return lower ? y.plus(lower) : y;
      });
      return { scores, capped: set.capped };
    },
    acrossPeriods: pooled,
    bounded: true,
  },
  zScore: {
    schema: ZScoreNormalisation,
    coinr: 'n_zscore',
    float: (src, out, _capped, spec, direction) => zScoreInto(src, out, direction, spec.mean, spec.sd),
    exact: (x, spec, direction, _referenceIndex, ctx) => {
      const set = exactSet(x, direction, ctx);
      const values = set.present();
      if (values.length < 2) return set.none();
      const zero = ctx.of(0);
      const mean = values.reduce((a, b) => a.plus(b), zero).div(values.length);
      const sd = values
        .reduce((a, b) => a.plus(b.minus(mean).pow(2)), zero)
        .div(values.length - 1)
        .sqrt();
      if (sd.isZero()) return set.none();
      return { scores: set.each((value) => value.minus(mean).div(sd).times(spec.sd).plus(spec.mean)), capped: set.capped };
    },
    acrossPeriods: pooled,
    bounded: true,
  },
  goalposts: {
    schema: GoalpostsNormalisation,
    coinr: 'n_goalposts',
    float: (src, out, capped, spec, direction) => goalpostsInto(src, out, capped, direction, spec.min, spec.max, spec.scale, spec.cap),
    exact: (x, spec, direction, _referenceIndex, ctx) => {
      const set = exactSet(x, direction, ctx);
      const lo = ctx.of(spec.min);
      const hi = ctx.of(spec.max);
      const width = hi.minus(lo);
      return {
        scores: x.map((value, i) => {
          if (value === null) return null;
          const y = direction === -1 ? hi.minus(value).div(width) : value.minus(lo).div(width);
          return (spec.cap ? set.capAt(y, i, true, true) : y).times(spec.scale);
        }),
        capped: set.capped,
      };
    },
    // Fixed goalposts: a period's scores do not depend on the other periods.
    acrossPeriods: never,
    bounded: true,
  },
  distanceToReference: {
    schema: DistanceToReferenceNormalisation,
    coinr: 'n_dist2ref',
    float: (src, out, capped, spec, direction, referenceIndex) =>
      distanceToReferenceInto(src, out, capped, direction, 'unit' in spec.reference ? src[referenceIndex] : spec.reference.value, spec.scale, spec.cap),
    exact: (x, spec, direction, referenceIndex, ctx) => {
      const set = exactSet(x, direction, ctx);
      const raw = 'unit' in spec.reference ? x[referenceIndex] : ctx.of(spec.reference.value);
      if (raw === null || raw === undefined || !set.min) return set.none();
      const ref = raw.times(direction);
      const width = ref.minus(set.min);
      if (width.isZero()) return set.none();
      const one = ctx.of(1);
      return { scores: set.each((value, i) => set.capAt(one.minus(ref.minus(value).div(width)), i, false, spec.cap).times(spec.scale)), capped: set.capped };
    },
    acrossPeriods: never,
    bounded: true,
  },
  distanceToTarget: {
    schema: DistanceToTargetNormalisation,
    coinr: 'n_dist2targ',
    float: (src, out, capped, spec, direction) => distanceToTargetInto(src, out, capped, direction, spec.target, spec.scale, spec.cap),
    exact: (x, spec, direction, _referenceIndex, ctx) => {
      const set = exactSet(x, direction, ctx);
      const target = ctx.of(spec.target);
      if (!set.low) return set.none();
      const worst = (direction === -1 ? set.high : set.low) as Decimal;
      const width = direction === -1 ? worst.minus(target) : target.minus(worst);
      if (width.isZero()) return set.none();
      const scores = x.map((value, i) => {
        if (value === null) return null;
        const y = direction === -1 ? worst.minus(value).div(width) : value.minus(worst).div(width);
        return set.capAt(y, i, false, spec.cap).times(spec.scale);
      });
      return { scores, capped: set.capped };
    },
    acrossPeriods: pooled,
    bounded: true,
  },
  percentileRank: {
    schema: PercentileRankNormalisation,
    coinr: 'n_prank',
    float: (src, out, _capped, spec, direction) => percentileRankInto(src, out, direction, spec.scale),
    exact: (x, spec, direction, _referenceIndex, ctx) => exactRanks(x, direction, ctx, spec.scale),
    acrossPeriods: pooled,
    bounded: false,
  },
  rank: {
    schema: RankNormalisation,
    coinr: 'n_rank',
    float: (src, out, _capped, _spec, direction) => rankInto(src, out, direction),
    exact: (x, _spec, direction, _referenceIndex, ctx) => exactRanks(x, direction, ctx, null),
    acrossPeriods: pooled,
    bounded: false,
  },
  indexToBase: {
    schema: IndexToBaseNormalisation,
    coinr: null,
    float: () => {
      throw new PinganError('invalid-argument', 'indexToBase compares each unit with its own base period: normalise the panel with normalise()');
    },
    // Scored per unit over time by the exact path itself.
    exact: null,
    // Each unit against its own past.
    acrossPeriods: () => true,
    bounded: true,
  },
};

/**
 * The float kernel of a spec's method, applied (the one dispatch over methods).
 *
 * @example
 * const out = new Float64Array(2);
 * scoreInto(new Float64Array([1, 3]), out, new Uint8Array(2), { method: 'rank', scope: 'period' }, 1, -1); // out [1, 2]
 */
export function scoreInto(src: Float64Array, out: Float64Array, capped: Uint8Array, spec: NormalisationSpec, direction: 1 | -1, referenceIndex: number): void {
  (normalisationMethods[spec.method].float as FloatScorer<NormalisationSpec>)(src, out, capped, spec, direction, referenceIndex);
}

/**
 * Whether a spec scores against other periods (its method's rule).
 *
 * @example
 * scoresAcrossPeriodsOf({ method: 'minMax', lower: 0, upper: 100, scope: 'panel' }); // true
 */
export function scoresAcrossPeriodsOf(spec: NormalisationSpec): boolean {
  return (normalisationMethods[spec.method].acrossPeriods as (spec: NormalisationSpec) => boolean)(spec);
}
