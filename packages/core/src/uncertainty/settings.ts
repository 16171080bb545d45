import { ValidationError } from '../framework/frameworkError.ts';
import { PinganError } from '../errors/pinganError.ts';
import { randomLcg } from 'd3-random';
import { reviseNodes, type Framework, type FrameworkNode, type NodeRevision } from '../framework/defineFramework.ts';
import { checkRevision, revisedFramework, revisedNode } from '../framework/revision.ts';
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
 * What the runs of one analysis (one settings array, one framework) share:
 * each setting's change of each node at each level, worked out on the
 * level's first run; and, per node, the merged change and the revised node
 * for each combination of the settings that change it, made on first use.
 * A run then revises the framework by looking these up, with no reviser
 * called and no node object made for a combination seen before.
 */
interface RevisionTable {
  /** By setting and level: each node's change, or null where the level changes nothing (absent until first used). */
  readonly changes: (readonly (NodeRevision | undefined)[] | null | undefined)[][];
  /** By setting and level (with `changes`): the nodes that level changes, in order. */
  readonly changed: Int32Array[][];
  /** A node's key is Σ (level + 1) · place[s] over the settings s that change it (0: none does). */
  readonly place: readonly number[];
  readonly parentAt: Int32Array;
  /**
   * By key, each node's merged change and the nodes revised by it (see
   * `Revision`). A key says which settings change a node and at which
   * levels, so nodes with the same key (all the indicators, say) share one
   * lookup: a run looks up each distinct key once, not each node.
   */
  readonly revisions: Map<number, (Revision | undefined)[]>;
  /** Per node: the node itself with fixed weighting, for a run that changes none of its settings but reweights a child. */
  readonly reweightedOnly: (FrameworkNode | undefined)[];
  /** Scratch of the current run: each node's revision, whether a child of it was reweighted, its key, each setting's changes. */
  readonly current: (Revision | undefined)[];
  readonly reweighted: Uint8Array;
  readonly keys: Int32Array;
  readonly perSetting: (readonly (NodeRevision | undefined)[] | null)[];
}

/** One node's merged change for one combination of levels, and the node it makes (with and without a child reweighted), made on first use. */
interface Revision {
  readonly change: NodeRevision;
  /** Whether the change sets a weight (so the node's parent is reweighted). */
  readonly weighted: boolean;
  kept: FrameworkNode | undefined;
  reweighted: FrameworkNode | undefined;
}

const tables = new WeakMap<readonly UncertainSetting[], WeakMap<Framework, RevisionTable | null>>();

/** The table of `settings` over `framework`, or null when a node's key would not be a small integer (a fast map key). */
function revisionTable(framework: Framework, settings: readonly UncertainSetting[]): RevisionTable | null {
  let byFramework = tables.get(settings);
  if (!byFramework) tables.set(settings, (byFramework = new WeakMap()));
  let table = byFramework.get(framework);
  if (table !== undefined) return table;
  const place: number[] = [];
  let span = 1;
  for (const setting of settings) {
    place.push(span);
    span *= setting.levels + 1;
  }
  const N = framework.nodes.length;
  const nodeAt = new Map(framework.nodes.map((node, i) => [node.code, i]));
  table =
    2 * span > 2 ** 30
      ? null
      : {
          changes: settings.map(() => []),
          changed: settings.map(() => []),
          place,
          parentAt: Int32Array.from(framework.nodes, (node) => (node.parent === null ? -1 : (nodeAt.get(node.parent) ?? -1))),
          revisions: new Map(),
          reweightedOnly: new Array<FrameworkNode | undefined>(N).fill(undefined),
          current: new Array<Revision | undefined>(N).fill(undefined),
          reweighted: new Uint8Array(N),
          keys: new Int32Array(N),
          perSetting: [],
        };
  byFramework.set(framework, table);
  return table;
}

/** Setting `s` at `level`: each node's change, or null when it changes nothing (its reviser called once per level); `table.changed[s][level]` then lists the nodes it changes. */
function changesAt(table: RevisionTable, framework: Framework, setting: UncertainSetting, s: number, level: number): readonly (NodeRevision | undefined)[] | null {
  let changes = table.changes[s][level];
  if (changes === undefined) {
    const reviser = setting.revise?.(framework, level);
    changes = reviser ? framework.nodes.map(reviser) : null;
    table.changes[s][level] = changes;
    let count = 0;
    if (changes !== null) for (const change of changes) if (change) count++;
    const changed = new Int32Array(count);
    if (changes !== null) for (let i = 0, j = 0; i < changes.length; i++) if (changes[i]) changed[j++] = i;
    table.changed[s][level] = changed;
  }
  return changes;
}

