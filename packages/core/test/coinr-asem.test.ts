import { describe, expect, it } from 'vitest';
import { fromCoinr } from '../src/coinr/fromCoinr.ts';
import { panelFromObservations } from '../src/data/observations.ts';
import { aggregateExact } from '../src/exact/aggregateExact.ts';
import { normaliseExact } from '../src/exact/normaliseExact.ts';
import { toExactPanel } from '../src/exact/exactPanel.ts';
import { unpackExact } from '../src/exact/packedExact.ts';
import { getValue } from '../src/panel/panel.ts';
import { buildIndex } from '../src/pipeline/buildIndex.ts';
import { effectiveWeights, optimiseWeights } from '../src/weights/index.ts';
import { readReferenceCsv, referenceAvailable } from './reference.ts';

const ASEM = 'coinr-asem';
const available = referenceAvailable(ASEM);

function loadAsem(metaFile = 'ASEM_iMeta.csv') {
  const imported = fromCoinr({ iData: readReferenceCsv(ASEM, 'ASEM_iData.csv'), iMeta: readReferenceCsv(ASEM, metaFile) });
  const raw = panelFromObservations(imported.framework, imported.observations);
  return { ...imported, raw };
}

describe.skipIf(!available)('COINr conformance on ASEM (../shared/reference/coinr-asem)', () => {
  it('reads iData/iMeta: 51 units, 49 indicators, 8 pillars, 2 sub-indices, 1 index, 4 denominators, 4 groupings', () => {
    const { framework, raw, unitGroups } = loadAsem();
    expect(raw.units).toHaveLength(51);
    expect(framework.indicators).toHaveLength(49);
    expect(framework.aggregates).toHaveLength(11);
    expect(framework.levels).toBe(4);
    expect(framework.denominators.map((d) => d.code)).toEqual(['Area', 'Energy', 'GDP', 'Population']);
    expect(Object.keys(unitGroups)).toEqual(['GDP_group', 'GDPpc_group', 'Pop_group', 'EurAsia_group']);
    expect(unitGroups.EurAsia_group.AUT).toBe('Europe');
  });

  it('min-max 0–100 and the arithmetic mean reproduce asem_minmax_amean.csv for all 51 units at every level within 1e-9', () => {
    const { framework, raw } = loadAsem();
    const result = buildIndex(framework, raw);
    const reference = readReferenceCsv(ASEM, 'asem_minmax_amean.csv');
    expect(reference).toHaveLength(51);
    const codes = [...framework.indicators, ...framework.aggregates];
    expect(codes).toHaveLength(60);
    let compared = 0;
    let missing = 0;
    for (const row of reference) {
      for (const code of codes) {
        const expected = row[code];
        const actual = getValue(result.aggregated, row.uCode, '2018', code);
        if (expected === '') {
          expect(actual, `${row.uCode} ${code}`).toBeNaN();
          missing++;
        } else {
          expect(Math.abs(actual - Number(expected)), `${row.uCode} ${code}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9);
          compared++;
        }
      }
    }
    expect(compared + missing).toBe(51 * 60);
    expect(compared).toBeGreaterThan(2900);
  });

  it('the exact decimal path agrees with the float path within 1e-9 on every cell', () => {
    const { framework, raw } = loadAsem();
    const result = buildIndex(framework, raw);
    const exact = aggregateExact(normaliseExact(toExactPanel(result.treated), framework), framework);
    unpackExact(exact.values).forEach((value, i) => {
      const float = result.aggregated.values[i];
      if (value === null) expect(float).toBeNaN();
      else expect(Math.abs(value.toNumber() - float)).toBeLessThanOrEqual(1e-9);
    });
  });

  it('reproduces COINr’s effective weights (asem_effective_weights.csv)', () => {
    const { framework } = loadAsem();
    const weights = effectiveWeights(framework);
    const reference = readReferenceCsv(ASEM, 'asem_effective_weights.csv');
    expect(reference.length).toBe(60);
    for (const row of reference) {
      expect(Math.abs(weights[row.iCode] - Number(row.EffWeight)), row.iCode).toBeLessThanOrEqual(1e-12);
    }
  });

  it('optimiseWeights with search "coinr" reproduces COINr get_opt_weights at levels 2 and 3 of build_example_coin()', () => {
    const coin = fromCoinr({ iData: readReferenceCsv(ASEM, 'ASEM_iData.csv'), iMeta: readReferenceCsv(ASEM, 'ASEM_iMeta.csv') }, {
      Denominate: {},
      Impute: { f_i: 'i_mean_grp', use_group: 'EurAsia_group' },
      Screen: { dat_thresh: 0.9, unit_screen: 'byNA' },
      Treat: { global_specs: { f1_para: { winmax: 5 } } },
      Normalise: { global_specs: { f_n: 'n_minmax', f_n_para: { l_u: [0, 100] } } },
      Aggregate: { f_ag: 'a_amean' },
    });
    const result = buildIndex(coin.framework, panelFromObservations(coin.framework, coin.observations), coin.options);
    // COINr 1.1.14 on R 4.2.2: coin <- build_example_coin(); get_opt_weights(coin, itarg = "equal", dset = "Aggregated", Level = L)
    // Level 2: every pillar 0.1234567901234568 but Environ 0.13580246913580249, 9 evaluations, objective -5.3461021147251326.
    // Level 3: Conn 0.39024390243902435, Sust 0.60975609756097571, 15 evaluations, objective -13.304324713627325.
    const level2 = optimiseWeights({ framework: coin.framework, scores: result.normalised, level: 2, search: 'coinr' });
    for (const [code, w] of Object.entries(level2.weights)) expect(Math.abs(w - (code === 'Environ' ? 0.13580246913580249 : 0.1234567901234568)), code).toBeLessThan(1e-12);
    expect(level2.iterations).toBe(9);
    expect(Math.abs(level2.objective - -5.3461021147251326)).toBeLessThan(1e-9);
    const level3 = optimiseWeights({ framework: coin.framework, scores: result.normalised, level: 3, search: 'coinr' });
    expect(Math.abs(level3.weights.Conn - 0.39024390243902435)).toBeLessThan(1e-12);
    expect(Math.abs(level3.weights.Sust - 0.60975609756097571)).toBeLessThan(1e-12);
    expect(level3.iterations).toBe(15);
    expect(Math.abs(level3.objective - -13.304324713627325)).toBeLessThan(1e-9);
    // The default search goes on to balance the two sub-indices' correlations with the index.
    const bounded = optimiseWeights({ framework: coin.framework, scores: result.normalised, level: 3 });
    expect(bounded.converged).toBe(true);
    for (const share of bounded.shares) expect(Math.abs(share - 0.5)).toBeLessThan(1e-6);
  });
});
