import { ValidationError } from '../framework/frameworkError.ts';
import { PinganError } from '../errors/pinganError.ts';
import { randomLcg } from 'd3-random';
import { reviseNodes, type Framework, type FrameworkNode, type NodeRevision } from '../framework/defineFramework.ts';
import { AggregationSpec, NormalisationSpec, TreatmentSpec, type AggregationInput, type NormalisationInput } from '../framework/methods.ts';

/**
 * One uncertain choice in building an index: `levels` alternatives, and how
 * alternative `level` (0 … levels − 1) changes the framework. Uncertainty and
 * sensitivity analyses sample the alternatives.
 */
export interface UncertainSetting {
  readonly name: string;
  readonly levels: number;
  readonly apply: (framework: Framework, level: number) => Framework;
  /**
   * What `apply` does, as a revision of each node (see `reviseNodes`), for
   * settings whose revision does not read the node's current settings. An
   * analysis whose settings all have one revises the framework once per run
   * for all of them, instead of once per setting.
   */
  readonly revise?: (framework: Framework, level: number) => ((node: FrameworkNode) => NodeRevision | undefined) | undefined;
}

/** A normalisation alternative: one spec for every indicator, or `'framework'` (each indicator keeps its own). */
export type NormalisationAlternative = NormalisationInput | 'framework';

/** A method spec validated, or a `ValidationError` with every problem and its path. */
function checked<T>(schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } } }, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError('the setting', parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(setting)', message: i.message })));
}

/** A setting's `apply`, from its `revise`: one `reviseNodes` (none when the level changes nothing). */
function applying(revise: NonNullable<UncertainSetting['revise']>): UncertainSetting['apply'] {
  return (framework, level) => {
    const reviser = revise(framework, level);
    return reviser ? reviseNodes(framework, reviser) : framework;
  };
}

/**
 * The framework of one run: each setting at its level. When every setting
 * has `revise`, their revisions are merged (a later setting's change of the
 * same field wins, as when applied in turn) into one `reviseNodes`; else
 * the settings are applied in turn.
 *
 * @example
 * frameworkFor(fw, [winsorisationSetting([1, 5]), aggregationSetting([{ method: 'geometric' }])], [1, 0]);
 */
export function frameworkFor(framework: Framework, settings: readonly UncertainSetting[], levels: readonly number[]): Framework {
  if (!settings.every((s) => s.revise)) return settings.reduce((fw, s, i) => s.apply(fw, levels[i]), framework);
  const revisers: ((node: FrameworkNode) => NodeRevision | undefined)[] = [];
  for (let i = 0; i < settings.length; i++) {
    const reviser = settings[i].revise?.(framework, levels[i]);
    if (reviser) revisers.push(reviser);
  }
  if (revisers.length === 0) return framework;
  if (revisers.length === 1) return reviseNodes(framework, revisers[0]);
  return reviseNodes(framework, (node) => {
    let merged: NodeRevision | undefined;
    for (const reviser of revisers) {
      const change = reviser(node);
      if (change) merged = merged ? { ...merged, ...change } : change;
    }
    return merged;
  });
}

/**
 * Alternative normalisations, applied to every indicator; the alternative
 * `'framework'` keeps each indicator's own normalisation (e.g. its goalposts).
 *
 * @example
 * normalisationSetting(['framework', { method: 'minMax', lower: 1, upper: 100, scope: 'panel' }]);
 */
export function normalisationSetting(alternatives: readonly NormalisationAlternative[], name = 'normalisation'): UncertainSetting {
  // Validated once here, so that each run only swaps them in.
  const specs = alternatives.map((a) => (a === 'framework' ? null : checked(NormalisationSpec, a)));
  const revise = (_framework: Framework, level: number) => {
    const spec = specs[level];
    return spec === null ? undefined : (node: FrameworkNode) => (node.type === 'indicator' ? { normalisation: spec } : undefined);
  };
  return { name, levels: specs.length, apply: applying(revise), revise };
}

/**
 * Alternative aggregations, applied to every aggregate.
 *
 * @example
 * aggregationSetting([{ method: 'arithmetic' }, { method: 'geometric' }]);
 */
export function aggregationSetting(alternatives: readonly AggregationInput[], name = 'aggregation'): UncertainSetting {
  const specs = alternatives.map((a) => checked(AggregationSpec, a));
  const revise = (_framework: Framework, level: number) => (node: FrameworkNode) => (node.type === 'aggregate' ? { aggregation: specs[level] } : undefined);
  return { name, levels: specs.length, apply: applying(revise), revise };
}

/**
 * Alternative winsorisation limits for COINr's default outlier treatment,
 * applied to every indicator.
 *
 * @example
 * winsorisationSetting([1, 2, 3, 4, 5]); // COINr's "winmax 1–5"
 */
export function winsorisationSetting(winmax: readonly number[], name = 'winsorisation'): UncertainSetting {
  const specs = winmax.map((w) => checked(TreatmentSpec, { method: 'winsorise', winmax: w }));
  const revise = (_framework: Framework, level: number) => (node: FrameworkNode) => (node.type === 'indicator' ? { treatment: specs[level] } : undefined);
  return { name, levels: specs.length, apply: applying(revise), revise };
}

/**
 * Alternative sets of weights (node code → weight among its siblings).
 *
 * @example
 * weightSetsSetting([{ order: 0.6, traffic: 0.2, fire: 0.2 }, { order: 1, traffic: 1, fire: 1 }]);
 */
export function weightSetsSetting(sets: readonly Readonly<Record<string, number>>[], name = 'weights'): UncertainSetting {
  const revise = (framework: Framework, level: number) => {
    const set = sets[level];
    const unknown = Object.keys(set).filter((code) => !framework.byCode.has(code));
    if (unknown.length) throw new PinganError('unknown-code', `weights for unknown nodes: ${unknown.join(', ')}`);
    return (node: FrameworkNode) => (set[node.code] === undefined ? undefined : { weight: set[node.code] });
  };
  return { name, levels: sets.length, apply: applying(revise), revise };
}

/**
 * `samples` sets of noisy weights, as COINr's `get_noisy_weights`: every
 * weight of a node at the given levels is multiplied by 1 + noise·U(−1, 1),
 * from a seeded generator (so the sets repeat exactly).
 *
 * @example
 * const sets = noisyWeights(fw, { noise: 0.25, levels: [2, 3], samples: 100, seed: 1 });
 * sets.length; // 100
 */
export function noisyWeights(
  framework: Framework,
  options: { noise: number; levels: readonly number[]; samples: number; seed?: number },
): Record<string, number>[] {
  const random = randomLcg(options.seed ?? 1);
  const nodes = framework.nodes.filter((node) => options.levels.includes(node.level) && node.parent !== null);
  return Array.from({ length: options.samples }, () =>
    Object.fromEntries(nodes.map((node) => [node.code, node.weight * (1 + options.noise * (2 * random() - 1))])),
  );
}
