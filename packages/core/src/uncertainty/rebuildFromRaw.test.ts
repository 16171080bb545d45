import { describe, expect, it } from 'vitest';
import { readReferenceCsv, referenceAvailable } from '../../test/reference.ts';
import { fromCoinr } from '../coinr/fromCoinr.ts';
import { panelFromObservations } from '../data/observations.ts';
import { defineFramework, type Framework } from '../framework/defineFramework.ts';
import { Flag } from '../panel/flags.ts';
import type { Panel } from '../panel/panel.ts';
import { buildIndex } from '../pipeline/buildIndex.ts';
import { rebuildFromRaw } from './rebuildFromRaw.ts';
import { aggregationSetting, frameworkFor, noisyWeights, normalisationSetting, weightSetsSetting, winsorisationSetting } from './settings.ts';
import { sensitivityAnalysis, uncertaintyAnalysis } from './uncertaintyAnalysis.ts';

const ASEM = 'coinr-asem';
const available = referenceAvailable(ASEM);

/** Byte-for-byte equality of two panels (values as IEEE bits, so NaN, −0 and the last ulp all count). */
function expectIdentical(actual: Panel, expected: Panel): void {
  expect(actual.codes).toEqual(expected.codes);
  expect(actual.units).toEqual(expected.units);
  expect(actual.periods).toEqual(expected.periods);
  expect(Buffer.from(actual.values.buffer, actual.values.byteOffset, actual.values.byteLength).equals(Buffer.from(expected.values.buffer, expected.values.byteOffset, expected.values.byteLength))).toBe(true);
  expect([...actual.flags]).toEqual([...expected.flags]);
}

/** The panel a rebuild gives, or the message of the error it raises (a geometric mean over a score ≤ 0, say). */
function outcome(run: () => Panel): Panel | string {
  try {
    return run();
  } catch (error) {
    return (error as Error).message;
  }
}

/** Both rebuilds give identical panels or the same error; true when they gave panels. */
function expectSameOutcome(actual: () => Panel, expected: () => Panel): boolean {
  const [a, b] = [outcome(actual), outcome(expected)];
  if (typeof a === 'string' || typeof b === 'string') {
    expect(a).toEqual(b);
    return false;
  }
  expectIdentical(a, b);
  return true;
}

function loadAsem() {
  const imported = fromCoinr(
    { iData: readReferenceCsv(ASEM, 'ASEM_iData.csv'), iMeta: readReferenceCsv(ASEM, 'ASEM_iMeta.csv') },
    { Denominate: {}, Impute: { f_i: 'i_mean_grp', use_group: 'EurAsia_group' }, Treat: { global_specs: { f1_para: { winmax: 5 } } } },
  );
  return { framework: imported.framework, raw: panelFromObservations(imported.framework, imported.observations), options: imported.options };
}

describe.skipIf(!available)('rebuildFromRaw on ASEM (../shared/reference/coinr-asem)', () => {
  it('gives buildIndex’s aggregated panel byte for byte for every winmax (0: the log fallback), normalisation, aggregation and a weight set, in any order', () => {
    const { framework, raw, options } = loadAsem();
    const settings = [
      winsorisationSetting([0, 1, 2, 3, 4, 5, 6]),
      normalisationSetting(['framework', { method: 'minMax', lower: 1, upper: 100 }, { method: 'zScore', mean: 10, sd: 2 }, { method: 'rank' }]),
      weightSetsSetting(noisyWeights(framework, { noise: 0.25, levels: [2, 3], samples: 2, seed: 3 })),
      aggregationSetting([{ method: 'arithmetic' }, { method: 'geometric' }]),
    ];
    const rebuild = rebuildFromRaw(framework, raw, options);
    const combinations: number[][] = [];
    for (let w = 0; w < 7; w++) for (let n = 0; n < 4; n++) combinations.push([w, n, (w + n) % 2, n === 2 ? 1 : 0]);
    // Forwards, then backwards: a replication leaves nothing behind in the reused buffers.
    let panels = 0;
    for (const levels of [...combinations, ...[...combinations].reverse()]) {
      const fw = frameworkFor(framework, settings, levels);
      if (expectSameOutcome(() => rebuild(fw), () => buildIndex(fw, raw, options).aggregated)) panels++;
    }
    // A few runs (a geometric mean over z-scores ≤ 0) raise the same error both ways; the rest are compared.
    expect(panels).toBeGreaterThan(40);
  });

  it('treats columns by winsorising (several points) and by the log, so the comparison above covers both', () => {
    const { framework, raw, options } = loadAsem();
    const treated = buildIndex(framework, raw, options).treatment;
    expect(treated.some((t) => t.method === 'winsorised' && t.winsorisedHigh + t.winsorisedLow > 1)).toBe(true);
    const zero = buildIndex(frameworkFor(framework, [winsorisationSetting([0])], [0]), raw, options).treatment;
    expect(zero.some((t) => t.method === 'log')).toBe(true);
    expect(buildIndex(framework, raw, options).imputation.length).toBeGreaterThan(0);
  });

  it('gives the same uncertainty and sensitivity analyses as rebuilding with buildIndex', () => {
    const { framework, raw, options } = loadAsem();
    const nominal = buildIndex(framework, raw, options);
    const settings = [
      winsorisationSetting([1, 2, 3, 4, 5]),
      normalisationSetting([{ method: 'minMax', lower: 1, upper: 100 }, { method: 'zScore', mean: 10, sd: 2 }]),
      weightSetsSetting(noisyWeights(framework, { noise: 0.25, levels: [2, 3], samples: 10, seed: 1 })),
      aggregationSetting([{ method: 'arithmetic' }, { method: 'geometric' }]),
    ];
    const staged = (fw: Framework) => buildIndex(fw, raw, options).aggregated;
    const fast = rebuildFromRaw(framework, raw, options);
    expect(uncertaintyAnalysis(nominal, { n: 30, seed: 2, settings, rebuild: fast })).toEqual(uncertaintyAnalysis(nominal, { n: 30, seed: 2, settings, rebuild: staged }));
    expect(sensitivityAnalysis(nominal, { n: 8, bootstrap: 20, seed: 2, settings, rebuild: fast })).toEqual(
      sensitivityAnalysis(nominal, { n: 8, bootstrap: 20, seed: 2, settings, rebuild: staged }),
    );
  });
});

