import { describe, expect, it } from 'vitest';
import { defineFramework, type Framework } from '../framework/defineFramework.ts';
import { createPanel, type Panel } from '../panel/panel.ts';
import { optimiseWeights } from './optimise.ts';

const name = { zh: '名', en: 'name' };

/**
 * A plain weighted arithmetic mean over each aggregate's available children,
 * bottom-up — enough to test the optimiser independently of `aggregate`.
 */
function arithmetic(scores: Panel, framework: Framework): Panel {
  const codes = [...framework.indicators, ...framework.aggregates];
  const rows = scores.units.length * scores.periods.length;
  const C = codes.length;
  const values = new Float64Array(rows * C).fill(Number.NaN);
  const at = new Map(codes.map((c, i) => [c, i]));
  for (const code of framework.indicators) {
    const from = scores.codes.indexOf(code);
    const to = at.get(code) ?? 0;
    for (let r = 0; r < rows; r++) values[r * C + to] = scores.values[r * scores.codes.length + from];
  }
  for (const code of framework.aggregates) {
    const node = framework.byCode.get(code);
    if (!node || node.type !== 'aggregate') continue;
    const to = at.get(code) ?? 0;
    for (let r = 0; r < rows; r++) {
      let sum = 0;
      let weight = 0;
      for (const child of node.children) {
        const v = values[r * C + (at.get(child) ?? 0)];
        const w = framework.byCode.get(child)?.weight ?? 0;
        if (v === v) {
          sum += w * v;
          weight += w;
        }
      }
      values[r * C + to] = weight > 0 ? sum / weight : Number.NaN;
    }
  }
  return createPanel({ units: scores.units, periods: scores.periods, codes, values });
}

// Three mutually uncorrelated, mean-zero patterns over 8 units (Hadamard columns).
const h1 = [1, -1, 1, -1, 1, -1, 1, -1];
const h2 = [1, 1, -1, -1, 1, 1, -1, -1];
const h3 = [1, 1, 1, 1, -1, -1, -1, -1];
const h4 = [1, -1, -1, 1, 1, -1, -1, 1];
const units = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8'];

function panelOf(columns: Record<string, number[]>): Panel {
  const codes = Object.keys(columns);
  const values: number[] = [];
  for (let u = 0; u < units.length; u++) for (const code of codes) values.push(columns[code][u]);
  return createPanel({ units, periods: ['2025'], codes, values });
}

