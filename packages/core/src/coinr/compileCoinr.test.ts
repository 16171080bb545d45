import { describe, expect, it } from 'vitest';
import { panelFromObservations } from '../data/observations.ts';
import { buildIndex } from '../pipeline/buildIndex.ts';
import { readReferenceCsv, referenceAvailable } from '../../test/reference.ts';
import { compileCoinr } from './compileCoinr.ts';
import { LONG_FORM, cellNumber, compileFast, observationsOf } from './compileTables.ts';
import { fromCoinr } from './fromCoinr.ts';
import { periodFrequency, periodRange } from '../panel/period.ts';

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
    expect(plan.observations).toEqual(coin.observations);
    expect(plan.read(iData)).toEqual(panel);
    expect(buildIndex(plan.framework, plan.read(iData), plan.options).aggregated).toEqual(buildIndex(coin.framework, panel, coin.options).aggregated);
  });

  it('reads changed values of a table of the same shape, as a fresh import does', () => {
    const plan = compileCoinr({ iData, iMeta }, options);
    const changed = iData.map((row) => (row.uCode === 'C' ? { ...row, x: '8', y: '' } : row));
    const coin = fromCoinr({ iData: changed, iMeta }, options);
    expect(plan.read(changed)).toEqual(panelFromObservations(coin.framework, coin.observations));
  });

  it('lays out tables of one period with no blank row, and of several periods in any row order, as panelFromObservations does', () => {
    const oneBlock = iData.filter((row) => row.uCode !== '');
    const byPeriod = [
      { ...iData[3], Time: '2024' },
      { ...iData[0], Time: '2023', uName: 'Aland', region: '' },
      { ...iData[1], Time: '2024' },
      { ...iData[0], Time: '2024', x: '5' },
      { ...iData[3], Time: '2022', y: '11' },
    ];
    for (const table of [oneBlock, byPeriod]) {
      const plan = compileCoinr({ iData: table, iMeta }, options);
      const coin = fromCoinr({ iData: table, iMeta }, options);
      const panel = panelFromObservations(coin.framework, coin.observations);
      expect(plan.panel).toEqual(panel);
      expect(plan.observations).toEqual(coin.observations);
      expect(plan.unitNames).toEqual(coin.unitNames);
      expect(plan.unitGroups).toEqual(coin.unitGroups);
      expect(plan.read(table)).toEqual(panel);
      const changed = table.map((row) => (row.uCode === 'A' ? { ...row, x: '9' } : row));
      const again = fromCoinr({ iData: changed, iMeta }, options);
      expect(plan.read(changed)).toEqual(panelFromObservations(again.framework, again.observations));
    }
  });

  it('says which cell is not a number, and refuses a table of another shape', () => {
    const plan = compileCoinr({ iData, iMeta }, options);
    expect(() => plan.read(iData.map((row) => (row.uCode === 'B' ? { ...row, x: 'four' } : row)))).toThrow('iData row 3 (B).x: "four" is not a number');
    expect(() => plan.read(iData.slice(1))).toThrow('compile a new plan');
    expect(() => plan.read(iData.map((row) => (row.uCode === 'A' ? { ...row, uCode: 'Z' } : row)))).toThrow('uCode is "Z" where the plan was compiled for "A"');
  });

  it('takes the fast path on clean tables, and it agrees with fromCoinr and panelFromObservations', () => {
    const fast = compileFast({ iData, iMeta }, options);
    expect(fast).toBeDefined();
    const coin = fromCoinr({ iData, iMeta }, options);
    expect(fast?.panel).toEqual(panelFromObservations(coin.framework, coin.observations));
    expect(fast?.imported.observations).toEqual(coin.observations);
    const { observations: _, ...rest } = coin;
    expect({ ...fast?.imported, observations: undefined }).toEqual({ ...rest, observations: undefined });
  });

  it('reads rows of cells under a header row (papaparse without header: true) as it reads records', () => {
    const columns = ['uCode', 'uName', 'region', 'pop', 'x', 'y'];
    const rows = [columns, ...iData.map((row) => columns.map((c) => row[c as keyof typeof row]))];
    const metaColumns = Object.keys(iMeta[0]);
    const metaRows = [metaColumns, ...iMeta.map((row) => metaColumns.map((c) => row[c as keyof typeof row]))];
    const plan = compileCoinr({ iData: rows, iMeta: metaRows }, options);
    const coin = fromCoinr({ iData, iMeta }, options);
    expect(plan.panel).toEqual(panelFromObservations(coin.framework, coin.observations));
    expect(plan.framework).toEqual(coin.framework);
    expect(plan.read(rows)).toEqual(plan.panel);
    expect(fromCoinr({ iData: rows, iMeta: metaRows }, options).observations).toEqual(coin.observations);
    // A short row lacks its last cells: the report names the row and the column, as for a record without it.
    expect(() => compileCoinr({ iData: rows.map((row, i) => (i === 2 ? row.slice(0, 5) : row)), iMeta: metaRows }, options)).toThrow('iData row 3 (B): no column "y"');
  });

  it('leaves tables with a problem to the slow path, whose report names every problem', () => {
    const bad = iData.map((row) => (row.uCode === 'B' ? { ...row, x: 'four', y: 'many' } : row));
    expect(compileFast({ iData: bad, iMeta }, options)).toBeUndefined();
    // Tables the fast path leaves (a denominator table) give the slow path's observations.
    const denoms = [{ uCode: 'A', pop: '2' }, { uCode: 'B', pop: '1' }, { uCode: 'C', pop: '4' }];
    const withDenoms = { ...options, Denominate: { denoms } };
    expect(compileCoinr({ iData, iMeta }, withDenoms).observations).toEqual(fromCoinr({ iData, iMeta }, withDenoms).observations);
    expect(() => compileCoinr({ iData: bad, iMeta }, options)).toThrow(/2 problems:\n {2}iData row 3 \(B\)\.x: "four" is not a number\n {2}iData row 3 \(B\)\.y: "many"/);
    // A denominator that iMeta does not declare: the framework refuses it, and fromCoinr's report says so.
    const undeclared = iMeta.map((row) => (row.iCode === 'x' ? { ...row, Denominator: 'area' } : row));
    expect(compileFast({ iData, iMeta: undeclared }, options)).toBeUndefined();
    expect(() => compileCoinr({ iData, iMeta: undeclared }, options)).toThrow('options.Denominate: denominator "area" is neither a Denominator row of iMeta nor a column of denoms');
    const twice = [...iData, iData[0]];
    expect(compileFast({ iData: twice, iMeta }, options)).toBeUndefined();
    expect(() => compileCoinr({ iData: twice, iMeta }, options)).toThrow(/duplicate row: A 2024 x already given at iData row 2, column x/);
  });
});

