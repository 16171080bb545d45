import * as z from 'zod/mini';
import {
  AggregationSpec,
  ImputationSpec,
  NormalisationSpec,
  TransformSpec,
  TreatmentSpec,
  WeightingSpec,
  WindowSpec,
  BandSpec,
} from './methods.ts';
// The noise model (issue 9): optional, so frameworks without it stay valid and unchanged.
import { NoiseSpec, UncertaintySpec } from './noiseSpec.ts';
import { TuningSpec } from './tuning.ts';

/** A name in Simplified Chinese and English. */
export const LocalizedText = z.object({ zh: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) });
export type LocalizedText = z.output<typeof LocalizedText>;

const code = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'codes start with a letter and use only letters, digits, "_", "." and "-"'));

const weight = z.number({ error: 'weight must be a number' }).check(z.refine((w) => Number.isFinite(w) && w > 0, { message: 'weight must be a positive number' }));

const IndicatorNode = z.strictObject({
  code,
  type: z.literal('indicator'),
  parent: code,
  name: LocalizedText,
  description: z.optional(LocalizedText),
  unit: z.optional(LocalizedText),
  /** +1 when higher is better, -1 when higher is worse. */
  direction: z.union([z.literal(1), z.literal(-1)], { error: 'direction must be 1 or -1' }),
  weight: z._default(weight, 1),
  /** Divide by this denominator series, then multiply by `scale` (e.g. 100000 for a rate per 100,000). */
  denominator: z.optional(z.strictObject({ code, scale: z._default(z.number().check(z.positive()), 1) })),
  window: z.optional(WindowSpec),
  transform: z.optional(TransformSpec),
  imputation: z.optional(ImputationSpec),
  treatment: z.optional(TreatmentSpec),
  normalisation: z.optional(NormalisationSpec),
  /** Sampling noise of the monthly values (issue 9); defaults in noise/resolveNoise.ts. */
  noise: z.optional(NoiseSpec),
});

const AggregateNode = z.strictObject({
  code,
  type: z.literal('aggregate'),
  /** `null` for the index itself. */
  parent: z.nullable(code),
  name: LocalizedText,
  description: z.optional(LocalizedText),
  weight: z._default(weight, 1),
  aggregation: z.optional(AggregationSpec),
  weighting: z.optional(WeightingSpec),
});

export const FrameworkNodeSchema = z.discriminatedUnion('type', [IndicatorNode, AggregateNode], {
  error: 'type must be "indicator" or "aggregate"',
});
export type FrameworkNodeInput = z.input<typeof FrameworkNodeSchema>;

/** The framework file: the indicator tree and the methods it asks for. */
export const FrameworkSchema = z.strictObject({
  /** The JSON Schema an editor checks the file against (ignored here). */
  $schema: z.optional(z.string()),
  id: code,
  version: z.string().check(z.minLength(1)),
  name: LocalizedText,
  description: z.optional(LocalizedText),
  defaults: z.prefault(
    z.strictObject({
      normalisation: z._default(NormalisationSpec, { method: 'minMax', lower: 0, upper: 100, scope: 'period' }),
      aggregation: z._default(AggregationSpec, { method: 'arithmetic', minAvailability: 0 }),
      imputation: z._default(ImputationSpec, { method: 'none' }),
      treatment: z._default(TreatmentSpec, { method: 'none' }),
      transform: z._default(TransformSpec, 'none'),
    }),
    {},
  ),
  publication: z.prefault(
    z.strictObject({
      /** Decimals of published values (rounded half up). */
      decimals: z._default(z.int().check(z.gte(0), z.lte(12)), 2),
      /** Bands for the public, from the highest `min` down; a value falls in the first band whose `min` it reaches. */
      bands: z._default(z.array(BandSpec), []),
    }),
    {},
  ),
  denominators: z._default(z.array(z.strictObject({ code, name: LocalizedText, unit: z.optional(LocalizedText) })), []),
  /** Settings of intervals, verdicts and the early warning (issue 9); defaults in noise/resolveNoise.ts. */
  uncertainty: z.optional(UncertaintySpec),
  /** Present only in a framework tuned from an official one (see `TuningSpec`). */
  tuned: z.optional(TuningSpec),
  nodes: z.array(FrameworkNodeSchema).check(z.minLength(1, 'a framework needs at least one node')),
});
export type FrameworkInput = z.input<typeof FrameworkSchema>;
export type FrameworkDocument = z.output<typeof FrameworkSchema>;
