import { describe, expect, it } from 'vitest';
import { panelFromObservations } from '../data/observations.ts';
import { defineFramework } from '../framework/defineFramework.ts';
import { buildIndex } from '../pipeline/buildIndex.ts';
import { aggregationSetting, frameworkFor, noisyWeights, normalisationSetting, weightSetsSetting, winsorisationSetting } from './settings.ts';
import { SOBOL_CONFIDENCE } from '../sensitivity/sobolIndices.ts';
import { sensitivityAnalysis, uncertaintyAnalysis } from './uncertaintyAnalysis.ts';

const name = (en: string) => ({ zh: en, en });
const fw = defineFramework({
  id: 'u',
  version: '1',
  name: name('U'),
  nodes: [
    { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
    { code: 'a', type: 'indicator', parent: 'index', direction: 1, name: name('A') },
    { code: 'b', type: 'indicator', parent: 'index', direction: 1, name: name('B') },
  ],
});
// Unit scores after min-max: A (a 100, b 0), B (a 0, b 100), C (a 50, b 50), D (a 100, b 100).
const raw = panelFromObservations(
  fw,
  [
    ['A', 10, 0],
    ['B', 0, 10],
    ['C', 5, 5],
    ['D', 10, 10],
  ].flatMap(([unit, a, b]) => [
    { unit: unit as string, period: '2025', code: 'a', value: a as number },
    { unit: unit as string, period: '2025', code: 'b', value: b as number },
  ]),
);
const nominal = buildIndex(fw, raw);

describe('uncertaintyAnalysis', () => {
  it('ranks only the units named in rankAmong (hand-worked): without D, A and B take ranks 1 and 3, C stays 2nd', () => {
    // Nominal: A, B and C tie at 50 (rank 1 each among the three). a:b = 1:0.001 → A 1st, C 2nd, B 3rd; 0.001:1 swaps A and B.
    const ua = uncertaintyAnalysis(nominal, { n: 100, seed: 4, rankAmong: ['A', 'B', 'C'], settings: [weightSetsSetting([{ a: 1, b: 0.001 }, { a: 0.001, b: 1 }])] });
    const byUnit = Object.fromEntries(ua.units.map((u) => [u.unit, u]));
    expect([byUnit.A.rank.lower, byUnit.A.rank.upper]).toEqual([1, 3]);
    expect([byUnit.C.rank.lower, byUnit.C.rank.median, byUnit.C.rank.upper]).toEqual([2, 2, 2]);
    expect(byUnit.D.rank.nominal).toBeNaN();
    expect(byUnit.D.rank.median).toBeNaN();
    expect(byUnit.D.upper).toBeGreaterThan(99);
    // Each run: A and B move 0 and 2 ranks, C moves 1: a mean shift of 3/3.
    expect(ua.runs.every((r) => r.meanAbsoluteRankShift === 1)).toBe(true);
    expect(() => uncertaintyAnalysis(nominal, { n: 2, rankAmong: ['Z'], settings: [] })).toThrow(/rankAmong names units that are not in the results: Z/);
  });

  it('with a setting that has only the nominal alternative, every band collapses onto the nominal value', () => {
    const ua = uncertaintyAnalysis(nominal, { n: 20, settings: [aggregationSetting([{ method: 'arithmetic' }])] });
    for (const u of ua.units) {
      expect(u.median).toBe(u.nominal);
      expect(u.lower).toBe(u.nominal);
      expect(u.upper).toBe(u.nominal);
      expect(u.rank.meanAbsoluteShift).toBe(0);
    }
    expect(ua.runs.every((r) => r.meanAbsoluteRankShift === 0)).toBe(true);
  });

  it('moves ranks as weights move (hand-worked): all weight on a ranks A above C, all on b ranks B above C', () => {
    // Weights a:b = 1:0.001 → A ≈ 99.9 ranks 2nd (D is 100), C 50 third, B ≈ 0.1 last; 0.001:1 swaps A and B.
    const ua = uncertaintyAnalysis(nominal, {
      n: 200,
      seed: 4,
      settings: [weightSetsSetting([{ a: 1, b: 0.001 }, { a: 0.001, b: 1 }])],
    });
    const byUnit = Object.fromEntries(ua.units.map((u) => [u.unit, u]));
    expect(byUnit.D.rank.median).toBe(1);
    expect(byUnit.C.rank.median).toBe(3);
    expect(byUnit.A.rank.lower).toBe(2);
    expect(byUnit.A.rank.upper).toBe(4);
    // Nominal ranks: D 1, A/B/C tie at 50 → rank 2. Each run moves A and B by one rank and C by one: shift 3/4.
    expect(ua.runs.every((r) => r.meanAbsoluteRankShift === 0.75)).toBe(true);
    expect(uncertaintyAnalysis(nominal, { n: 50, seed: 9, settings: [weightSetsSetting([{ a: 1 }, { a: 2 }])] })).toEqual(
      uncertaintyAnalysis(nominal, { n: 50, seed: 9, settings: [weightSetsSetting([{ a: 1 }, { a: 2 }])] }),
    );
  });

  it('a "framework" normalisation alternative keeps each indicator’s own method', () => {
    const setting = normalisationSetting(['framework', { method: 'rank' }]);
    expect(setting.apply(fw, 0)).toBe(fw);
    expect(setting.apply(fw, 1).byCode.get('a')).toMatchObject({ normalisation: { method: 'rank' } });
  });

  it('noisy weights stay within the noise of the nominal weights', () => {
    const sets = noisyWeights(fw, { noise: 0.25, levels: [1], samples: 50, seed: 2 });
    expect(sets).toHaveLength(50);
    for (const set of sets) for (const w of Object.values(set)) expect(Math.abs(w - 1)).toBeLessThanOrEqual(0.25);
  });
});

describe('sensitivityAnalysis', () => {
  it('gives a setting that changes nothing zero indices, and one that changes the ranks all of the variance', () => {
    const sa = sensitivityAnalysis(nominal, {
      n: 64,
      bootstrap: 10,
      settings: [aggregationSetting([{ method: 'arithmetic' }, { method: 'arithmetic' }], 'inert'), weightSetsSetting([{ a: 1, b: 0.001 }, { a: 1, b: 1 }])],
    });
    expect(sa.runs).toBe(64 * 4);
    // Jansen's total index of an inert setting is exactly 0 (f(A_B) = f(A)); its first-order
    // estimate is 0 up to sampling error, as is the gap of the other setting's indices from 1.
    expect(sa.indices[0].total).toBe(0);
    expect(Math.abs(sa.indices[0].first)).toBeLessThan(0.1);
    expect(Math.abs(sa.indices[1].first - 1)).toBeLessThan(0.1);
    expect(Math.abs(sa.indices[1].total - 1)).toBeLessThan(0.1);
  });

  it("gives SOBOL_CONFIDENCE intervals (COINr's 5–95%) unless asked for another coverage", () => {
    const settings = [weightSetsSetting([{ a: 1, b: 0.001 }, { a: 1, b: 1 }, { a: 0.2, b: 1 }], 'weights'), weightSetsSetting([{ a: 1, b: 1 }, { a: 3, b: 1 }], 'more weights')];
    const run = (confidence?: number) => sensitivityAnalysis(nominal, { n: 32, bootstrap: 40, settings, ...(confidence === undefined ? {} : { confidence }) }).indices;
    expect(SOBOL_CONFIDENCE).toBe(0.9);
    expect(run()).toEqual(run(SOBOL_CONFIDENCE));
    // A wider coverage widens (never narrows) every interval of the same bootstrap draws.
    const wide = run(0.99);
    run().forEach((s, i) => {
      expect(wide[i].totalInterval[0]).toBeLessThanOrEqual(s.totalInterval[0]);
      expect(wide[i].totalInterval[1]).toBeGreaterThanOrEqual(s.totalInterval[1]);
    });
    expect(wide).not.toEqual(run());
  });
});

describe('failed runs and rank statistics', () => {
  // Min-max scores include 0 (A's b, B's a), so every geometric-mean run fails: as in COINr, it is recorded as missing.
  const settings = [aggregationSetting([{ method: 'arithmetic' }, { method: 'geometric' }])];

  it('records a failing run as missing, with its error and count, and carries on', () => {
    const ua = uncertaintyAnalysis(nominal, { n: 40, seed: 3, settings });
    const geometric = ua.runs.filter((r) => r.levels[0] === 1);
    expect(geometric.length).toBeGreaterThan(0);
    expect(geometric.length).toBeLessThan(40);
    expect(ua.failed).toBe(geometric.length);
    for (const run of geometric) {
      expect(run.error).toMatch(/geometric mean .* needs positive values/);
      expect(run.meanAbsoluteRankShift).toBeNaN();
    }
    const d = ua.units.find((u) => u.unit === 'D');
    // D scores 100 on both: rank 1 in every successful run, NaN in the failed ones.
    expect(Array.from(d?.ranks ?? []).filter((r) => r === r)).toEqual(new Array(40 - geometric.length).fill(1));
    expect(d?.rank).toMatchObject({ nominal: 1, mean: 1, median: 1, lower: 1, upper: 1, meanAbsoluteShift: 0 });
  });

  it('gives mean, median and 5–95% rank statistics from every run; C ranks 2 or 3 with B, A tied', () => {
    const ua = uncertaintyAnalysis(nominal, { n: 10, settings: [aggregationSetting([{ method: 'arithmetic' }])] });
    // Arithmetic means: A 50, B 50, C 50, D 100 → A, B, C share rank 2.
    const c = ua.units.find((u) => u.unit === 'C');
    expect(c?.rank).toMatchObject({ nominal: 2, mean: 2, median: 2, lower: 2, upper: 2 });
    const sa = sensitivityAnalysis(nominal, { settings, n: 8, bootstrap: 10 });
    expect(sa.failed).toBeGreaterThan(0);
    expect(sa.missing).toBeGreaterThan(0);
    expect(sa.ranks.find((r) => r.unit === 'D')).toMatchObject({ nominal: 1, mean: 1, median: 1 });
  });
});

describe('frameworkFor and the rebuild option', () => {
  const settings = [
    winsorisationSetting([1, 3]),
    normalisationSetting(['framework', { method: 'zScore', mean: 10, sd: 2 }]),
    weightSetsSetting([{ a: 2, b: 1 }, { a: 1, b: 3 }]),
    aggregationSetting([{ method: 'arithmetic' }, { method: 'geometric' }]),
  ];

  it('revises the framework once for all settings, with the nodes the settings give applied in turn', () => {
    for (const levels of [[0, 0, 0, 0], [1, 1, 1, 1], [0, 1, 0, 1], [1, 0, 1, 0]]) {
      const inTurn = settings.reduce((f, s, i) => s.apply(f, levels[i]), fw);
      expect(frameworkFor(fw, settings, levels).nodes, levels.join()).toEqual(inTurn.nodes);
    }
    // A setting without `revise` (say, one written by hand) makes every setting apply in turn.
    const own = { name: 'own', levels: 1, apply: (f: typeof fw) => settings[2].apply(f, 1) };
    expect(frameworkFor(fw, [settings[0], own], [1, 0]).nodes).toEqual(settings[2].apply(settings[0].apply(fw, 1), 1).nodes);
    expect(() => frameworkFor(fw, [weightSetsSetting([{ nope: 1 }])], [0])).toThrow('weights for unknown nodes: nope');
  });

  it('a rebuild from the raw data gives what rebuilding from the imputed data gives', () => {
    let rebuilds = 0;
    const rebuild = (f: typeof fw) => {
      rebuilds++;
      return buildIndex(f, raw).aggregated;
    };
    const options = { n: 40, seed: 2, settings: settings.slice(2) };
    expect(uncertaintyAnalysis(nominal, { ...options, rebuild })).toEqual(uncertaintyAnalysis(nominal, options));
    expect(rebuilds).toBe(40);
    expect(sensitivityAnalysis(nominal, { ...options, n: 8, bootstrap: 10, rebuild })).toEqual(sensitivityAnalysis(nominal, { ...options, n: 8, bootstrap: 10 }));
    expect(rebuilds).toBe(40 + 8 * 4);
  });
});
