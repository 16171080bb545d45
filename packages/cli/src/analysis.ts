/**
 * The settings `pingan sensitivity` varies: core `SettingSpec`s (plain JSON;
 * a normalisation alternative "framework" keeps each indicator's own
 * normalisation, such as Xiangtan's per-indicator goalposts).
 */
import {
  settingFromSpec,
  ValidationError,
  type AggregationInput,
  type Framework,
  type SettingSpec,
  type UncertainSetting,
} from '@pingan/core';
import { z } from 'zod';
import { because } from './i18n/reason.ts';

/** The default noise, levels and number of the noisy weight sets. */
export const DEFAULT_NOISE = 0.25;
export const DEFAULT_NOISE_LEVELS: readonly number[] = [1, 2];
export const DEFAULT_WEIGHT_SETS = 100;

/**
 * The default settings: 100 sets of noisy weights (noise 0.25 at levels 1
 * and 2: the indicators and the first-level groups, seeded), arithmetic or
 * geometric aggregation (keeping the framework's minimum availability), and
 * the framework's own normalisation or min-max 1–100 over the whole panel
 * (1, not 0, so that a geometric mean never meets a zero score).
 */
export function defaultSettings(framework: Framework, seed: number): SettingSpec[] {
  const root = framework.byCode.get(framework.root);
  const minAvailability = root && root.type === 'aggregate' ? root.aggregation.minAvailability : 0;
  const aggregation: AggregationInput[] = [
    { method: 'arithmetic', minAvailability },
    { method: 'geometric', minAvailability },
  ];
  return [
    { kind: 'noisyWeights', name: 'weights', noise: DEFAULT_NOISE, levels: [...DEFAULT_NOISE_LEVELS], samples: DEFAULT_WEIGHT_SETS, seed },
    { kind: 'aggregation', name: 'aggregation', alternatives: aggregation },
    { kind: 'normalisation', name: 'normalisation', alternatives: ['framework', { method: 'minMax', lower: 1, upper: 100, scope: 'panel' }] },
  ];
}

const name = z.string().min(1).optional();
const SettingSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('normalisation'), name, alternatives: z.array(z.union([z.literal('framework'), z.record(z.string(), z.unknown())])).min(1) }),
  z.strictObject({ kind: z.literal('aggregation'), name, alternatives: z.array(z.record(z.string(), z.unknown())).min(1) }),
  z.strictObject({ kind: z.literal('winsorisation'), name, winmax: z.array(z.number()).min(1) }),
  z.strictObject({ kind: z.literal('weightSets'), name, sets: z.array(z.record(z.string(), z.number())).min(1) }),
  z.strictObject({
    kind: z.literal('noisyWeights'),
    name,
    noise: z.number().min(0),
    levels: z.array(z.number().int()).min(1),
    samples: z.number().int().min(1),
    seed: z.number().int().optional(),
  }),
]);
const SettingsSchema = z.array(SettingSchema).min(1, because`expected at least one setting`);

const zodPath = (path: readonly PropertyKey[]) => path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '');

/**
 * Checks a settings document (`--settings FILE.json`: an array of
 * SettingSpec) against the framework: its shape, every alternative, and each
 * level applied to the framework once. Noisy weights without a seed get
 * `seed`. Throws an Error whose message names the path of the problem.
 */
export function parseSettings(json: unknown, framework: Framework, seed: number): SettingSpec[] {
  const parsed = SettingsSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${zodPath(i.path) || '(settings)'}: ${i.message}`).join('; '));
  }
  const specs = parsed.data.map((spec) => (spec.kind === 'noisyWeights' && spec.seed === undefined ? { ...spec, seed } : spec)) as SettingSpec[];
  specs.forEach((spec, i) => {
    let setting: UncertainSetting;
    try {
      setting = settingFromSpec(spec, framework);
      for (let level = 0; level < setting.levels; level++) setting.apply(framework, level);
    } catch (error) {
      const detail =
        error instanceof z.ZodError
          ? error.issues.map((e) => `${zodPath(e.path)}: ${e.message}`).join('; ')
          : error instanceof ValidationError
            ? error.issues.map((e) => `${e.path}: ${e.message}`).join('; ')
            : (error as Error).message;
      throw new Error(`[${i}] (${spec.kind}): ${detail}`, { cause: error });
    }
  });
  return specs;
}

/** A plain-text description of a setting, for sensitivity.json and the terminal. */
export function describeSetting(spec: SettingSpec): string {
  const json = (v: unknown) => JSON.stringify(v);
  switch (spec.kind) {
    case 'noisyWeights':
      return because`${spec.samples} sets of noisy weights: every weight at level${spec.levels.length === 1 ? '' : 's'} ${spec.levels.join(', ')} times 1 + ${spec.noise}·U(−1, 1) (seed ${spec.seed ?? 1})`;
    case 'aggregation':
      return because`aggregation of every aggregate: ${spec.alternatives.map(json).join(' or ')}`;
    case 'normalisation':
      return because`normalisation of every indicator: ${spec.alternatives.map((a) => (a === 'framework' ? "the framework's own" : json(a))).join(' or ')}`;
    case 'winsorisation':
      return because`winsorisation limit (winmax): ${spec.winmax.join(', ')}`;
    case 'weightSets':
      return because`${spec.sets.length} given weight sets`;
  }
}

