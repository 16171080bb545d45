import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineFramework } from '../framework/defineFramework.ts';
import { createPanel } from '../panel/panel.ts';
import { aggregateExact } from './aggregateExact.ts';
import { decomposeChange } from './contributions.ts';
import { Exact } from './decimal.ts';
import { toExactPanel } from './exactPanel.ts';

const name = (en: string) => ({ zh: en, en });

function twoLevel(method: 'arithmetic' | 'geometric' | 'harmonic' | 'generalised' = 'arithmetic') {
  return defineFramework({
    id: 't',
    version: '1',
    name: name('T'),
    defaults: { aggregation: method === 'generalised' ? { method, power: 2 } : { method } },
    nodes: [
      { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
      { code: 'g1', type: 'aggregate', parent: 'index', name: name('G1'), weight: 3 },
      { code: 'g2', type: 'aggregate', parent: 'index', name: name('G2'), weight: 1 },
      { code: 'a', type: 'indicator', parent: 'g1', direction: 1, name: name('A') },
      { code: 'b', type: 'indicator', parent: 'g1', direction: 1, name: name('B') },
      { code: 'c', type: 'indicator', parent: 'g2', direction: 1, name: name('C') },
    ],
  });
}

/** Exact scores for unit X in two months, aggregated. */
function scores(fw: ReturnType<typeof twoLevel>, jan: number[], feb: number[]) {
  const panel = createPanel({ units: ['X'], periods: ['2025-01', '2025-02'], codes: ['a', 'b', 'c'], values: [...jan, ...feb] });
  return aggregateExact(toExactPanel(panel), fw);
}

describe('decomposeChange', () => {
  it('splits an arithmetic index’s change by effective weight × change (hand-worked)', () => {
    // g1 = (a + b)/2, g2 = c, index = (3·g1 + g2)/4; effective weights a 3/8, b 3/8, c 1/4.
    // Jan: a 60, b 80, c 40 → g1 70, index 62.5. Feb: a 70, b 76, c 48 → g1 73, index 66.75.
    // Contributions: a 3/8·10 = 3.75, b 3/8·(−4) = −1.5, c 1/4·8 = 2; sum 4.25 = 66.75 − 62.5.
    const fw = twoLevel();
    const d = decomposeChange(fw, scores(fw, [60, 80, 40], [70, 76, 48]), 'X', '2025-01', '2025-02');
    expect(d?.change.toString()).toBe('4.25');
    const at18 = (x: Exact | undefined) => x?.toDecimalPlaces(18).toString();
    expect(at18(d?.contributions.a)).toBe('3.75');
    expect(at18(d?.contributions.b)).toBe('-1.5');
    expect(at18(d?.contributions.c)).toBe('2');
    expect(at18(d?.throughNode.g1)).toBe('2.25');
    expect(at18(d?.throughNode.g2)).toBe('2');
    // They add up to the change exactly.
    expect(d!.contributions.a.plus(d!.contributions.b).plus(d!.contributions.c).eq(d!.change)).toBe(true);
  });

  it('uses the log-mean Divisia split for a geometric mean (hand-worked)', () => {
    // Single level: index = (a·b·c)^(1/3) with g1 = (a·b)^(1/2)... use a flat check instead:
    // the contribution of a child is ΔG · (ŵ Δln c) / Δln G.
    const fw = twoLevel('geometric');
    const exact = scores(fw, [50, 50, 50], [100, 50, 50]);
    const d = decomposeChange(fw, exact, 'X', '2025-01', '2025-02');
    // g1 = sqrt(100·50) = 70.71…, index = g1^(3/4)·50^(1/4); all of the change comes from a.
    expect(d?.contributions.b.isZero()).toBe(true);
    expect(d?.contributions.c.isZero()).toBe(true);
    expect(d?.contributions.a.minus(d.change).abs().lt(1e-25)).toBe(true);
  });

  it('returns null when the index is missing in either period', () => {
    const fw = twoLevel();
    expect(decomposeChange(fw, scores(fw, [Number.NaN, Number.NaN, Number.NaN], [1, 2, 3]), 'X', '2025-01', '2025-02')).toBeNull();
  });

  it('the contributions always add up to the change, for every mean and with missing children', () => {
    const value = fc.oneof(fc.double({ min: 1, max: 100, noNaN: true }), fc.constant(Number.NaN));
    fc.assert(
      fc.property(
        fc.constantFrom('arithmetic', 'geometric', 'harmonic', 'generalised') as fc.Arbitrary<'arithmetic' | 'geometric' | 'harmonic' | 'generalised'>,
        fc.array(value, { minLength: 3, maxLength: 3 }),
        fc.array(value, { minLength: 3, maxLength: 3 }),
        (method, jan, feb) => {
          const fw = twoLevel(method);
          const d = decomposeChange(fw, scores(fw, jan, feb), 'X', '2025-01', '2025-02');
          if (d === null) return;
          const sum = Object.values(d.contributions).reduce((a, b) => a.plus(b), new Exact(0));
          expect(sum.minus(d.change).abs().lte(new Exact(10).pow(-20).times(d.change.abs().plus(1)))).toBe(true);
          // With the arithmetic mean every contribution stays on the scale of the scores (no
          // cancelling giants). A log-scale split over children that all change place can be large.
          if (method === 'arithmetic') for (const c of Object.values(d.contributions)) expect(c.abs().lte(400)).toBe(true);
        },
      ),
      { numRuns: Number(process.env.PINGAN_FUZZ_RUNS ?? 500) },
    );
  });
});

describe('decomposeChange with children that appear and vanish', () => {
  it('keeps contributions on the scale of the scores (hand-worked)', () => {
    // Jan: only b (g1 = 100) and no c (g2 missing): index = g1 = 100.
    // Feb: only a (g1 = 100) and c = 1: index = (3·100 + 1)/4 = 75.25; change −24.75.
    // g1's own change is 0 (a replaces b, +100 and −100); the −25 that g1 passes on because
    // g2 appeared is spread over a and b by weight (−12.5 each); c brings 1/4.
    const fw = twoLevel();
    const d = decomposeChange(fw, scores(fw, [Number.NaN, 100, Number.NaN], [100, Number.NaN, 1]), 'X', '2025-01', '2025-02');
    expect(d?.change.toString()).toBe('-24.75');
    expect(d?.contributions.a.toString()).toBe('87.5');
    expect(d?.contributions.b.toString()).toBe('-112.5');
    expect(d?.contributions.c.toString()).toBe('0.25');
  });
});

describe('decomposeChange outside the panel', () => {
  it('returns null for a period the panel does not have', () => {
    const fw = twoLevel();
    expect(decomposeChange(fw, scores(fw, [1, 2, 3], [4, 5, 6]), 'X', '2024-02', '2025-02')).toBeNull();
  });
});
