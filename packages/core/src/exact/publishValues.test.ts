import { describe, expect, it } from 'vitest';
import { panelFromObservations, type Observation } from '../data/observations.ts';
import { frameworkFromJson } from '../framework/defineFramework.ts';
import type { NormalisationInput } from '../framework/methods.ts';
import { createPanel } from '../panel/panel.ts';
import { buildIndex, type IndexResult } from '../pipeline/buildIndex.ts';
import { publishedInteger, publishedText } from './boundedFloat.ts';
import { roundHalfUp, toExact } from './decimal.ts';
import { exactAt } from './packedExact.ts';
import { buildExact } from './publish.ts';
import { publishedAt, publishValues, type PublishedValues } from './publishValues.ts';
import { seededObservations } from '../../test/seededPanel.ts';

const name = (en: string) => ({ zh: en, en });

/** What today's full decimal path publishes: every cell of buildExact, rounded half up. */
function decimalTexts(result: IndexResult, decimals = result.framework.decimals): (string | null)[] {
  const exact = buildExact(result);
  return Array.from({ length: exact.values.length }, (_, i) => {
    const x = exactAt(exact.values, i);
    return x === null ? null : roundHalfUp(x, decimals);
  });
}

const texts = (published: PublishedValues) => Array.from({ length: published.scaled.length }, (_, i) => publishedAt(published, i));

/** The float path's values rounded as if they were exact: what publishing without the bound would give. */
const naiveTexts = (result: IndexResult) => Array.from(result.aggregated.values, (x) => (Number.isNaN(x) ? null : roundHalfUp(toExact(x)!, result.framework.decimals)));

type Method = [code: string, direction: 1 | -1, NormalisationInput];

function framework(methods: readonly Method[], options: { decimals?: number; aggregation?: string; windowed?: boolean } = {}) {
  return frameworkFromJson({
    id: 'publish',
    version: '1',
    name: name('Publish'),
    publication: { decimals: options.decimals ?? 2 },
    denominators: [{ code: 'pop', name: name('Population') }],
    nodes: [
      { code: 'index', type: 'aggregate', parent: null, name: name('Index'), aggregation: { method: options.aggregation ?? 'arithmetic' } },
      { code: 'g1', type: 'aggregate', parent: 'index', name: name('G1'), weight: 2, aggregation: { method: options.aggregation ?? 'arithmetic' } },
      { code: 'g2', type: 'aggregate', parent: 'index', name: name('G2'), weight: 0.15 },
      ...methods.map(([code, direction, normalisation], i) => ({
        code,
        type: 'indicator' as const,
        parent: i < methods.length / 2 ? 'g1' : 'g2',
        direction,
        weight: [1, 0.35, 0.1, 2][i % 4],
        name: name(code),
        normalisation,
        ...(i % 2 === 0 ? { denominator: { code: 'pop', scale: 1000 } } : {}),
        ...(options.windowed && i < 2 ? { window: { periods: i === 0 ? 4 : 2, statistic: i === 0 ? 'sum' : 'mean' } } : {}),
      })),
      { code: 'survey', type: 'indicator', parent: 'g2', direction: 1, name: name('Survey'),
        imputation: { method: 'locf', maxAge: 5 }, normalisation: { method: 'goalposts', min: 80, max: 100 } },
    ],
  });
}

/** A seeded panel of counts, populations and a half-yearly survey, with one missing count (on a grid of ties when `grid`). */
const observations = (methods: readonly Method[], grid = false): Observation[] => seededObservations(methods.map(([code]) => code), { units: ['A', 'B', 'C', 'D', 'E', 'F', 'G'], grid });

const perPeriod: Method[] = [
  ['mm', -1, { method: 'minMax', lower: 0, upper: 100 }],
  ['z', 1, { method: 'zScore', mean: 10, sd: 2 }],
  ['gp', -1, { method: 'goalposts', min: 0, max: 40, scale: 100 }],
  ['ref', 1, { method: 'distanceToReference', reference: { unit: 'B' } }],
  ['tgt', -1, { method: 'distanceToTarget', target: 2, cap: true }],
  ['mm2', 1, { method: 'minMax', lower: -5, upper: 5 }],
];

