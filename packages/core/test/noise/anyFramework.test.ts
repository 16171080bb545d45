/**
 * A framework that is not linear in its counts (min-max scores per month,
 * a geometric mean) goes through the seeded bootstrap, deterministically.
 */
import { randomLcg, randomPoisson } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { analyticSupport, analyticUncertainty, buildIndex, createPanel, defineFramework, monthUncertainty, periodRange } from '../../src/index.ts';

describe('monthUncertainty for any framework', () => {
  const fw = defineFramework({
    id: 'minmax',
    version: '1',
    name: { zh: '最小最大', en: 'Min-max' },
    denominators: [{ code: 'population', name: { zh: '人口', en: 'Population' } }],
    nodes: [
      { code: 'index', type: 'aggregate', parent: null, name: { zh: '指数', en: 'Index' }, aggregation: { method: 'geometric' } },
      { code: 'a', type: 'indicator', parent: 'index', direction: -1, name: { zh: '甲', en: 'A' }, denominator: { code: 'population', scale: 100000 }, window: { periods: 12, statistic: 'sum' }, normalisation: { method: 'minMax', lower: 1, upper: 100 } },
      { code: 'b', type: 'indicator', parent: 'index', direction: -1, name: { zh: '乙', en: 'B' }, denominator: { code: 'population', scale: 100000 }, window: { periods: 12, statistic: 'sum' }, normalisation: { method: 'minMax', lower: 1, upper: 100 } },
    ],
  });
  const units = ['P', 'Q', 'R', 'S'];
  const periods = periodRange('2021-01', '2025-12');
  const poisson = randomPoisson.source(randomLcg(5));
  const values: number[] = [];
  for (const _ of periods) for (const [u] of units.entries()) values.push(poisson(10 + 5 * u)(), poisson(30)(), 100000 * (1 + u));
  const result = buildIndex(fw, createPanel({ units, periods, codes: ['a', 'b', 'population'], values }));

  it('says why the formulas do not apply, and refuses them', () => {
    expect(analyticSupport(fw)).toEqual([
      'a: normalisation minMax is not linear in the counts (use the bootstrap)',
      'b: normalisation minMax is not linear in the counts (use the bootstrap)',
      'index: aggregation geometric is not linear (use the bootstrap)',
    ]);
    expect(() => analyticUncertainty(result)).toThrow(/not linear/);
  });

  it('bootstraps every value and change, the same for the same seed', () => {
    const u = monthUncertainty(result, '2025-12', { draws: 200, seed: 3 });
    expect(u.method).toBe('bootstrap');
    for (const region of u.regions) {
      const index = region.nodes[0];
      expect(index.code).toBe('index');
      expect(Number(index.interval!.lower)).toBeLessThanOrEqual(Number(index.interval!.upper));
      expect(['up', 'down', 'unchanged']).toContain(index.mom!.verdict);
    }
    expect(u.ranking.units).toHaveLength(4);
    expect(JSON.stringify(monthUncertainty(result, '2025-12', { draws: 200, seed: 3 }))).toBe(JSON.stringify(u));
    expect(JSON.stringify(monthUncertainty(result, '2025-12', { draws: 200, seed: 4 }))).not.toBe(JSON.stringify(u));
  });
});
