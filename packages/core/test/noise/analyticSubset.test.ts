/**
 * `analyticUncertainty`'s `codes` and `periods` options on the SYNTHETIC
 * sample history: every cell asked for is the full computation's number, bit
 * for bit (the release asks only for the index's standard error of its month,
 * which its rank intervals read), and every other cell is NaN.
 */
import { describe, expect, it } from 'vitest';
import { analyticUncertainty, buildIndex, cellNoise, type AnalyticUncertainty } from '../../src/index.ts';
import { samplePanel, xiangtanFramework } from './sampleData.ts';

describe('analyticUncertainty on a subset of columns and periods (SYNTHETIC sample history)', () => {
  const fw = xiangtanFramework();
  const result = buildIndex(fw, samplePanel(fw));
  const noise = cellNoise(result.raw, fw);
  const full = analyticUncertainty(result, [1, 12], noise);
  const out = result.aggregated;
  const U = out.units.length;
  const K = out.codes.length;

  /** Compares every cell: asked-for cells equal the full run's bit for bit (NaN included), others NaN; returns how many asked-for cells hold a number. */
  const compare = (part: AnalyticUncertainty, codes: readonly string[], periods: readonly string[], lags: readonly number[]): number => {
    const columns = new Set(codes.map((c) => out.codes.indexOf(c)));
    const months = new Set(periods.map((p) => out.periods.indexOf(p)));
    const arrays: [Float64Array, Float64Array][] = [
      [part.se, full.se],
      [part.linearSe, full.linearSe],
      [part.linearValue, full.linearValue],
      ...lags.map((lag): [Float64Array, Float64Array] => [part.changeSe[lag], full.changeSe[lag]]),
    ];
    let numbers = 0;
    for (let p = 0; p < out.periods.length; p++) {
      for (let u = 0; u < U; u++) {
        for (let k = 0; k < K; k++) {
          const i = (p * U + u) * K + k;
          const asked = months.has(p) && columns.has(k);
          for (const [a, b] of arrays) {
            if (asked) {
              expect(Object.is(a[i], b[i]), `${out.codes[k]} ${out.periods[p]} ${out.units[u]}: ${a[i]} vs ${b[i]}`).toBe(true);
              if (a[i] === a[i]) numbers++;
            } else expect(a[i]).toBeNaN();
          }
        }
      }
    }
    return numbers;
  };

  it("the index's standard error of every month, no change (what the rank intervals read)", () => {
    const part = analyticUncertainty(result, [], noise, { codes: [fw.root] });
    expect(compare(part, [fw.root], out.periods, [])).toBeGreaterThan(3 * 6 * 60);
    expect(Object.keys(part.changeSe)).toEqual([]);
  });

  it('one month, the index only', () => {
    const part = analyticUncertainty(result, [], noise, { codes: [fw.root], periods: ['2025-10'] });
    expect(compare(part, [fw.root], ['2025-10'], [])).toBe(3 * 6);
  });

  it('an indicator and an aggregate, two months, both changes', () => {
    const aggregate = fw.aggregates.find((a) => a !== fw.root)!;
    const codes = [fw.indicators[0], fw.indicators[fw.indicators.length - 1], aggregate];
    const periods = ['2024-01', '2025-10'];
    const part = analyticUncertainty(result, [1, 12], noise, { codes, periods });
    expect(compare(part, codes, periods, [1, 12])).toBeGreaterThan(2 * 6 * 3 * 4);
  });

  it('every column and period asked for by name: the full computation', () => {
    const part = analyticUncertainty(result, [1, 12], noise, { codes: out.codes, periods: out.periods });
    compare(part, out.codes, out.periods, [1, 12]);
  });

  it('names what it does not know', () => {
    expect(() => analyticUncertainty(result, [], noise, { codes: ['nope'], periods: ['1999-01'] })).toThrow('no column "nope", no period "1999-01" in the build');
  });
});
