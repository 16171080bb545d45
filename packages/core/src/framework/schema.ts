import { z } from 'zod';
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
import { TuningSpec } from './tuning.ts';

/** A name in Simplified Chinese and English. */
export const LocalizedText = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.output<typeof LocalizedText>;

const code = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'codes start with a letter and use only letters, digits, "_", "." and "-"');

const weight = z
  .number({ error: 'weight must be a number' })
  .refine((w) => Number.isFinite(w) && w > 0, { message: 'weight must be a positive number' });

const IndicatorNode = z.strictObject({
  code,
  type: z.literal('indicator'),
  parent: code,
  name: LocalizedText,
  description: LocalizedText.optional(),
  unit: LocalizedText.optional(),
  /** +1 when higher is better, -1 when higher is worse. */
  direction: z.union([z.literal(1), z.literal(-1)], { error: 'direction must be 1 or -1' }),
  weight: weight.default(1),
  /** Divide by this denominator series, then multiply by `scale` (e.g. 100000 for a rate per 100,000). */
  denominator: z.strictObject({ code, scale: z.number().positive().default(1) }).optional(),
  window: WindowSpec.optional(),
  transform: TransformSpec.optional(),
  imputation: ImputationSpec.optional(),
  treatment: TreatmentSpec.optional(),
  normalisation: NormalisationSpec.optional(),
});

const AggregateNode = z.strictObject({
  code,
  type: z.literal('aggregate'),
  /** `null` for the index itself. */
  parent: code.nullable(),
  name: LocalizedText,
  description: LocalizedText.optional(),
  weight: weight.default(1),
  aggregation: AggregationSpec.optional(),
  weighting: WeightingSpec.optional(),
});

export const FrameworkNodeSchema = z.discriminatedUnion('type', [IndicatorNode, AggregateNode], {
  error: 'type must be "indicator" or "aggregate"',
});
export type FrameworkNodeInput = z.input<typeof FrameworkNodeSchema>;

/** The framework file: the indicator tree and the methods it asks for. */
export const FrameworkSchema = z.strictObject({
  id: code,
  version: z.string().min(1),
  name: LocalizedText,
  description: LocalizedText.optional(),
  defaults: z
    .strictObject({
      normalisation: NormalisationSpec.default({ method: 'minMax', lower: 0, upper: 100, scope: 'period' }),
      aggregation: AggregationSpec.default({ method: 'arithmetic', minAvailability: 0 }),
      imputation: ImputationSpec.default({ method: 'none' }),
      treatment: TreatmentSpec.default({ method: 'none' }),
      transform: TransformSpec.default('none'),
    })
    .prefault({}),
  publication: z
    .strictObject({
      /** Decimals of published values (rounded half up). */
      decimals: z.number().int().min(0).max(12).default(2),
      /** Bands for the public, from the highest `min` down; a value falls in the first band whose `min` it reaches. */
      bands: z.array(BandSpec).default([]),
    })
    .prefault({}),
  denominators: z
    .array(z.strictObject({ code, name: LocalizedText, unit: LocalizedText.optional() }))
    .default([]),
  nodes: z.array(FrameworkNodeSchema).min(1, 'a framework needs at least one node'),
  /** Present only in a framework tuned from an official one (see `TuningSpec`). */
  tuned: TuningSpec.optional(),
});
export type FrameworkInput = z.input<typeof FrameworkSchema>;
export type FrameworkDocument = z.output<typeof FrameworkSchema>;
