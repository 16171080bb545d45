import { describe, expect, it } from 'vitest';
import { panelFromObservations } from '../data/observations.ts';
import { buildIndex } from '../pipeline/buildIndex.ts';
import { compileCoinr } from './compileCoinr.ts';
import { fromCoinr } from './fromCoinr.ts';

const iMeta = [
  { Level: '1', iCode: 'x', iName: 'X', Direction: '1', Weight: '1', Parent: 'Index', Type: 'Indicator', Denominator: 'pop' },
  { Level: '1', iCode: 'y', iName: 'Y', Direction: '-1', Weight: '2', Parent: 'Index', Type: 'Indicator', Denominator: '' },
  { Level: '2', iCode: 'Index', iName: 'Index', Direction: '1', Weight: '1', Parent: '', Type: 'Aggregate', Denominator: '' },
  { Level: '', iCode: 'region', iName: 'Region', Direction: '', Weight: '', Parent: '', Type: 'Group', Denominator: '' },
  { Level: '', iCode: 'pop', iName: 'Population', Direction: '', Weight: '', Parent: '', Type: 'Denominator', Denominator: '' },
];
const iData = [
  { uCode: 'A', uName: 'A', region: 'N', pop: '2', x: '4', y: '2' },
  { uCode: 'B', uName: 'B', region: 'N', pop: '1', x: '4', y: 'NA' },
  { uCode: '', uName: '', region: '', pop: '', x: '', y: '' }, // a CSV's blank line
  { uCode: 'C', uName: 'C', region: 'S', pop: '4', x: '40', y: '10' },
];
const options = { period: '2024', Denominate: {}, Impute: { f_i: 'i_mean_grp', use_group: 'region' } } as const;

describe('compileCoinr', () => {
  it('reads the tables into the panel fromCoinr and panelFromObservations give, and builds the same index', () => {
    const plan = compileCoinr({ iData, iMeta }, options);
    const coin = fromCoinr({ iData, iMeta }, options);
    const panel = panelFromObservations(coin.framework, coin.observations);
    expect(plan.panel).toEqual(panel);
    expect(plan.read(iData)).toEqual(panel);
    expect(buildIndex(plan.framework, plan.read(iData), plan.options).aggregated).toEqual(buildIndex(coin.framework, panel, coin.options).aggregated);
  });

  it('reads changed values of a table of the same shape, as a fresh import does', () => {
    const plan = compileCoinr({ iData, iMeta }, options);
    const changed = iData.map((row) => (row.uCode === 'C' ? { ...row, x: '8', y: '' } : row));
    const coin = fromCoinr({ iData: changed, iMeta }, options);
    expect(plan.read(changed)).toEqual(panelFromObservations(coin.framework, coin.observations));
  });

  it('says which cell is not a number, and refuses a table of another shape', () => {
    const plan = compileCoinr({ iData, iMeta }, options);
    expect(() => plan.read(iData.map((row) => (row.uCode === 'B' ? { ...row, x: 'four' } : row)))).toThrow('iData row 3 (B).x: "four" is not a number');
    expect(() => plan.read(iData.slice(1))).toThrow('compile a new plan');
    expect(() => plan.read(iData.map((row) => (row.uCode === 'A' ? { ...row, uCode: 'Z' } : row)))).toThrow('uCode is "Z" where the plan was compiled for "A"');
  });
});
