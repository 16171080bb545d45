import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { panelFromObservations, type Observation } from '../data/observations.ts';
import { unpackExact } from '../exact/packedExact.ts';
import { buildExact } from '../exact/publish.ts';
import { frameworkFromJson } from '../framework/defineFramework.ts';
import type { NormalisationInput } from '../framework/methods.ts';
import { Flag, hasFlag } from '../panel/flags.ts';
import { getFlags, getValue, selectColumns } from '../panel/panel.ts';
import { denominate } from '../denominate/index.ts';
import { provenance } from '../provenance/provenance.ts';
import { periodRange } from '../panel/period.ts';
import { buildIndex } from './buildIndex.ts';

const name = (en: string) => ({ zh: en, en });

/**
 * One indicator per normalisation method, under groups with every mean; the
 * geometric and harmonic groups get the methods whose scores are positive.
 */
const methods: [string, 1 | -1, NormalisationInput, string][] = [
  ['mmPanel', 1, { method: 'minMax', lower: 1, upper: 11, scope: 'panel' }, 'g1'],
  ['z', 1, { method: 'zScore', mean: 10, sd: 2 }, 'g1'],
  ['rank', -1, { method: 'rank' }, 'g2'],
  ['base', 1, { method: 'indexToBase', base: { from: '2024-01', to: '2024-03' } }, 'g2'],
  ['mm', -1, { method: 'minMax', lower: 0, upper: 100, scope: 'panel' }, 'g3'],
  ['gp', -1, { method: 'goalposts', min: 0, max: 40, scale: 100 }, 'g3'],
  ['ref', 1, { method: 'distanceToReference', reference: { unit: 'B' } }, 'g3'],
  ['refValue', -1, { method: 'distanceToReference', reference: { value: 30 }, cap: true }, 'g3'],
  ['target', 1, { method: 'distanceToTarget', target: 35 }, 'g3'],
  ['targetLow', -1, { method: 'distanceToTarget', target: 5 }, 'g3'],
  ['prank', 1, { method: 'percentileRank' }, 'g3'],
];

const framework = frameworkFromJson({
  id: 'all-methods',
  version: '1',
  name: name('All methods'),
  denominators: [{ code: 'pop', name: name('Population') }],
  nodes: [
    { code: 'index', type: 'aggregate', parent: null, name: name('Index'), aggregation: { method: 'arithmetic' } },
    { code: 'g1', type: 'aggregate', parent: 'index', name: name('G1'), weight: 2, aggregation: { method: 'geometric' } },
    { code: 'g2', type: 'aggregate', parent: 'index', name: name('G2'), aggregation: { method: 'harmonic' } },
    { code: 'g3', type: 'aggregate', parent: 'index', name: name('G3'), aggregation: { method: 'generalised', power: 2 } },
    ...methods.map(([code, direction, normalisation, parent], i) => ({
      code,
      type: 'indicator' as const,
      parent,
      direction,
      weight: 1 + (i % 4),
      name: name(code),
      normalisation,
      ...(i % 2 === 0 ? { denominator: { code: 'pop', scale: 1000 } } : {}),
      ...(code === 'mm' || code === 'gp' ? { window: { periods: 3, statistic: code === 'mm' ? 'sum' : 'mean' } } : {}),
    })),
    { code: 'survey', type: 'indicator', parent: 'g3', direction: 1, name: name('Survey'),
      imputation: { method: 'locf', maxAge: 5 }, normalisation: { method: 'goalposts', min: 80, max: 100 } },
  ],
});

function observations(seed: number): Observation[] {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const out: Observation[] = [];
  for (const period of periodRange('2024-01', '2024-12')) {
    for (const unit of ['A', 'B', 'C', 'D', 'E']) {
      for (const [code] of methods) out.push({ unit, period, code, value: Math.round(5 + 30 * random()) });
      out.push({ unit, period, code: 'pop', value: 900 + Math.round(200 * random()) });
      out.push({ unit, period, code: 'survey', value: period.endsWith('-06') || period.endsWith('-12') ? 90 + Math.round(900 * random()) / 100 : null });
    }
  }
  return out;
}

