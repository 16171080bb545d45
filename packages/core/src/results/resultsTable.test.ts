import { describe, expect, it } from 'vitest';
import { defineFramework } from '../framework/defineFramework.ts';
import { createPanel } from '../panel/panel.ts';
import { competitionRanks } from './competitionRanks.ts';
import { resultsTable } from './resultsTable.ts';

const fw = defineFramework({
  id: 'r', version: '1', name: { zh: '结果', en: 'Results' },
  nodes: [
    { code: 'index', type: 'aggregate', parent: null, name: { zh: '指数', en: 'Index' } },
    { code: 'g', type: 'aggregate', parent: 'index', name: { zh: '组', en: 'Group' } },
    { code: 'x', type: 'indicator', parent: 'g', direction: 1, name: { zh: 'x', en: 'x' } },
  ],
});

describe('resultsTable (COINr get_results)', () => {
  const panel = createPanel({
    units: ['A', 'B', 'C', 'D'], periods: ['2024', '2025'], codes: ['x', 'g', 'index'],
    values: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 2025 */ 1, 40, 50, 2, 90, 80, 3, 60, 80, 4, Number.NaN, Number.NaN],
  });

  it('sorts by the first column, ranks ties at the best rank, puts missing last, index before lower levels', () => {
    expect(resultsTable(panel, fw)).toEqual([
      { unit: 'B', rank: 1, index: 80, g: 90 },
      { unit: 'C', rank: 1, index: 80, g: 60 },
      { unit: 'A', rank: 3, index: 50, g: 40 },
      { unit: 'D', rank: Number.NaN, index: Number.NaN, g: Number.NaN },
    ]);
  });

  it('gives ranks instead of scores, for a chosen period and columns', () => {
    expect(resultsTable(panel, fw, { period: '2025', codes: ['g', 'index'], use: 'ranks' }).map((r) => [r.unit, r.rank, r.g, r.index])).toEqual([
      ['B', 1, 1, 1],
      ['C', 2, 2, 1],
      ['A', 3, 3, 3],
      ['D', Number.NaN, Number.NaN, Number.NaN],
    ]);
    expect(() => resultsTable(panel, fw, { codes: ['nope'] })).toThrow(/no column "nope"/);
  });

  it('competitionRanks matches R rank(-x, ties.method = "min")', () => {
    expect(competitionRanks([3, 1, 3, 2])).toEqual([1, 4, 1, 3]);
  });
});
