import { NormalisationSpec, WeightingSpec, WindowSpec } from './methods.ts';

/**
 * What the cross-reference checks of `defineFramework` read of a node:
 * the node itself once it has passed the schema, or what can be read of a
 * node that failed it, where `undefined` is a key that could not be read
 * (and `null` a normalisation that is there but malformed).
 */
export interface CheckedNode {
  readonly code: string | undefined;
  readonly type: 'indicator' | 'aggregate' | undefined;
  readonly parent: string | null | undefined;
  readonly denominator?: { readonly code: string };
  readonly window?: { readonly periods: number; readonly minPeriods?: number };
  readonly normalisation?: NormalisationSpec | null;
  readonly weighting?: WeightingSpec;
}

/** What the cross-reference checks read of a framework document (a `FrameworkDocument` is one). */
export interface CheckedDocument {
  readonly nodes: readonly CheckedNode[];
  readonly denominators: readonly { readonly code: string | undefined }[];
  readonly defaults: { readonly normalisation?: NormalisationSpec };
  readonly publication: { readonly bands: readonly { readonly code: string | undefined; readonly min: number | undefined }[] };
}

/**
 * Which checks can trust an absence: a code that is not found may be one
 * that could not be read, so a check that reports something missing runs
 * only when everything it looks through was read.
 */
export interface Readable {
  /** Every node's code was read: a parent not found is not a node. */
  readonly codes: boolean;
  /** Every node's parent was read: an aggregate without children has none, a framework without a root has none. */
  readonly parents: boolean;
  /** Every denominator's code was read: a denominator not found is not declared. */
  readonly denominators: boolean;
}

/** Everything read: a document that passed the schema. */
export const ALL_READ: Readable = { codes: true, parents: true, denominators: true };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const text = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

/** Where the schema found a problem: a zod issue's path (for unknown keys, the path of each key). */
export interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly keys?: readonly string[];
}

/** Whether the schema refused the part at `path`: it, a part inside it, or the object it is in. */
function refusedBy(issues: readonly SchemaIssue[]): (path: readonly PropertyKey[]) => boolean {
  const key = (path: readonly PropertyKey[]) => path.map(String).join('\u0000');
  const at = new Set<string>();
  const within = new Set<string>();
  for (const issue of issues) {
    // An unknown key refuses the key, not the object that has it.
    for (const path of issue.keys ? issue.keys.map((k) => [...issue.path, k]) : [issue.path]) {
      at.add(key(path));
      for (let n = 0; n <= path.length; n++) within.add(key(path.slice(0, n)));
    }
  }
  return (path) => within.has(key(path)) || path.some((_, n) => at.has(key(path.slice(0, n))));
}

/**
 * What the cross-reference checks can read of a framework document that
 * failed the schema, so that they report what the schema cannot see
 * without repeating it:
 * - each node's code, type and parent, and each denominator's code, where
 *   they are there (a code that breaks the pattern still names its node);
 * - a reference (a parent, a denominator) that the schema refused, only
 *   where it names a node or denominator all the same;
 * - a node's window, normalisation and weighting where each passes its own
 *   schema (a malformed one is left out: the schema's message about it is
 *   the only one).
 *
 * `readable` says which lists were read whole. Undefined when there are
 * no nodes to check.
 *
 * @example
 * readableParts({ nodes: [{ code: 'i', type: 'aggregate', parent: null, weigth: 2 }, { code: 7, parent: 'i' }] }, []);
 * // { document: { nodes: [{ code: 'i', type: 'aggregate', parent: null }, { code: undefined, type: undefined, parent: 'i' }], … },
 * //   readable: { codes: false, parents: true, denominators: true } }
 */
export function readableParts(input: unknown, issues: readonly SchemaIssue[]): { document: CheckedDocument; readable: Readable } | undefined {
  if (!isRecord(input) || !Array.isArray(input.nodes) || input.nodes.length === 0) return undefined;
  const refused = refusedBy(issues);
  const rawNodes: unknown[] = input.nodes;
  const rawDenominators = input.denominators ?? [];
  const denominators = Array.isArray(rawDenominators) ? rawDenominators.map((d: unknown) => ({ code: isRecord(d) ? text(d.code) : undefined })) : [];
  const nodeCodes = new Set(rawNodes.map((raw) => (isRecord(raw) ? text(raw.code) : undefined)));
  const denominatorCodes = new Set(denominators.map((d) => d.code));
  const nodes = rawNodes.map((raw, i): CheckedNode => {
    if (!isRecord(raw)) return { code: undefined, type: undefined, parent: undefined };
    const type = raw.type === 'indicator' || raw.type === 'aggregate' ? raw.type : undefined;
    const at = (...path: PropertyKey[]) => ['nodes', i, ...path];
    // A parent the schema refused (a null one of an indicator, a code of the wrong pattern) is followed only if it names a node.
    const parent = raw.parent === null || typeof raw.parent === 'string' ? raw.parent : undefined;
    const node: { -readonly [K in keyof CheckedNode]: CheckedNode[K] } = {
      code: text(raw.code),
      type,
      parent: refused(at('parent')) && !(typeof parent === 'string' && nodeCodes.has(parent)) ? undefined : parent,
    };
    if (type === 'indicator') {
      const code = isRecord(raw.denominator) ? text(raw.denominator.code) : undefined;
      if (code !== undefined && (!refused(at('denominator', 'code')) || denominatorCodes.has(code))) node.denominator = { code };
      const window = raw.window === undefined ? undefined : WindowSpec.safeParse(raw.window).data;
      if (window) node.window = window;
      if (raw.normalisation !== undefined) node.normalisation = NormalisationSpec.safeParse(raw.normalisation).data ?? null;
    }
    if (type === 'aggregate' && raw.weighting !== undefined) {
      const weighting = WeightingSpec.safeParse(raw.weighting).data;
      if (weighting) node.weighting = weighting;
    }
    return node;
  });
  const normalisation = isRecord(input.defaults) && input.defaults.normalisation !== undefined ? NormalisationSpec.safeParse(input.defaults.normalisation).data : undefined;
  const rawBands: unknown[] = isRecord(input.publication) && Array.isArray(input.publication.bands) ? input.publication.bands : [];
  const bands = rawBands.map((b) => (isRecord(b) ? { code: text(b.code), min: typeof b.min === 'number' ? b.min : undefined } : { code: undefined, min: undefined }));
  return {
    document: { nodes, denominators, defaults: normalisation ? { normalisation } : {}, publication: { bands } },
    readable: {
      codes: nodes.every((n) => n.code !== undefined),
      parents: nodes.every((n) => n.parent !== undefined),
      denominators: Array.isArray(rawDenominators) && denominators.every((d) => d.code !== undefined),
    },
  };
}