describe('buildIndex', () => {
  it('keeps every stage, and its exact path agrees with the float path within 1e-9 for every method and mean', () => {
    const raw = panelFromObservations(framework, observations(7));
    const result = buildIndex(framework, raw);
    expect(result.aggregated.codes).toEqual([...framework.indicators, 'g1', 'g2', 'g3', 'index']);
    expect(result.normalised.codes).toEqual(framework.indicators);
    const exact = buildExact(result);
    let compared = 0;
    unpackExact(exact.values).forEach((value, i) => {
      const float = result.aggregated.values[i];
      if (value === null) expect(float, `cell ${i}`).toBeNaN();
      else {
        expect(Math.abs(value.toNumber() - float), `cell ${i} (${exact.codes[i % exact.codes.length]})`).toBeLessThanOrEqual(1e-9);
        compared++;
      }
    });
    expect(compared).toBeGreaterThan(800);
    expect(Array.from(exact.flags)).toEqual(Array.from(result.aggregated.flags));
  });

  it('carries the flag of an imputed survey value up to the index, and no further than where it was used', () => {
    const result = buildIndex(framework, panelFromObservations(framework, observations(3)));
    expect(hasFlag(getFlags(result.aggregated, 'A', '2024-07', 'survey'), Flag.Imputed)).toBe(true);
    expect(hasFlag(getFlags(result.aggregated, 'A', '2024-07', 'g3'), Flag.Imputed)).toBe(true);
    expect(hasFlag(getFlags(result.aggregated, 'A', '2024-07', 'index'), Flag.Imputed)).toBe(true);
    expect(hasFlag(getFlags(result.aggregated, 'A', '2024-06', 'index'), Flag.Imputed)).toBe(false);
    expect(hasFlag(getFlags(result.aggregated, 'A', '2024-07', 'g1'), Flag.Imputed)).toBe(false);
    expect(hasFlag(getFlags(result.aggregated, 'A', '2024-07', 'g2'), Flag.Imputed)).toBe(false);
    // Before the first survey there is nothing to carry: the survey is missing and g3 uses its other children.
    expect(getValue(result.aggregated, 'A', '2024-03', 'survey')).toBeNaN();
    expect(getValue(result.aggregated, 'A', '2024-03', 'g3')).not.toBeNaN();
  });

  it('never changes its input, and the same input gives the same output and provenance', () => {
    const raw = panelFromObservations(framework, observations(11));
    const before = Float64Array.from(raw.values);
    const first = buildIndex(framework, raw);
    const second = buildIndex(framework, panelFromObservations(framework, observations(11)));
    expect(Array.from(raw.values)).toEqual(Array.from(before));
    expect(Array.from(second.aggregated.values)).toEqual(Array.from(first.aggregated.values));
    expect(second.provenance).toEqual(first.provenance);
  });

  it('makes its lazy stages when first read, from what it keeps, on either path, and copies with them', () => {
    const raw = panelFromObservations(framework, observations(13));
    const staged = buildIndex(framework, raw);
    // Denominate, normalise within each period and aggregate only: the fused pass.
    const fusable = frameworkFromJson({
      ...framework.document,
      nodes: [
        { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
        { code: 'z', type: 'indicator', parent: 'index', direction: 1, name: name('z'), normalisation: { method: 'zScore', mean: 10, sd: 2 }, denominator: { code: 'pop' } },
        { code: 'gp', type: 'indicator', parent: 'index', direction: -1, name: name('gp'), normalisation: { method: 'goalposts', min: 0, max: 40, scale: 100 } },
      ],
    });
    const fused = buildIndex(fusable, raw);
    for (const [result, fw] of [[staged, framework], [fused, fusable]] as const) {
      expect(result.normalised).toEqual(selectColumns(result.aggregated, fw.indicators));
      expect(result.normalised).toBe(result.normalised);
      expect(result.provenance).toEqual(provenance(fw, raw, {}));
      expect(result.denominated).toEqual(denominate(raw, fw));
      // A copy reads the stages through the getters: the same stages, and nothing else.
      const copy = { ...result };
      expect(Object.keys(copy)).toEqual(Object.keys(result));
      expect(copy.normalised).toBe(result.normalised);
      expect(copy.provenance).toBe(result.provenance);
    }
    expect(fused.treated).toBe(fused.denominated);
  });

  it('reordering the observations changes nothing', () => {
    const rows = observations(5);
    const base = buildIndex(framework, panelFromObservations(framework, rows, { units: ['A', 'B', 'C', 'D', 'E'] }));
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: rows.length, maxLength: rows.length }), (keys) => {
        const shuffled = rows.map((row, i) => ({ row, key: keys[i] })).sort((a, b) => a.key - b.key).map(({ row }) => row);
        const again = buildIndex(framework, panelFromObservations(framework, shuffled, { units: ['A', 'B', 'C', 'D', 'E'] }));
        expect(Array.from(again.aggregated.values)).toEqual(Array.from(base.aggregated.values));
      }),
      { numRuns: Number(process.env.PINGAN_FUZZ_RUNS ?? 20) },
    );
  });
});

