// zod's mini build: the same checks and messages as the classic API in a
// fraction of the bundle (about 25 KB instead of 450 KB); English messages.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

const period = z.string().check(z.regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'expected a period YYYY-MM or YYYY'));

/** Where a normalisation looks for its reference values. */
const scope = z._default(z.enum(['period', 'panel']), 'period');

/** Min-max scores onto [lower, upper] (COINr's `n_minmax`). */
export const MinMaxNormalisation = z.strictObject({
  method: z.literal('minMax'),
  lower: z._default(z.number(), 0),
  upper: z._default(z.number(), 100),
  scope,
});
/** z-scores with a chosen mean and standard deviation (COINr's `n_zscore`). */
export const ZScoreNormalisation = z.strictObject({
  method: z.literal('zScore'),
  mean: z._default(z.number(), 0),
  sd: z._default(z.number().check(z.positive()), 1),
  scope,
});
/** Scores between fixed goalposts (COINr's `n_goalposts`). */
export const GoalpostsNormalisation = z.strictObject({
  method: z.literal('goalposts'),
  /** The worst-to-best range in the indicator's own units; which end is best follows the direction. */
  min: z.number(),
  max: z.number(),
  scale: z._default(z.number().check(z.positive()), 100),
  cap: z._default(z.boolean(), true),
});
/** Distance to a reference unit or value (COINr's `n_dist2ref`). */
export const DistanceToReferenceNormalisation = z.strictObject({
  method: z.literal('distanceToReference'),
  /** A reference unit (its value in the same period) or a fixed value. */
  reference: z.union([z.strictObject({ unit: z.string() }), z.strictObject({ value: z.number() })]),
  scale: z._default(z.number().check(z.positive()), 100),
  cap: z._default(z.boolean(), false),
});
/** Distance to a target (COINr's `n_dist2targ`). */
export const DistanceToTargetNormalisation = z.strictObject({
  method: z.literal('distanceToTarget'),
  target: z.number(),
  scale: z._default(z.number().check(z.positive()), 100),
  cap: z._default(z.boolean(), true),
  scope,
});
/** Percentile ranks (COINr's `n_prank`). */
export const PercentileRankNormalisation = z.strictObject({ method: z.literal('percentileRank'), scale: z._default(z.number().check(z.positive()), 100), scope });
/** Ranks (COINr's `n_rank`). */
export const RankNormalisation = z.strictObject({ method: z.literal('rank'), scope });
/** Each unit against its own base period: the handbook's index to a reference period (COINr has no twin). */
export const IndexToBaseNormalisation = z.strictObject({
  method: z.literal('indexToBase'),
  /** The base period, or a range whose mean is the base (e.g. a base year of months). */
  base: z.union([period, z.strictObject({ from: period, to: period })]),
  scale: z._default(z.number().check(z.positive()), 100),
});

/**
 * How an indicator becomes a score. Directions are applied as COINr does:
 * a direction of -1 turns "higher is worse" into "higher is better". Each
 * option's kernels are its method's record in methods/normalisationMethods.ts.
 */
export const NormalisationSpec = z.discriminatedUnion('method', [
  MinMaxNormalisation,
  ZScoreNormalisation,
  GoalpostsNormalisation,
  DistanceToReferenceNormalisation,
  DistanceToTargetNormalisation,
  PercentileRankNormalisation,
  RankNormalisation,
  IndexToBaseNormalisation,
]);
export type NormalisationSpec = z.output<typeof NormalisationSpec>;
export type NormalisationInput = z.input<typeof NormalisationSpec>;