describe('rebuildFromRaw, hand-made edge cases', () => {
  const name = (en: string) => ({ zh: en, en });
  const fw = defineFramework({
    id: 'r',
    version: '1',
    name: name('R'),
    nodes: [
      { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
      { code: 'a', type: 'indicator', parent: 'index', direction: 1, name: name('A'), imputation: { method: 'groupMean', grouping: 'g' }, treatment: { method: 'winsorise', winmax: 3 } },
      { code: 'b', type: 'indicator', parent: 'index', direction: -1, name: name('B'), denominator: { code: 'pop', scale: 10 }, imputation: { method: 'locf', maxAge: 1 } },
      { code: 'c', type: 'indicator', parent: 'index', direction: 1, name: name('C'), imputation: { method: 'interpolate' }, treatment: { method: 'winsorise', winmax: 1, fallback: 'none' } },
    ],
    denominators: [{ code: 'pop', name: name('Population') }],
  });
  const units = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
  const periods = ['2023', '2024', '2025'];
  const table: Record<string, (number | null)[]> = {
    // a: one period all missing; group x missing entirely in 2024 (its gap stays); an outlier to winsorise.
    a: [1, 2, 3, 4, 5, 90, null, null, 3, 4, null, 8, null, null, null, null, null, null],
    b: [5, null, 7, 8, 9, 10, null, 3, 2, null, 1, 0, 4, 4, null, 5, 6, 7],
    pop: [1, 2, 3, null, 5, 6, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2],
    c: [1, 1, 1, 1, 1, 100, null, 2, null, 3, 4, 5, 7, 3, 5, 1000, 2, 6],
  };
  const observations = periods.flatMap((period, p) =>
    units.flatMap((unit, u) => Object.entries(table).flatMap(([code, values]) => (values[p * 6 + u] === null ? [] : [{ unit, period, code, value: values[p * 6 + u] as number }]))),
  );
  const raw = panelFromObservations(fw, observations);
  const options = { unitGroups: { g: { u1: 'x', u2: 'x', u3: 'y', u4: 'y', u5: 'z', u6: 'z' } } };

  it('equals buildIndex with group means, carried values, interpolation and both treatments, all-missing runs included', () => {
    const rebuild = rebuildFromRaw(fw, raw, options);
    const built = buildIndex(fw, raw, options);
    expect(built.imputation.map((c) => c.method)).toEqual(expect.arrayContaining(['groupMean', 'locf', 'interpolate']));
    expectIdentical(rebuild(fw), built.aggregated);
    // Goalposts that cap some scores (flagged capped) and goalposts that do not, between the scores of min-max.
    const settings = [
      winsorisationSetting([0, 1, 2, 5]),
      aggregationSetting([{ method: 'arithmetic' }, { method: 'harmonic' }]),
      normalisationSetting(['framework', { method: 'goalposts', min: 0.5, max: 6 }, { method: 'goalposts', min: 0.5, max: 6, cap: false }]),
    ];
    let panels = 0;
    let capped = 0;
    for (let w = 0; w < 4; w++) {
      for (let a = 0; a < 2; a++) {
        for (const n of [0, 1, 0, 2, 1]) {
          const revised = frameworkFor(fw, settings, [w, a, n]);
          if (!expectSameOutcome(() => rebuild(revised), () => buildIndex(revised, raw, options).aggregated)) continue;
          panels++;
          capped += buildIndex(revised, raw, options).normalised.flags.filter((f) => (f & Flag.Capped) !== 0).length;
        }
      }
    }
    expect(panels).toBeGreaterThanOrEqual(20);
    expect(capped).toBeGreaterThan(0);
  });

  it('raises buildIndex’s errors: a grouping not given, a denominator ≤ 0 where the value is present', () => {
    expect(() => rebuildFromRaw(fw, raw, {})(fw)).toThrow(/unit grouping "g" was not given/);
    const zero = panelFromObservations(fw, [...observations.filter((o) => !(o.code === 'pop' && o.unit === 'u1' && o.period === '2023')), { unit: 'u1', period: '2023', code: 'pop', value: 0 }]);
    expect(() => rebuildFromRaw(fw, zero, options)(fw)).toThrow(/denominator "pop" is 0/);
  });
});