describe('rebuildIndex', () => {
  it('gives what a full build with the revised framework gives', async () => {
    const { rebuildIndex } = await import('./rebuildIndex.ts');
    const { reviseNodes } = await import('../framework/defineFramework.ts');
    const raw = panelFromObservations(framework, observations(13));
    const nominal = buildIndex(framework, raw);
    const tuned = reviseNodes(framework, (node) => (node.code === 'g2' ? { weight: 5 } : node.code === 'z' ? { weight: 0.1 } : undefined));
    expect(Array.from(rebuildIndex(nominal, tuned).values)).toEqual(Array.from(buildIndex(tuned, raw).aggregated.values));
    expect(Array.from(rebuildIndex(nominal, tuned).values)).not.toEqual(Array.from(nominal.aggregated.values));
  });

  it('reuses the nominal scores when only weights or means change, and computes them again otherwise', async () => {
    const { rebuildIndex } = await import('./rebuildIndex.ts');
    const { reviseNodes } = await import('../framework/defineFramework.ts');
    const raw = panelFromObservations(framework, observations(13));
    const nominal = buildIndex(framework, raw);
    let reads = 0;
    // The nominal stages, with a count of the reads of the imputed data (the start of a full rebuild).
    const counted = { framework: nominal.framework, normalised: nominal.normalised, screening: nominal.screening, get imputed() {
      reads++;
      return nominal.imputed;
    } };
    const weights = reviseNodes(framework, (node) => (node.code === 'g2' ? { weight: 5 } : undefined));
    expect(Array.from(rebuildIndex(counted, weights).values)).toEqual(Array.from(buildIndex(weights, raw).aggregated.values));
    expect(reads).toBe(0);
    const zScores = reviseNodes(framework, (node) => (node.code === 'mm' ? { normalisation: { method: 'zScore', mean: 0, sd: 1, scope: 'period' } } : undefined));
    expect(Array.from(rebuildIndex(counted, zScores).values)).toEqual(Array.from(buildIndex(zScores, raw).aggregated.values));
    expect(reads).toBe(1);
    // Units screened out: the nominal scores are not those of the imputed data, so they are not reused.
    const screened = Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(counted), screening: { value: [{ unit: 'A', availability: 0 }] } }) as typeof counted;
    rebuildIndex(screened, weights);
    expect(reads).toBe(2);
    // Without the nominal scores, it rebuilds from the imputed data.
    expect(rebuildIndex({ imputed: nominal.imputed }, weights).values).toEqual(buildIndex(weights, raw).aggregated.values);
  });
});
