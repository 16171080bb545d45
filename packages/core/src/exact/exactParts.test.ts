import { describe, expect, it } from 'vitest';
import { panelFromObservations, type Observation } from '../data/observations.ts';
import { frameworkFromJson } from '../framework/defineFramework.ts';
import type { NormalisationInput } from '../framework/methods.ts';
import { buildIndex } from '../pipeline/buildIndex.ts';
import type { ExactPanel } from './exactPanel.ts';
import { buildExactPart, splitExact, type ExactPart } from './exactParts.ts';
import { unpackExact } from './packedExact.ts';
import { buildExact } from './publish.ts';
import { seededObservations } from '../../test/seededPanel.ts';

const name = (en: string) => ({ zh: en, en });

/** Per-period methods only, with trailing windows, denominators, weights and an imputed survey. */
const methods: [string, 1 | -1, NormalisationInput][] = [
  ['mm', -1, { method: 'minMax', lower: 0, upper: 100 }],
  ['z', 1, { method: 'zScore', mean: 10, sd: 2 }],
  ['rank', -1, { method: 'rank' }],
  ['gp', -1, { method: 'goalposts', min: 0, max: 40, scale: 100 }],
  ['ref', 1, { method: 'distanceToReference', reference: { unit: 'B' } }],
  ['prank', 1, { method: 'percentileRank' }],
];

function frameworkWith(windowed: boolean, pooled = false) {
  return frameworkFromJson({
    id: 'parts',
    version: '1',
    name: name('Parts'),
    denominators: [{ code: 'pop', name: name('Population') }],
    nodes: [
      { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
      { code: 'g1', type: 'aggregate', parent: 'index', name: name('G1'), weight: 2 },
      { code: 'g2', type: 'aggregate', parent: 'index', name: name('G2') },
      ...methods.map(([code, direction, normalisation], i) => ({
        code,
        type: 'indicator' as const,
        parent: i < 3 ? 'g1' : 'g2',
        direction,
        weight: 1 + (i % 3),
        name: name(code),
        normalisation: pooled && code === 'mm' ? { method: 'minMax', scope: 'panel' } : normalisation,
        ...(i % 2 === 0 ? { denominator: { code: 'pop', scale: 1000 } } : {}),
        ...(windowed && i < 2 ? { window: { periods: i === 0 ? 4 : 2, statistic: i === 0 ? 'sum' : 'mean' } } : {}),
      })),
      { code: 'survey', type: 'indicator', parent: 'g2', direction: 1, name: name('Survey'),
        imputation: { method: 'locf', maxAge: 5 }, normalisation: { method: 'goalposts', min: 80, max: 100 } },
    ],
  });
}

const observations = (): Observation[] => seededObservations(methods.map(([code]) => code), { units: ['A', 'B', 'C', 'D', 'E', 'F'] });

const text = (panel: ExactPanel) => unpackExact(panel.values).map((v) => (v === null ? null : v.toString()));

/** A stand-in for a worker: the part crosses a structured clone each way, as through postMessage. */
const throughClone = async (part: ExactPart) => structuredClone(buildExactPart(structuredClone(part)));

describe('buildExact in parts', () => {
  for (const windowed of [false, true]) {
    it(`gives buildExact's panel digit for digit, in any number of parts (${windowed ? 'with' : 'without'} trailing windows)`, async () => {
      const fw = frameworkWith(windowed);
      const result = buildIndex(fw, panelFromObservations(fw, observations()));
      const whole = buildExact(result);
      for (const parts of [2, 3, 5, 12, 40]) {
        const joined = await buildExact(result, { parts, run: throughClone });
        expect(joined.periods).toEqual(whole.periods);
        expect(joined.codes).toEqual(whole.codes);
        expect(text(joined), `${parts} parts`).toEqual(text(whole));
        expect(Array.from(joined.flags)).toEqual(Array.from(whole.flags));
      }
    });
  }

  it('gives each block the earlier periods its longest window reads, and no more', () => {
    const fw = frameworkWith(true);
    const parts = splitExact(buildIndex(fw, panelFromObservations(fw, observations())), 3) as ExactPart[];
    // 12 months in blocks of 4; the 4-month window needs the 3 months before a block.
    expect(parts.map((p) => [p.raw.periods[0], p.raw.periods.at(-1), p.context])).toEqual([
      ['2024-01', '2024-04', 0],
      ['2024-02', '2024-08', 3],
      ['2024-06', '2024-12', 3],
    ]);
    expect(parts.every((p) => p.treated.periods.join() === p.raw.periods.join())).toBe(true);
  });

  it('runs whole, never calling runPart, when a step pools the periods', async () => {
    const fw = frameworkWith(false, true);
    const result = buildIndex(fw, panelFromObservations(fw, observations()));
    expect(splitExact(result, 4)).toBeNull();
    let calls = 0;
    const joined = await buildExact(result, {
      parts: 4,
      run: async (part) => {
        calls++;
        return buildExactPart(part);
      },
    });
    expect(calls).toBe(0);
    expect(text(joined)).toEqual(text(buildExact(result)));
  });

  it('rejects with the error of a part that fails, and refuses a part count that is not a positive integer', async () => {
    const fw = frameworkWith(false);
    const result = buildIndex(fw, panelFromObservations(fw, observations()));
    await expect(buildExact(result, { parts: 3, run: () => Promise.reject(new Error('worker crashed')) })).rejects.toThrow('worker crashed');
    expect(() => splitExact(result, 0)).toThrow('parts must be a positive integer');
  });
});
