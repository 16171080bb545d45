import { describe, expect, it } from 'vitest';
import { panelFromObservations } from '../data/observations.ts';
import { getValue } from '../panel/panel.ts';
import { buildIndex } from '../pipeline/buildIndex.ts';
import { fromCoinr } from './fromCoinr.ts';

const iMeta = [
  { Level: '1', iCode: 'x', iName: 'X', Direction: '1', Weight: '1', Parent: 'Index', Type: 'Indicator', Denominator: 'pop' },
  { Level: '1', iCode: 'y', iName: 'Y', Direction: '1', Weight: '1', Parent: 'Index', Type: 'Indicator', Denominator: '' },
  { Level: '2', iCode: 'Index', iName: 'Index', Direction: '1', Weight: '1', Parent: '', Type: 'Aggregate', Denominator: '' },
  { Level: '', iCode: 'region', iName: 'Region', Direction: '', Weight: '', Parent: '', Type: 'Group', Denominator: '' },
  { Level: '', iCode: 'pop', iName: 'Population', Direction: '', Weight: '', Parent: '', Type: 'Denominator', Denominator: '' },
  { Level: '', iCode: '', iName: '', Direction: '', Weight: '', Parent: '', Type: '', Denominator: '' }, // a CSV's blank last line
];
const iData = [
  { uCode: 'A', uName: 'A', region: 'N', pop: '2', x: '4', y: '2' },
  { uCode: 'B', uName: 'B', region: 'N', pop: '1', x: '4', y: '' },
  { uCode: 'C', uName: 'C', region: 'S', pop: '4', x: '40', y: '10' },
];

describe('fromCoinr with COINr steps and global specs', () => {
  it('Denominate, Impute (i_mean_grp), Normalise (n_dist2max) and Aggregate, worked by hand', () => {
    const coin = fromCoinr({ iData, iMeta }, {
      period: '2024',
      Denominate: {},
      Impute: { f_i: 'i_mean_grp', use_group: 'region' },
      Normalise: { global_specs: { f_n: 'n_dist2max' } },
      Aggregate: { f_ag: 'a_amean' },
    });
    const r = buildIndex(coin.framework, panelFromObservations(coin.framework, coin.observations), coin.options);
    // x / pop: A 2, B 4, C 10 → n_dist2max 1 − (10 − x) / (10 − 2): 0, 0.25, 1 (COINr: n_dist2max(c(2, 4, 10)))
    expect([...'ABC'].map((u) => getValue(r.normalised, u, '2024', 'x'))).toEqual([0, 0.25, 1]);
    // y: B imputed by the mean of region N (A's 2): 2; then A 0, B 0, C 1
    expect(getValue(r.imputed, 'B', '2024', 'y')).toBe(2);
    expect(getValue(r.aggregated, 'C', '2024', 'Index')).toBe(1);
    expect(getValue(r.aggregated, 'B', '2024', 'Index')).toBe(0.125);
  });

  it('takes denominators from a denoms table (as WorldDenoms) before iData, and names what it cannot map', () => {
    const coin = fromCoinr({ iData, iMeta }, { period: '2024', Denominate: { denoms: [{ uCode: 'A', pop: '4' }, { uCode: 'B', pop: '4' }, { uCode: 'C', pop: '4' }] } });
    const r = buildIndex(coin.framework, panelFromObservations(coin.framework, coin.observations));
    expect(getValue(r.denominated, 'C', '2024', 'x')).toBe(10);
    expect(getValue(r.denominated, 'A', '2024', 'x')).toBe(1);
    expect(() => fromCoinr({ iData, iMeta }, { period: '2024', Normalise: { global_specs: { f_n: 'n_borda' } }, Aggregate: { f_ag: 'a_ogwa' }, Impute: { f_i: 'i_mean_grp', use_group: 'nope' } })).toThrow(
      /3 problems:\n {2}options\.Impute\.use_group: [^\n]*\n {2}options\.Normalise\.global_specs\.f_n: "n_borda" has no counterpart here[^\n]*\n {2}options\.Aggregate\.f_ag: "a_ogwa"/,
    );
  });
});