/** How a group's children are combined. */
export const AggregationSpec = z
  .strictObject({
    method: z._default(z.enum(['arithmetic', 'geometric', 'harmonic', 'generalised', 'copeland']), 'arithmetic'),
    /** The exponent of the generalised mean (required for `generalised`). */
    power: z.optional(z.number()),
    /** The share of children that must be present, below which the result is missing. */
    minAvailability: z._default(z.number().check(z.gte(0), z.lte(1)), 0),
  })
  .check(
    z.superRefine((spec, ctx) => {
      if (spec.method === 'generalised' && (spec.power === undefined || spec.power === 0)) {
        ctx.issues.push({ code: 'custom', message: 'the generalised mean needs a non-zero "power" (use "geometric" for power 0)', path: ['power'], input: spec });
      }
    }),
  );
export type AggregationSpec = z.output<typeof AggregationSpec>;
export type AggregationInput = z.input<typeof AggregationSpec>;

/** How missing values of an indicator are filled in. */
export const ImputationSpec = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('none') }),
  z.strictObject({
    method: z.literal('locf'),
    /** How many periods a value may be carried forward (e.g. 5 for a semiannual survey in a monthly index). */
    maxAge: z.int().check(z.positive()),
  }),
  z.strictObject({
    method: z.literal('groupMean'),
    /** The unit grouping to use (a key of the data's unit groups); all units form one group when omitted. */
    grouping: z.optional(z.string()),
  }),
  z.strictObject({
    method: z.literal('interpolate'),
    /** The longest gap, in periods, that may be bridged. */
    maxGap: z.optional(z.int().check(z.positive())),
  }),
]);
export type ImputationSpec = z.output<typeof ImputationSpec>;

/** How outliers are treated (COINr's default is winsorise, then log). */
export const TreatmentSpec = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('none') }),
  z.strictObject({
    method: z.literal('winsorise'),
    /** The most points that may be winsorised before falling back. */
    winmax: z._default(z.int().check(z.nonnegative()), 5),
    skewThreshold: z._default(z.number().check(z.positive()), 2),
    kurtosisThreshold: z._default(z.number().check(z.positive()), 3.5),
    /** What to do if winsorising up to `winmax` points does not pass. */
    fallback: z._default(z.enum(['log', 'none']), 'log'),
  }),
]);
export type TreatmentSpec = z.output<typeof TreatmentSpec>;
export type TreatmentInput = z.input<typeof TreatmentSpec>;

/** A transform applied to an indicator before imputation and normalisation. */
export const TransformSpec = z.enum(['none', 'log']);
export type TransformSpec = z.output<typeof TransformSpec>;

/** How a group's children's weights are set. */
export const WeightingSpec = z.discriminatedUnion('method', [
  /** Use each child's own `weight`. */
  z.strictObject({ method: z.literal('fixed') }),
  /** All children weigh the same. */
  z.strictObject({ method: z.literal('equal') }),
  /** The principal eigenvector of a pairwise comparison matrix over `order`. */
  z.strictObject({
    method: z.literal('ahp'),
    order: z.array(z.string()).check(z.minLength(2)),
    matrix: z.array(z.array(z.number().check(z.positive()))),
    allowInconsistent: z._default(z.boolean(), false),
  }),
]);
export type WeightingSpec = z.output<typeof WeightingSpec>;

/**
 * A trailing window over the periods up to and including each period, applied
 * to an indicator after denomination: e.g. the sum of the last 12 monthly
 * rates is the rate over the last 12 months, which has no seasonality and
 * does not swing on one rare event.
 */
export const WindowSpec = z.strictObject({
  periods: z.int().check(z.gte(2)),
  statistic: z._default(z.enum(['sum', 'mean']), 'sum'),
  /** How many of the window's periods must be present (default: all of them). */
  minPeriods: z.optional(z.int().check(z.positive())),
});
export type WindowSpec = z.output<typeof WindowSpec>;

/** A band for the public, e.g. 90 and above 优 (excellent). */
export const BandSpec = z.strictObject({
  code: z.string().check(z.minLength(1)),
  /** The lowest value in the band (included). */
  min: z.number(),
  name: z.strictObject({ zh: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) }),
  /** A CSS colour for the band (text always accompanies it). */
  colour: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour #rrggbb')),
});
export type BandSpec = z.output<typeof BandSpec>;
