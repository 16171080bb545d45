/**
 * The fast path of `latticeIntervals` (issue 9's benchmark): every published
 * endpoint of the default method against the full exact computation
 * (`exact: true`) on the whole SYNTHETIC sample history (6 regions × 71
 * months with an index × 19 columns; the level and the month-on-month and
 * year-on-year changes).
 *
 * The bound: each endpoint within 2% of the exact interval's width. Why 2%:
 * the fast path takes a figure only where its lattice is washed out by the
 * normal part (aliasing ~e^−2π²) or is finer than 0.1 sd (the discrete
 * quantile then lies within half a step, 0.05 sd = 1.5% of a 90% width, of
 * the continuous one); the exact computation itself bins a figure's atoms
 * onto 256 points over its range (up to about range / 510 ≈ 1% of the width
 * each way); and the releases round to two decimals, which for most figures
 * is 1–3% of the width. A difference below 2% of the width is below what
 * the exact computation and the publication already allow themselves.
 * Figures of zero width (no noise) must agree to 1e-9.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, cellNoise, latticeIntervals } from '../../src/index.ts';
import { samplePanel, xiangtanFramework } from './sampleData.ts';

const BOUND = 0.02;

describe('latticeIntervals: the fast path against the exact computation (SYNTHETIC sample, whole history)', () => {
  const fw = xiangtanFramework();
  const result = buildIndex(fw, samplePanel(fw));
  const noise = cellNoise(result.raw, fw);
  const exact = latticeIntervals(result, { exact: true }, noise);
  const fast = latticeIntervals(result, {}, noise);

  it(`every endpoint within ${BOUND * 100}% of the exact interval's width`, () => {
    expect(exact.smooth).toBe(0);
    expect(fast.fallbacks).toBe(exact.fallbacks);
    const K = exact.codes.length;
    const U = exact.units.length;
    let figures = 0;
    let identical = 0;
    let worst = 0;
    let worstAt = '';
    const beyond: string[] = [];
    const sets = [
      ['level', exact.lower, exact.upper, fast.lower, fast.upper],
      ['month-on-month', exact.changeLower[1], exact.changeUpper[1], fast.changeLower[1], fast.changeUpper[1]],
      ['year-on-year', exact.changeLower[12], exact.changeUpper[12], fast.changeLower[12], fast.changeUpper[12]],
    ] as const;
    for (const [name, el, eu, fl, fu] of sets) {
      for (let j = 0; j < el.length; j++) {
        if (Number.isNaN(el[j])) {
          expect(Number.isNaN(fl[j]), `${name} ${j}: missing in one only`).toBe(true);
          continue;
        }
        figures++;
        const width = eu[j] - el[j];
        const gap = Math.max(Math.abs(fl[j] - el[j]), Math.abs(fu[j] - eu[j]));
        if (gap === 0) identical++;
        const where = `${name} ${exact.periods[Math.floor(j / (U * K))]} ${exact.units[Math.floor(j / K) % U]} ${exact.codes[j % K]}`;
        if (!(width > 1e-9)) {
          if (!(gap <= 1e-9)) beyond.push(`${where}: zero width, gap ${gap}`);
          continue;
        }
        const relative = gap / width;
        if (relative > worst) {
          worst = relative;
          worstAt = `${where}: exact ${el[j]} … ${eu[j]}, fast ${fl[j]} … ${fu[j]}`;
        }
        if (!(relative <= BOUND)) beyond.push(`${where}: ${(100 * relative).toFixed(2)}%`);
      }
    }
    console.log(
      `fast path vs exact, ${figures} figures: ${fast.smooth} by Cornish–Fisher, ${identical} identical; largest difference ${(100 * worst).toFixed(2)}% of the width (${worstAt})`,
    );
    expect(beyond).toEqual([]);
    expect(fast.smooth).toBeGreaterThan(figures / 2);
  });
});
