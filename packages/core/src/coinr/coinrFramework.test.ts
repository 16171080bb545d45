import { describe, expect, it } from 'vitest';
import { defineFramework } from '../framework/defineFramework.ts';
import type { FrameworkInput } from '../framework/schema.ts';
import { frameworkFromCoinrDocument, isCode } from './coinrFramework.ts';

const document: FrameworkInput = {
  id: 'coinr',
  version: '1',
  name: { zh: 'COINr', en: 'COINr' },
  defaults: { imputation: { method: 'groupMean', grouping: 'region' }, treatment: { method: 'winsorise', winmax: 5 }, aggregation: { method: 'arithmetic', minAvailability: 0 } },
  denominators: [{ code: 'pop', name: { zh: 'Population', en: 'Population' } }],
  nodes: [
    { code: 'x', type: 'indicator', parent: 'P', name: { zh: 'X', en: 'X' }, unit: { zh: 'kg', en: 'kg' }, direction: 1, weight: 1, denominator: { code: 'pop' } },
    { code: 'y', type: 'indicator', parent: 'P', name: { zh: 'Y', en: 'Y' }, direction: -1, weight: 2 },
    { code: 'P', type: 'aggregate', parent: 'Index', name: { zh: 'P', en: 'P' }, weight: 1 },
    { code: 'Index', type: 'aggregate', parent: null, name: { zh: 'Index', en: 'Index' }, weight: 1 },
  ],
};

const errorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('no error');
};

describe('frameworkFromCoinrDocument', () => {
  it('gives the framework defineFramework gives, its document byte for byte', () => {
    const fast = frameworkFromCoinrDocument(document);
    const zod = defineFramework(document);
    expect(JSON.stringify(fast.document)).toBe(JSON.stringify(zod.document));
    expect(fast).toEqual(zod);
    expect(fast.byCode.get('x')).toMatchObject({ denominator: { code: 'pop', scale: 1 }, unit: { zh: 'kg', en: 'kg' } });
  });

  it('reports a bad node exactly as defineFramework does, every problem at once', () => {
    const bad = {
      ...document,
      nodes: document.nodes.map((n) => (n.code === 'y' ? { ...n, weight: Number.NaN, parent: '9P' } : n.code === 'x' ? { ...n, name: { zh: '', en: 'X' } } : n)),
    } as FrameworkInput;
    const message = errorOf(() => frameworkFromCoinrDocument(bad));
    expect(message).toBe(errorOf(() => defineFramework(bad)));
    expect(message).toMatch(/3 problems/);
    expect(message).toMatch(/nodes\[1\] \(y\)\.weight/);
  });

  it('reports a bad tree and bad defaults as defineFramework does', () => {
    const orphan = { ...document, nodes: document.nodes.map((n) => (n.code === 'y' ? { ...n, parent: 'Nowhere' } : n)) } as FrameworkInput;
    expect(errorOf(() => frameworkFromCoinrDocument(orphan))).toBe(errorOf(() => defineFramework(orphan)));
    const defaults = { ...document, defaults: { treatment: { method: 'winsorise', winmax: -1 } } } as FrameworkInput;
    expect(errorOf(() => frameworkFromCoinrDocument(defaults))).toBe(errorOf(() => defineFramework(defaults)));
    expect(errorOf(() => frameworkFromCoinrDocument(defaults))).toMatch(/defaults\.treatment\.winmax/);
  });

  it('leaves a key that fromCoinr does not write for the node type, or a name with a key besides zh and en, to the schema', () => {
    const aggregateWithUnit = { ...document, nodes: document.nodes.map((n) => (n.code === 'P' ? { ...n, unit: { zh: 'kg', en: 'kg' } } : n)) } as FrameworkInput;
    expect(errorOf(() => frameworkFromCoinrDocument(aggregateWithUnit))).toBe(errorOf(() => defineFramework(aggregateWithUnit)));
    // The schema drops a name's other keys.
    const nameWithMore = { ...document, nodes: document.nodes.map((n) => (n.code === 'x' ? { ...n, name: { zh: 'X', en: 'X', fr: 'X' } } : n)) } as FrameworkInput;
    expect(JSON.stringify(frameworkFromCoinrDocument(nameWithMore).document)).toBe(JSON.stringify(defineFramework(nameWithMore).document));
  });

  it('lets the schema handle node shapes it does not check itself (methods per node)', () => {
    const withMethod = { ...document, nodes: document.nodes.map((n) => (n.code === 'y' ? { ...n, normalisation: { method: 'zScore' } } : n)) } as FrameworkInput;
    expect(frameworkFromCoinrDocument(withMethod)).toEqual(defineFramework(withMethod));
  });

  it('checks the denominators as the schema does: a unit kept, a bad one reported as defineFramework reports it', () => {
    const withUnit = { ...document, denominators: [{ code: 'pop', name: { zh: 'Population', en: 'Population' }, unit: { zh: 'people', en: 'people' } }] } as FrameworkInput;
    expect(JSON.stringify(frameworkFromCoinrDocument(withUnit).document)).toBe(JSON.stringify(defineFramework(withUnit).document));
    const none = { ...document, denominators: undefined, nodes: document.nodes.map((n) => (n.code === 'x' ? { ...n, denominator: undefined } : n)) } as FrameworkInput;
    expect(frameworkFromCoinrDocument(none)).toEqual(defineFramework(none));
    for (const denominators of [[{ code: '1pop', name: { zh: 'P', en: 'P' } }], [{ code: 'pop', name: { zh: '', en: 'P' } }], [{ code: 'pop', name: { zh: 'P', en: 'P' }, scale: 2 }], 'pop']) {
      const bad = { ...document, denominators } as unknown as FrameworkInput;
      expect(errorOf(() => frameworkFromCoinrDocument(bad))).toBe(errorOf(() => defineFramework(bad)));
    }
  });
});

describe('isCode', () => {
  it("accepts exactly the strings the schema's code pattern accepts", () => {
    const pattern = /^[A-Za-z][A-Za-z0-9_.-]*$/;
    const alphabet = ['a', 'Z', 'q', '0', '9', '_', '.', '-', '@', '[', '`', '{', '/', ':', ' ', '\n', 'é', '指', '\u0000'];
    const strings = ['', 'GDP', 'GDP_pc.2-x', '2GDP', '_a', 'a b', 'a\n'];
    // Every string of up to three characters over the alphabet, each character tried first and later.
    for (const a of alphabet) for (const b of ['', ...alphabet]) for (const c of ['', ...alphabet]) strings.push(a + b + c);
    for (const s of strings) expect(isCode(s), JSON.stringify(s)).toBe(pattern.test(s));
    expect([undefined, null, 7, ['a']].some(isCode)).toBe(false);
  });
});