describe('optimiseWeights', () => {
  // index ← p1 ← {a, b, c}; index ← p2 ← {d}
  const fw = defineFramework({
    id: 'opt',
    version: '1',
    name,
    nodes: [
      { code: 'index', type: 'aggregate', parent: null, name },
      { code: 'p1', type: 'aggregate', parent: 'index', name },
      { code: 'p2', type: 'aggregate', parent: 'index', name },
      { code: 'a', type: 'indicator', parent: 'p1', direction: 1, name },
      { code: 'b', type: 'indicator', parent: 'p1', direction: 1, name },
      { code: 'c', type: 'indicator', parent: 'p1', direction: 1, name },
      { code: 'd', type: 'indicator', parent: 'p2', direction: 1, name },
    ],
  });
  // Uncorrelated children with spreads σ = 2, 1, 4: the group score is
  // Σ w_i x_i, so corr(x_i, score) ∝ w_i σ_i and shares t need w_i ∝ t_i / σ_i.
  const sigma = [2, 1, 4];
  const scores = panelOf({
    a: h1.map((v) => 50 + sigma[0] * v),
    b: h2.map((v) => 50 + sigma[1] * v),
    c: h3.map((v) => 50 + sigma[2] * v),
    d: h4.map((v) => 50 + 3 * v),
  });

  it('finds the known optimum for equal importance', () => {
    const r = optimiseWeights({ framework: fw, scores, group: 'p1', aggregate: arithmetic });
    expect(r.converged).toBe(true);
    const inverse = sigma.map((s) => 1 / s);
    const total = inverse.reduce((s, x) => s + x, 0);
    expect(r.weights.a).toBeCloseTo(inverse[0] / total, 5);
    expect(r.weights.b).toBeCloseTo(inverse[1] / total, 5);
    expect(r.weights.c).toBeCloseTo(inverse[2] / total, 5);
    r.shares.forEach((s) => expect(s).toBeCloseTo(1 / 3, 6));
    expect(r.target).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(r.correlations[0]).toBeCloseTo(1 / Math.sqrt(3), 5); // equal shares of an orthogonal split
    expect(r.objective).toBeLessThan(Math.log(1e-12));
    expect(r.framework.byCode.get('b')?.weight).toBeCloseTo(r.weights.b, 15);
    expect(Object.values(r.weights).reduce((s, w) => s + w, 0)).toBeCloseTo(1, 14);
  });

  it('aggregates with the library `aggregate` by default', () => {
    const viaDefault = optimiseWeights({ framework: fw, scores, group: 'p1' });
    const viaLocal = optimiseWeights({ framework: fw, scores, group: 'p1', aggregate: arithmetic });
    expect(viaDefault.converged).toBe(true);
    for (const code of ['a', 'b', 'c']) expect(viaDefault.weights[code]).toBeCloseTo(viaLocal.weights[code], 8);
    viaDefault.shares.forEach((s) => expect(s).toBeCloseTo(1 / 3, 6));
  });

  it('follows the group’s own aggregation method (geometric)', () => {
    const geo = defineFramework({
      ...fw.document,
      nodes: fw.document.nodes.map((n) => (n.code === 'p1' ? { ...n, aggregation: { method: 'geometric', minAvailability: 0 } } : n)),
    });
    const r = optimiseWeights({ framework: geo, scores, group: 'p1', period: '2025' });
    expect(r.converged).toBe(true);
    r.shares.forEach((s) => expect(s).toBeCloseTo(1 / 3, 6));
  });

  it('matches unequal targets', () => {
    const t = [1, 2, 1];
    const r = optimiseWeights({ framework: fw, scores, group: 'p1', target: t, aggregate: arithmetic });
    expect(r.converged).toBe(true);
    const raw = t.map((ti, i) => ti / sigma[i]);
    const total = raw.reduce((s, x) => s + x, 0);
    ['a', 'b', 'c'].forEach((code, i) => expect(r.weights[code]).toBeCloseTo(raw[i] / total, 5));
    r.shares.forEach((s, i) => expect(s).toBeCloseTo(t[i] / 4, 6));
  });

  it('can correlate against an ancestor (COINr: the index)', () => {
    const r = optimiseWeights({ framework: fw, scores, group: 'index', against: 'index', aggregate: arithmetic });
    expect(r.converged).toBe(true);
    expect(r.shares[0]).toBeCloseTo(0.5, 6);
    const s = optimiseWeights({ framework: fw, scores, group: 'p1', against: 'index', aggregate: arithmetic, maxIterations: 2000 });
    // p2 (d) is uncorrelated with p1's children, so the balance within p1 is the same as against p1.
    expect(s.shares.every((x) => Math.abs(x - 1 / 3) < 1e-5)).toBe(true);
  });

  it('maximises the total correlation with infomax', () => {
    const r = optimiseWeights({ framework: fw, scores, group: 'p1', objective: 'infomax', aggregate: arithmetic });
    // For orthogonal children Σ corr = Σ w_i σ_i / √(Σ w_i² σ_i²), largest at w_i σ_i equal.
    expect(r.target).toEqual([]);
    expect(r.objective).toBeCloseTo(-Math.sqrt(3), 6);
    expect(r.shares[2]).toBeCloseTo(1 / 3, 4);
  });

  it('uses Spearman correlations on request', () => {
    const r = optimiseWeights({ framework: fw, scores, group: 'p1', correlation: 'spearman', aggregate: arithmetic });
    expect(Object.values(r.weights).reduce((s, w) => s + w, 0)).toBeCloseTo(1, 14);
    expect(r.correlations.every((c) => c > -1 && c <= 1)).toBe(true);
  });

  it('returns weight 1 for a single child without searching', () => {
    const r = optimiseWeights({ framework: fw, scores, group: 'p2', aggregate: arithmetic });
    expect(r.weights).toEqual({ d: 1 });
    expect(r.iterations).toBe(0);
    expect(r.correlations[0]).toBeCloseTo(1, 14);
  });

  it('rejects bad groups, targets and objectives', () => {
    expect(() => optimiseWeights({ framework: fw, scores, group: 'a', aggregate: arithmetic })).toThrow(/not an aggregate/);
    expect(() => optimiseWeights({ framework: fw, scores, group: 'p1', against: 'p2', aggregate: arithmetic })).toThrow(/ancestors/);
    expect(() => optimiseWeights({ framework: fw, scores, group: 'p1', target: [1, 2], aggregate: arithmetic })).toThrow(/3 children/);
    expect(() => optimiseWeights({ framework: fw, scores, group: 'p1', target: [1, 0, 2], aggregate: arithmetic })).toThrow(/positive/);
    expect(() =>
      optimiseWeights({ framework: fw, scores, group: 'p1', objective: 'other' as never, aggregate: arithmetic }),
    ).toThrow(/balance/);
  });
});