describe.skipIf(!referenceAvailable('coinr-asem'))('compileCoinr on ASEM (../shared/reference/coinr-asem)', () => {
  it("takes the fast path, and gives fromCoinr's framework, document and panel", () => {
    const tables = { iData: readReferenceCsv('coinr-asem', 'ASEM_iData.csv'), iMeta: readReferenceCsv('coinr-asem', 'ASEM_iMeta.csv') };
    const specs = { Denominate: {}, Impute: { f_i: 'i_mean_grp', use_group: 'EurAsia_group' }, Treat: { global_specs: { f1_para: { winmax: 5 } } } } as const;
    const fast = compileFast(tables, specs);
    expect(fast).toBeDefined();
    const coin = fromCoinr(tables, specs);
    expect(fast?.imported.framework).toEqual(coin.framework);
    expect(JSON.stringify(fast?.imported.framework.document)).toBe(JSON.stringify(coin.framework.document));
    expect(fast?.panel).toEqual(panelFromObservations(coin.framework, coin.observations));
    expect(fast?.imported.unitGroups).toEqual(coin.unitGroups);
    expect(fast?.imported.options).toEqual(coin.options);
  });
});

describe('a table of one period', () => {
  it('has that period as its range, as periodRange gives it, for every form of period', () => {
    for (const period of ['2024', '0999', '2024-01', '2024-12', '2024-Q1', '2024-Q4']) {
      expect(periodFrequency(period)).toBeDefined();
      expect(periodRange(period, period)).toEqual([period]);
      const fast = compileFast({ iData: iData.map((row) => (row.uCode ? { ...row, Time: period } : row)), iMeta }, options);
      expect(fast?.panel.periods).toEqual([period]);
    }
  });
});

describe('cellNumber', () => {
  it('reads numbers, missing cells as NaN, and anything else as not a number', () => {
    expect([' 2.5', '0', '-0', '1e3', 7, '0x10'].map(cellNumber)).toEqual([2.5, 0, -0, 1000, 7, 16]);
    for (const missing of ['', '  ', 'NA', ' NA ', null, undefined]) expect(cellNumber(missing)).toBeNaN();
    for (const bad of ['four', 'Infinity', '-Infinity', 'NaN', Number.NaN, Number.POSITIVE_INFINITY, '1,5']) expect(cellNumber(bad)).toBeUndefined();
  });
});

describe('observationsOf', () => {
  it('makes the long form of the rows read once, a missing value as null', () => {
    const imported = Object.defineProperty({}, LONG_FORM, {
      value: { codes: ['x', 'y'], rows: [0, 2], units: ['A', 'B'], rowPeriods: ['2024', '2024'], read: Float64Array.of(1, Number.NaN, 3, 4) },
    });
    const observations = observationsOf(imported);
    expect(observations).toEqual([
      { unit: 'A', period: '2024', code: 'x', value: 1, where: 'iData row 2, column x' },
      { unit: 'A', period: '2024', code: 'y', value: null, where: 'iData row 2, column y' },
      { unit: 'B', period: '2024', code: 'x', value: 3, where: 'iData row 4, column x' },
      { unit: 'B', period: '2024', code: 'y', value: 4, where: 'iData row 4, column y' },
    ]);
    expect(observationsOf(imported)).toBe(observations);
  });
});
