import { describe, expect, it } from 'vitest';
import { frameworkFromJson, reviseNodes } from '../framework/defineFramework.ts';
import { effectiveWeights } from './effective.ts';

const name = { zh: '名', en: 'name' };
// index ← p1 (w 1) ← {a (w 1), b (w 3)}
// index ← p2 (w 3) ← {c (w 2), s (w 2) ← {d, e}}   (an unbalanced tree)
const fw = frameworkFromJson({
  id: 'demo',
  version: '1',
  name,
  nodes: [
    { code: 'index', type: 'aggregate', parent: null, name },
    { code: 'p1', type: 'aggregate', parent: 'index', weight: 1, name },
    { code: 'p2', type: 'aggregate', parent: 'index', weight: 3, name },
    { code: 's', type: 'aggregate', parent: 'p2', weight: 2, name },
    { code: 'a', type: 'indicator', parent: 'p1', weight: 1, direction: 1, name },
    { code: 'b', type: 'indicator', parent: 'p1', weight: 3, direction: 1, name },
    { code: 'c', type: 'indicator', parent: 'p2', weight: 2, direction: -1, name },
    { code: 'd', type: 'indicator', parent: 's', direction: 1, name },
    { code: 'e', type: 'indicator', parent: 's', direction: 1, name },
  ],
});

describe('effectiveWeights', () => {
  it('normalises within siblings and multiplies down from the root (hand-worked)', () => {
    const w = effectiveWeights(fw);
    expect(Object.keys(w)).toEqual(['index', 'p1', 'p2', 's', 'a', 'b', 'c', 'd', 'e']);
    expect(w.index).toBe(1);
    expect(w.p1).toBeCloseTo(1 / 4, 15);
    expect(w.p2).toBeCloseTo(3 / 4, 15);
    expect(w.a).toBeCloseTo(1 / 4 / 4, 15); // 1/4 of p1
    expect(w.b).toBeCloseTo(3 / 4 / 4, 15);
    expect(w.c).toBeCloseTo(3 / 8, 15); // half of p2
    expect(w.s).toBeCloseTo(3 / 8, 15);
    expect(w.d).toBeCloseTo(3 / 16, 15);
    expect(w.e).toBeCloseTo(3 / 16, 15);
    const indicators = fw.indicators.reduce((sum, code) => sum + w[code], 0);
    expect(indicators).toBeCloseTo(1, 15);
  });
  it('depends only on the ratios among siblings', () => {
    const scaled = reviseNodes(fw, { a: { weight: 10 }, b: { weight: 30 } });
    const w = effectiveWeights(fw);
    const v = effectiveWeights(scaled);
    for (const code of Object.keys(w)) expect(v[code]).toBeCloseTo(w[code], 15);
  });
  it('gives 1/n to each of n equally weighted indicators under the root', () => {
    const flat = frameworkFromJson({
      id: 'flat',
      version: '1',
      name,
      nodes: [
        { code: 'index', type: 'aggregate', parent: null, name },
        ...['x', 'y', 'z', 'w', 'v'].map((code) => ({ code, type: 'indicator', parent: 'index', direction: 1, name })),
      ],
    });
    expect(effectiveWeights(flat)).toEqual({ index: 1, x: 0.2, y: 0.2, z: 0.2, w: 0.2, v: 0.2 });
  });
});
