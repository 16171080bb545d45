import { describe, expect, it } from 'vitest';
import { defineFramework } from '../framework/defineFramework.ts';
import { createPanel } from '../panel/panel.ts';
import { columnValues } from './columnValues.ts';
import { codesAtLevel, correlateLevels } from './correlateLevels.ts';
import { pearson } from './pearson.ts';
import { spearman } from './spearman.ts';

const name = { zh: '名', en: 'name' };
// index ← p1 ← {a, b}; index ← p2 ← {c, d}; levels 1 (a–d), 2 (p1, p2), 3 (index).
const fw = defineFramework({
  id: 'demo',
  version: '1',
  name,
  nodes: [
    { code: 'index', type: 'aggregate', parent: null, name },
    { code: 'p1', type: 'aggregate', parent: 'index', name },
    { code: 'p2', type: 'aggregate', parent: 'index', name },
    { code: 'a', type: 'indicator', parent: 'p1', direction: 1, name },
    { code: 'b', type: 'indicator', parent: 'p1', direction: 1, name },
    { code: 'c', type: 'indicator', parent: 'p2', direction: 1, name },
    { code: 'd', type: 'indicator', parent: 'p2', direction: 1, name },
  ],
});

// Five units, two periods; aggregates are arithmetic means.
const a = [1, 4, 2, 8, 5, 2, 3, 3, 9, 1];
const b = [3, 2, 6, 1, 4, 5, 1, 2, 8, 7];
const c = [7, 7, 1, 3, 2, 6, 4, 9, 1, 2];
const d = [2, 9, 4, 4, 6, 1, 8, 2, 5, 3];
const p1 = a.map((v, i) => (v + b[i]) / 2);
const p2 = c.map((v, i) => (v + d[i]) / 2);
const index = p1.map((v, i) => (v + p2[i]) / 2);
const codes = ['a', 'b', 'c', 'd', 'p1', 'p2', 'index'];
const cols = [a, b, c, d, p1, p2, index];
const values: number[] = [];
for (let i = 0; i < 10; i++) for (const col of cols) values.push(col[i]);
const aggregated = createPanel({ units: ['U1', 'U2', 'U3', 'U4', 'U5'], periods: ['2024', '2025'], codes, values });

describe('codesAtLevel', () => {
  it('lists codes of one COINr level in file order', () => {
    expect(codesAtLevel(fw, 1)).toEqual(['a', 'b', 'c', 'd']);
    expect(codesAtLevel(fw, 2)).toEqual(['p1', 'p2']);
    expect(codesAtLevel(fw, 3)).toEqual(['index']);
    expect(() => codesAtLevel(fw, 4)).toThrow(/from 1 to 3/);
  });
});

describe('correlateLevels', () => {
  it('correlates every node of one level with every node of another, pooled', () => {
    const t = correlateLevels(fw, aggregated, 1, 2);
    expect(t.rows).toEqual(['a', 'b', 'c', 'd']);
    expect(t.columns).toEqual(['p1', 'p2']);
    expect(t.values[2][0]).toBe(pearson(c, p1));
    expect(t.values[0][0]).toBe(pearson(a, p1));
  });
  it('keeps only each node against its own ancestor with withinParent', () => {
    const t = correlateLevels(fw, aggregated, 1, 2, { withinParent: true, method: 'spearman', period: '2025' });
    const col = (code: string) => columnValues(aggregated, code, '2025');
    expect(t.values[0][0]).toBe(spearman(col('a'), col('p1')));
    expect(t.values[0][1]).toBeNaN();
    expect(t.values[3][0]).toBeNaN();
    expect(t.values[3][1]).toBe(spearman(col('d'), col('p2')));
    // Rows at the higher level work the same way round.
    const u = correlateLevels(fw, aggregated, 2, 1, { withinParent: true });
    expect(u.rows).toEqual(['p1', 'p2']);
    expect(u.values[1][2]).toBe(pearson(p2, c));
    expect(u.values[1][0]).toBeNaN();
    // Indicators against the index: every indicator has it as its ancestor.
    const v = correlateLevels(fw, aggregated, 1, 3, { withinParent: true });
    expect(v.values.map((r) => r[0])).toEqual([a, b, c, d].map((x) => pearson(x, index)));
  });
  it('keeps siblings within one level', () => {
    const t = correlateLevels(fw, aggregated, 1, 1, { withinParent: true });
    expect(t.values[0][0]).toBeCloseTo(1, 14);
    expect(t.values[0][1]).toBe(pearson(a, b));
    expect(t.values[0][2]).toBeNaN();
    expect(t.values[2][3]).toBe(pearson(c, d));
  });
});