/**
 * `reviseNodes` of every setting's revision merged (a later setting's
 * change of the same field wins), through the table: the same framework,
 * node for node, as merging and revising afresh.
 */
function revisedThrough(table: RevisionTable, framework: Framework, settings: readonly UncertainSetting[], levels: readonly number[]): Framework {
  const S = settings.length;
  const { current, parentAt, reweighted, perSetting } = table;
  let any = false;
  for (let s = 0; s < S; s++) {
    perSetting[s] = changesAt(table, framework, settings[s], s, levels[s]);
    any ||= perSetting[s] !== null;
  }
  if (!any) return framework;
  const N = framework.nodes.length;
  const changes = new Array<NodeRevision | undefined>(N);
  reweighted.fill(0);
  // Each node's key, setting by setting (the same sums, in the same order, as node by node), over the nodes each changes.
  const keys = table.keys.fill(0);
  for (let s = 0; s < S; s++) {
    if (perSetting[s] === null) continue;
    const changed = table.changed[s][levels[s]];
    const step = (levels[s] + 1) * table.place[s];
    for (let j = 0; j < changed.length; j++) keys[changed[j]] += step;
  }
  // The revisions of the last key looked up: neighbouring nodes mostly share theirs.
  let lastKey = 0;
  let byNode: (Revision | undefined)[] = [];
  for (let i = 0; i < N; i++) {
    const key = keys[i];
    if (key === 0) {
      current[i] = undefined;
      continue;
    }
    if (key !== lastKey) {
      let found = table.revisions.get(key);
      if (found === undefined) table.revisions.set(key, (found = new Array<Revision | undefined>(N).fill(undefined)));
      byNode = found;
      lastKey = key;
    }
    let revision = byNode[i];
    if (revision === undefined) {
      let merged: NodeRevision | undefined;
      for (let s = 0; s < S; s++) {
        const next = perSetting[s]?.[i];
        if (next) merged = merged ? { ...merged, ...next } : next;
      }
      checkRevision(merged);
      const change = merged as NodeRevision;
      revision = { change, weighted: change.weight !== undefined, kept: undefined, reweighted: undefined };
      byNode[i] = revision;
    }
    current[i] = revision;
    changes[i] = revision.change;
    if (revision.weighted && parentAt[i] >= 0) reweighted[parentAt[i]] = 1;
  }
  const nodes = new Array<FrameworkNode>(N);
  for (let i = 0; i < N; i++) {
    const revision = current[i];
    const node = framework.nodes[i];
    if (revision === undefined) nodes[i] = reweighted[i] === 0 ? node : (table.reweightedOnly[i] ??= revisedNode(node, undefined, true));
    else if (reweighted[i] === 0) nodes[i] = revision.kept ??= revisedNode(node, revision.change, false);
    else nodes[i] = revision.reweighted ??= revisedNode(node, revision.change, true);
  }
  // The parents reweighted, for the document (made when first read, from this run's changes: the scratch is the next run's).
  let parents: Set<string> | undefined;
  const reweightedParent = (code: string): boolean => {
    parents ??= new Set(changes.flatMap((change, i) => (change?.weight !== undefined && parentAt[i] >= 0 ? [framework.nodes[parentAt[i]].code] : [])));
    return parents.has(code);
  };
  return revisedFramework(framework, nodes, changes, reweightedParent);
}

/**
 * The framework of one run: each setting at its level. When every setting
 * has `revise`, their revisions are merged (a later setting's change of the
 * same field wins, as when applied in turn) into one revision of the nodes
 * (as `reviseNodes`); else the settings are applied in turn. A setting's
 * `revise` is called once per level for a given settings array and
 * framework, and a node revised the same way in an earlier run is that
 * run's node object (so a run makes only the nodes no earlier run made).
 *
 * @example
 * frameworkFor(fw, [winsorisationSetting([1, 5]), aggregationSetting([{ method: 'geometric' }])], [1, 0]);
 */
export function frameworkFor(framework: Framework, settings: readonly UncertainSetting[], levels: readonly number[]): Framework {
  if (!settings.every((s) => s.revise)) return settings.reduce((fw, s, i) => s.apply(fw, levels[i]), framework);
  const table = revisionTable(framework, settings);
  if (table !== null) return revisedThrough(table, framework, settings, levels);
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
  // Each set written key by key (no entry pairs, as `Object.fromEntries` would read): the same keys in the same order, the same draws (a code starts with a letter, so none is `__proto__`).
  return Array.from({ length: options.samples }, () => {
    const set: Record<string, number> = {};
    for (const node of nodes) set[node.code] = node.weight * (1 + options.noise * (2 * random() - 1));
    return set;
  });
}