describe('publishedInteger and publishedText', () => {
  it('round half away from zero where the bound allows, and refuse a tie inside the bound', () => {
    expect(publishedInteger(2.344, 1e-12, 2)).toBe(234);
    expect(publishedInteger(-2.346, 1e-12, 2)).toBe(-235);
    expect(publishedInteger(2.345, 1e-12, 2)).toBeNaN();
    expect(publishedInteger(-0.004, 1e-12, 2)).toBe(0);
    expect(Object.is(publishedInteger(-0.004, 1e-12, 2), -0)).toBe(false);
    expect(publishedInteger(1, Number.POSITIVE_INFINITY, 2)).toBeNaN();
    // A bound wider than the distance to the tie leaves the text open.
    expect(publishedInteger(2.3449, 2e-4, 2)).toBeNaN();
    expect(publishedInteger(2.3449, 5e-5, 2)).toBe(234);
  });

  it('write what roundHalfUp writes', () => {
    for (const [k, d] of [[-5, 2], [0, 2], [123450, 2], [7, 0], [-7, 0], [1, 4], [-123456789, 3]] as const) {
      expect(publishedText(k, d)).toBe(roundHalfUp(toExact(k / 10 ** d)!, d));
    }
  });
});

describe('publishValues', () => {
  for (const windowed of [false, true]) {
    it(`publishes every cell byte for byte as the full decimal path (${windowed ? 'with' : 'without'} trailing windows)`, () => {
      const fw = framework(perPeriod, { windowed });
      const result = buildIndex(fw, panelFromObservations(fw, observations(perPeriod)));
      const published = publishValues(result);
      expect(published.codes).toEqual(result.aggregated.codes);
      expect(texts(published)).toEqual(decimalTexts(result));
      expect(published.fallback.whole).toBeNull();
    });
  }

  it('agrees on geometric and harmonic means, and in other decimals', () => {
    // Scores kept above zero: min-max onto 1–100, z-scores around 10, goalposts inside the data's range.
    const positive: Method[] = [['mm', -1, { method: 'minMax', lower: 1, upper: 100 }], ['z', 1, { method: 'zScore', mean: 10, sd: 2 }], ['gp', -1, { method: 'goalposts', min: 0, max: 40 }]];
    for (const aggregation of ['geometric', 'harmonic']) {
      for (const decimals of [0, 1, 3, 6]) {
        const fw = framework(positive, { aggregation, decimals, windowed: true });
        const result = buildIndex(fw, panelFromObservations(fw, observations(positive)));
        expect(texts(publishValues(result)), `${aggregation}, ${decimals} decimals`).toEqual(decimalTexts(result));
      }
    }
  });

  it('settles values on a rounding edge after every step through the decimal path, where naive rounding of the floats goes wrong', () => {
    // Rates, windows, scores and means land on …5 in the last+1 decimal: multiples of 0.005 over populations of 800–2,000.
    const fw = framework(perPeriod, { windowed: true });
    const result = buildIndex(fw, panelFromObservations(fw, observations(perPeriod, true)));
    const published = publishValues(result);
    const truth = decimalTexts(result);
    expect(texts(published)).toEqual(truth);
    expect(published.fallback.cells).toBeGreaterThan(0);
    expect(published.fallback.periods).toBeGreaterThan(0);
    // The case is a real edge: publishing the floats without the bound differs somewhere.
    expect(naiveTexts(result)).not.toEqual(truth);
  });

  it('settles hand-made ties: 12.345 as a rate, a score and a mean', () => {
    const fw = frameworkFromJson({
      id: 'ties',
      version: '1',
      name: name('Ties'),
      publication: { decimals: 2 },
      denominators: [{ code: 'pop', name: name('Population') }],
      nodes: [
        { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
        { code: 'a', type: 'indicator', parent: 'index', direction: 1, name: name('A'), denominator: { code: 'pop', scale: 100 }, normalisation: { method: 'goalposts', min: 0, max: 100 } },
        { code: 'b', type: 'indicator', parent: 'index', direction: 1, name: name('B'), normalisation: { method: 'goalposts', min: 0, max: 100 } },
      ],
    });
    // a: 2469 per 20,000 × 100 = 12.345; b: 1.005 and 12.345 (1.005 is 1.00499… as a double).
    const panel = createPanel({ units: ['X', 'Y'], periods: ['2025-01'], codes: ['a', 'b', 'pop'], values: [2469, 12.345, 20000, 2469, 1.005, 20000] });
    const result = buildIndex(fw, panel);
    const published = publishValues(result);
    expect(texts(published)).toEqual(['12.35', '12.35', '12.35', '12.35', '1.01', '6.68']);
    expect(texts(published)).toEqual(decimalTexts(result));
    expect(published.fallback.cells).toBeGreaterThan(0);
  });

  it('needs its bound: where float error is far above an ulp (cancellation), ties are still found', () => {
    // 100,000 + m·0.005: min-max over a width of 0.2 puts every score on a multiple of 2.5, a tie at 0 decimals,
    // while the doubles carry errors of 1e-11 that the subtraction magnifies 500,000-fold.
    const fw = frameworkFromJson({
      id: 'cancel',
      version: '1',
      name: name('Cancellation'),
      publication: { decimals: 0 },
      nodes: [
        { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
        { code: 'a', type: 'indicator', parent: 'index', direction: 1, name: name('A'), normalisation: { method: 'minMax' } },
        { code: 'b', type: 'indicator', parent: 'index', direction: -1, name: name('B'), normalisation: { method: 'minMax' } },
      ],
    });
    const units = Array.from({ length: 41 }, (_, m) => `U${m}`);
    const values = units.flatMap((_, m) => [100000 + m * 0.005, 100000 + ((m * 7) % 41) * 0.005]);
    const result = buildIndex(fw, createPanel({ units, periods: ['2025-01'], codes: ['a', 'b'], values }));
    const truth = decimalTexts(result);
    expect(texts(publishValues(result))).toEqual(truth);
    expect(naiveTexts(result)).not.toEqual(truth);
  });

  it('agrees when a step pools periods, and when a method has no bound (ranks, Copeland, generalised means)', () => {
    const pooled: Method[] = [
      ['mm', -1, { method: 'minMax', scope: 'panel' }],
      ['base', 1, { method: 'indexToBase', base: { from: '2024-01', to: '2024-03' } }],
      ['gp', -1, { method: 'goalposts', min: 0, max: 40 }],
    ];
    for (const grid of [false, true]) {
      const fw = framework(pooled, { windowed: true });
      const result = buildIndex(fw, panelFromObservations(fw, observations(pooled, grid)));
      expect(texts(publishValues(result))).toEqual(decimalTexts(result));
    }
    const ranked: Method[] = [...perPeriod.slice(0, 3), ['rank', -1, { method: 'rank' }], ['prank', 1, { method: 'percentileRank' }]];
    const fw = framework(ranked);
    const result = buildIndex(fw, panelFromObservations(fw, observations(ranked)));
    const published = publishValues(result);
    expect(published.fallback.whole).toMatch(/rank/);
    expect(texts(published)).toEqual(decimalTexts(result));
    const plain = framework(perPeriod);
    const generalised = frameworkFromJson({ ...plain.document, nodes: plain.document.nodes.map((n) => (n.code === 'g2' ? { ...n, aggregation: { method: 'generalised', power: 2, minAvailability: 0 } } : n)) });
    const again = buildIndex(generalised, panelFromObservations(generalised, observations(perPeriod)));
    const viaDecimal = publishValues(again);
    expect(viaDecimal.fallback.whole).toMatch(/generalised/);
    expect(texts(viaDecimal)).toEqual(decimalTexts(again));
  });

  it('fails as the decimal path does on a value it refuses (a geometric mean of a zero)', () => {
    // Min-max scores reach 0; built with arithmetic means, then published with geometric ones.
    const zeros: Method[] = [['gp', -1, { method: 'goalposts', min: 0, max: 40 }], ['mm', 1, { method: 'minMax' }]];
    const fw = framework(zeros);
    const geometric = framework(zeros, { aggregation: 'geometric' });
    const result = { ...buildIndex(fw, panelFromObservations(fw, observations(zeros))), framework: geometric };
    expect(() => buildExact(result)).toThrow(/positive/);
    expect(() => publishValues(result)).toThrow(/positive/);
  });
});
