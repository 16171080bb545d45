import { MAX_FRAMEWORK_NODES, defineFramework, frameworkFromDocument, type Framework } from '../framework/defineFramework.ts';
import * as z from 'zod/mini';
import { FrameworkSchema, type FrameworkDocument, type FrameworkInput } from '../framework/schema.ts';

/** The document's head: everything but its nodes, which `checkedNode` checks. */
const FrameworkHeadSchema = z.omit(FrameworkSchema, { nodes: true });

const isText = (v: unknown): boolean => typeof v === 'string' && v.length > 0;

/**
 * Whether a value is a code as the schema's `code` pattern
 * (`/^[A-Za-z][A-Za-z0-9_.-]*$/`) accepts it: a letter, then letters,
 * digits, "_", "." and "-". A loop over the characters, which costs less
 * than the pattern on the hundred codes of a COINr framework.
 *
 * @example
 * isCode('GDP_pc.2'); // true
 * isCode('2GDP'); // false
 */
export function isCode(v: unknown): v is string {
  if (typeof v !== 'string' || v.length === 0) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) continue;
    if (i === 0 || !((c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45)) return false;
  }
  return true;
}

/** Whether every own enumerable key of an object is `zh` or `en` (a loop over `Object.keys`: `for … in` with `Object.hasOwn` cost more than the rest of the check). */
function hasOnlyNameKeys(v: object): boolean {
  const keys = Object.keys(v);
  for (let k = 0; k < keys.length; k++) if (keys[k] !== 'zh' && keys[k] !== 'en') return false;
  return true;
}

/** A `{ zh, en }` name of non-empty strings and nothing else (what `LocalizedText` outputs unchanged), or undefined. */
function localized(v: unknown): { zh: string; en: string } | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { zh, en } = v as { zh?: unknown; en?: unknown };
  if (!isText(zh) || !isText(en) || !hasOnlyNameKeys(v)) return undefined;
  return { zh: zh as string, en: en as string };
}

/** Whether every own enumerable key of a node is one that `fromCoinr` writes for its type. */
function hasOnlyNodeKeys(n: object, indicator: boolean): boolean {
  const keys = Object.keys(n);
  for (let k = 0; k < keys.length; k++) {
    switch (keys[k]) {
      case 'code':
      case 'type':
      case 'parent':
      case 'name':
      case 'weight':
        continue;
      case 'unit':
      case 'direction':
      case 'denominator':
        if (indicator) continue;
        return false;
      default:
        return false;
    }
  }
  return true;
}

type IndicatorDocument = Extract<FrameworkDocument['nodes'][number], { type: 'indicator' }>;

const isWeight = (w: unknown): w is number => typeof w === 'number' && Number.isFinite(w) && w > 0;

/**
 * One node as the schema outputs it, for the node shapes `fromCoinr` writes
 * (no methods, descriptions or noise per node), or undefined for anything
 * else: such a node goes through the schema, which explains what is wrong.
 */
function checkedNode(node: FrameworkInput['nodes'][number]): FrameworkDocument['nodes'][number] | undefined {
  const n = node as Record<string, unknown>;
  if ((n.type !== 'indicator' && n.type !== 'aggregate') || !hasOnlyNodeKeys(n, n.type === 'indicator')) return undefined;
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
  // The optional keys set one by one, in the schema's order (see resolveFramework's indicatorNode).
  const out: { -readonly [K in keyof IndicatorDocument]: IndicatorDocument[K] } = { code: n.code, type: 'indicator', parent: n.parent, name } as IndicatorDocument;
  if (unit) out.unit = unit;
  out.direction = n.direction;
  out.weight = weight;
  if (denominator) out.denominator = denominator;
  return out;
}

/**
 * `defineFramework` for the documents `fromCoinr` writes, without running
 * the zod schema over every node: each node is checked in one typed pass
 * (codes, names, direction, weight, denominator) and given the schema's
 * defaults, and so is each denominator; only the document's head (its
 * id, names and defaults) goes through the schema. The tree is
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
  const denominators = checkedDenominators(document.denominators);
  if (!denominators) return defineFramework(document);
  const { nodes: _nodes, ...rest } = document;
  const head = FrameworkHeadSchema.safeParse({ ...rest, denominators: [] });
  if (!head.success) return defineFramework(document);
  return frameworkFromDocument({ ...head.data, denominators, nodes: checked });
}

/** The denominators as the schema outputs them (`{ code, name, unit? }`, none when absent), or undefined for anything else. */
function checkedDenominators(denominators: FrameworkInput['denominators']): FrameworkDocument['denominators'] | undefined {
  if (denominators === undefined) return [];
  if (!Array.isArray(denominators)) return undefined;
  const out: FrameworkDocument['denominators'] = [];
  for (const d of denominators as unknown[]) {
    if (typeof d !== 'object' || d === null) return undefined;
    const { code, name: given, unit: givenUnit } = d as { code?: unknown; name?: unknown; unit?: unknown };
    for (const key in d) if (Object.hasOwn(d, key) && key !== 'code' && key !== 'name' && key !== 'unit') return undefined;
    const name = localized(given);
    const unit = givenUnit === undefined ? undefined : localized(givenUnit);
    if (!isCode(code) || !name || (givenUnit !== undefined && !unit)) return undefined;
    out.push(unit ? { code, name, unit } : { code, name });
  }
  return out;
}
