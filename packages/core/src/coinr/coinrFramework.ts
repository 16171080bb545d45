import { MAX_FRAMEWORK_NODES, defineFramework, frameworkFromDocument, type Framework } from '../framework/defineFramework.ts';
import { FrameworkSchema, type FrameworkDocument, type FrameworkInput } from '../framework/schema.ts';

const CODE = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const isCode = (v: unknown): v is string => typeof v === 'string' && CODE.test(v);
const isText = (v: unknown): boolean => typeof v === 'string' && v.length > 0;

/** A `{ zh, en }` name of non-empty strings and nothing else (what `LocalizedText` outputs unchanged), or undefined. */
function localized(v: unknown): { zh: string; en: string } | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { zh, en, ...rest } = v as { zh?: unknown; en?: unknown };
  if (!isText(zh) || !isText(en) || Object.keys(rest).length > 0) return undefined;
  return { zh: zh as string, en: en as string };
}

const INDICATOR_KEYS = new Set(['code', 'type', 'parent', 'name', 'unit', 'direction', 'weight', 'denominator']);
const AGGREGATE_KEYS = new Set(['code', 'type', 'parent', 'name', 'weight']);

const isWeight = (w: unknown): w is number => typeof w === 'number' && Number.isFinite(w) && w > 0;

/**
 * One node as the schema outputs it, for the node shapes `fromCoinr` writes
 * (no methods, descriptions or noise per node), or undefined for anything
 * else: such a node goes through the schema, which explains what is wrong.
 */
function checkedNode(node: FrameworkInput['nodes'][number]): FrameworkDocument['nodes'][number] | undefined {
  const n = node as Record<string, unknown>;
  const keys = n.type === 'indicator' ? INDICATOR_KEYS : n.type === 'aggregate' ? AGGREGATE_KEYS : undefined;
  if (!keys) return undefined;
  for (const key in n) if (Object.hasOwn(n, key) && !keys.has(key)) return undefined;
  const name = localized(n.name);
  const weight = n.weight === undefined ? 1 : n.weight;
  if (!isCode(n.code) || !name || !isWeight(weight)) return undefined;
  if (n.type === 'aggregate') {
    if (n.parent !== null && !isCode(n.parent)) return undefined;
    return { code: n.code, type: 'aggregate', parent: n.parent, name, weight };
  }
  if (!isCode(n.parent) || (n.direction !== 1 && n.direction !== -1)) return undefined;
  const unit = n.unit === undefined ? undefined : localized(n.unit);
  if (n.unit !== undefined && !unit) return undefined;
  let denominator: { code: string; scale: number } | undefined;
  if (n.denominator !== undefined) {
    const d = n.denominator as { code?: unknown; scale?: unknown } | null;
    if (typeof d !== 'object' || d === null || Object.keys(d).some((k) => k !== 'code' && k !== 'scale') || !isCode(d.code)) return undefined;
    const scale = d.scale === undefined ? 1 : d.scale;
    if (typeof scale !== 'number' || !Number.isFinite(scale) || !(scale > 0)) return undefined;
    denominator = { code: d.code, scale };
  }
  return {
    code: n.code,
    type: 'indicator',
    parent: n.parent,
    name,
    ...(unit ? { unit } : {}),
    direction: n.direction,
    weight,
    ...(denominator ? { denominator } : {}),
  };
}

/**
 * `defineFramework` for the documents `fromCoinr` writes, without running
 * the zod schema over every node: each node is checked in one typed pass
 * (codes, names, direction, weight, denominator) and given the schema's
 * defaults; only the document's head (its id, names, defaults and
 * denominators, with the first node) goes through the schema. The tree is
 * then checked as `defineFramework` checks it. A document that fails a
 * check goes through `defineFramework` whole, so an error reads exactly as
 * `defineFramework`'s would; the framework is the one `defineFramework`
 * returns (a test compares them).
 *
 * @example
 * frameworkFromCoinrDocument(coinrDocument(meta, defaults, options)).indicators;
 */
export function frameworkFromCoinrDocument(document: FrameworkInput): Framework {
  const nodes = document.nodes;
  if (!Array.isArray(nodes) || nodes.length === 0 || nodes.length > MAX_FRAMEWORK_NODES) return defineFramework(document);
  const checked: FrameworkDocument['nodes'] = [];
  for (const node of nodes) {
    const out = checkedNode(node);
    if (!out) return defineFramework(document);
    checked.push(out);
  }
  const head = FrameworkSchema.safeParse({ ...document, nodes: nodes.slice(0, 1) });
  if (!head.success) return defineFramework(document);
  return frameworkFromDocument({ ...head.data, nodes: checked });
}
