/**
 * The default method of `latticeIntervals` (issue 9's benchmark: the
 * Cornish–Fisher fast path and the lead method) against the full exact
 * computation (`exact: true`) at a fine resolution (4,096 grid points instead
 * of 256) on the whole SYNTHETIC sample history (6 regions × 71 months with an
 * index × 19 columns; the level and the month-on-month and year-on-year
 * changes).
 *
 * The bound: each endpoint within 2% of the reference interval's width. Why
 * 2%: the fast path takes a figure only where its lattice is washed out by
 * the normal part (aliasing ~e^−2π²) or is finer than 0.1 sd (the discrete
 * quantile then lies within half a step, 0.05 sd = 1.5% of a 90% width, of
 * the continuous one); the lead method reads a smooth rest by its Edgeworth
 * expansion; and the releases round to two decimals, which for most figures
 * is 1–3% of the width. An interval narrower than 0.25 may differ by up to
 * 0.005 (2% of it is less): half a unit of the second decimal the releases
 * round to, so a published endpoint moves by one unit of it at most. Such are
 * a small district's month-on-month change of a rare count far below its cap
 * (some thousandths wide, its atoms 1/256 of its sd apart by default).
 * Figures of zero width in both (no noise, or a spread below 1e-9 that a
 * grid point holds) must agree to the same 0.005.
 *
 * Why a fine reference: `exact: true` at the default 256 points bins a
 * figure's atoms over its whole range, too coarsely where one rare count
 * spreads the range and finer counts carry the rest (a small district's
 * group); there it is itself off the fine reference by up to about 11% of the
 * width, which the test prints, while the default is within 2%.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, cellNoise, createPanel, defineFramework, latticeIntervals, periodRange, type LatticeIntervals } from '../../src/index.ts';
import { samplePanel, xiangtanFramework } from './sampleData.ts';

const BOUND = 0.02;

/** A hand-built framework's Poisson count under the index: a 12-month sum scored on goalposts 0 … max. */
function windowedCount(code: string, max: number, cap: boolean) {
  return {
    code,
    type: 'indicator',
    parent: 'index',
    direction: -1,
    name: { zh: code, en: code },
    window: { periods: 12, statistic: 'sum' },
    noise: { model: 'poisson', dispersion: 1 },
    normalisation: { method: 'goalposts', min: 0, max, cap },
  } as const;
}
/** Half a unit of the second decimal the Xiangtan releases round to. */
const ABSOLUTE = 0.005;

/**
 * Every endpoint of `fast` against `exact` (the level and both changes): how many figures, how
 * many identical, the largest difference as a share of the exact width (and where), and the
 * figures beyond BOUND and beyond ABSOLUTE.
 */
function compare(exact: LatticeIntervals, fast: LatticeIntervals) {
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
      if (!(width > 1e-9) && !(fu[j] - fl[j] > 1e-9)) {
        if (!(gap <= ABSOLUTE)) beyond.push(`${where}: zero width, gap ${gap}`);
        continue;
      }
      const relative = width > 1e-9 ? gap / width : Number.POSITIVE_INFINITY;
      if (relative > worst && gap > ABSOLUTE) {
        worst = relative;
        worstAt = `${where}: exact ${el[j]} … ${eu[j]}, fast ${fl[j]} … ${fu[j]}`;
      }
      if (!(relative <= BOUND) && !(gap <= ABSOLUTE)) beyond.push(`${where}: ${(100 * relative).toFixed(2)}% (${gap})`);
    }
  }
  return { figures, identical, worst, worstAt, beyond };
}

describe('latticeIntervals: the fast path against the exact computation (SYNTHETIC sample, whole history)', () => {
  const fw = xiangtanFramework();
  const result = buildIndex(fw, samplePanel(fw));
  const noise = cellNoise(result.raw, fw);
  const exact = latticeIntervals(result, { exact: true, resolution: 4096 }, noise);
  const coarse = latticeIntervals(result, { exact: true }, noise);
  const fast = latticeIntervals(result, {}, noise);

  it(`every endpoint within ${BOUND * 100}% of the exact interval's width`, () => {
    expect(exact.smooth).toBe(0);
    expect(exact.leads).toBe(0);
    expect(fast.fallbacks).toBe(exact.fallbacks);
    const { figures, identical, worst, worstAt, beyond } = compare(exact, fast);
    console.log(
      `default vs exact (4,096 points), ${figures} figures: ${fast.smooth} by Cornish–Fisher, ${fast.leads} by their lead components, ${identical} identical; ` +
        `largest difference ${(100 * worst).toFixed(2)}% of the width (${worstAt})`,
    );
    const beside = compare(exact, coarse);
    console.log(`beside it, exact at the default 256 points vs 4,096: largest difference ${(100 * beside.worst).toFixed(2)}% of the width (${beside.worstAt}), ${beside.beyond.length} beyond ${BOUND * 100}%`);
    expect(beyond).toEqual([]);
    expect(fast.smooth).toBeGreaterThan(figures / 2);
    expect(fast.smooth + fast.leads).toBeGreaterThan(0.99 * figures);
  });
});

/**
 * A figure the sample history never has (0 of its figures): the index's month-on-month change
 * where one count is pooled into the normal part (the fifth discrete component, beyond
 * MAX_DISCRETE = 4) while its 11 shared months, not a lattice (mean 55 ≥ latticeBelow 30), enter
 * the change because the index's weights differ between the two months, and the figure is not
 * smooth, so the fast path computes it exactly with that count pooled. Its shared months' variance
 * belongs to the normal part there as in `smooth` and in `exact: true` (the fast path once left it
 * out: the changes of 2023-11 and 2023-12 were 6.2% and 6.4% of the width off).
 */
describe('latticeIntervals: the fast path where a pooled count has window groups that are no lattice (hand-built)', () => {
  const count = (code: string, max: number) => windowedCount(code, max, false);
  const fw = defineFramework({
    id: 'pooled',
    version: '1',
    name: { zh: '合并', en: 'Pooled' },
    nodes: [
      { code: 'index', type: 'aggregate', parent: null, name: { zh: '指数', en: 'Index' }, aggregation: { method: 'arithmetic' } },
      // Rare counts (one event in 10 months), one event 5 points of their score: the four kept lattices, step 1 in the index's change.
      ...['x1', 'x2', 'x3', 'x4'].map((code) => count(code, 20)),
      // 5 events a month, one event 0.83 points: its own months (mean 5) are a lattice, too small to keep; its shared months (mean 55) are not.
      count('y', 120),
      // No noise, weight 10, missing in 2023-11: the others' weights are 1/15 in 2023-12 and 1/5 in 2023-11.
      { code: 'z', type: 'indicator', parent: 'index', direction: -1, weight: 10, name: { zh: 'z', en: 'z' }, noise: { model: 'none' }, normalisation: { method: 'goalposts', min: 0, max: 100, cap: false } } as const,
    ],
  });
  const periods = periodRange('2021-01', '2023-12');
  const missing = periods.indexOf('2023-11');
  const values: number[] = [];
  periods.forEach((_, p) => {
    const rare = (offset: number) => ((p + offset) % 10 === 0 ? 1 : 0);
    values.push(rare(0), rare(1), rare(2), rare(3), 5, p === missing ? Number.NaN : 50);
  });
  const result = buildIndex(fw, createPanel({ units: ['A'], periods, codes: ['x1', 'x2', 'x3', 'x4', 'y', 'z'], values }));
  const noise = cellNoise(result.raw, fw);

  it(`the index's change of 2023-12 is not smooth, and every endpoint is within ${BOUND * 100}% of the exact interval's width`, () => {
    const change = { periods: ['2023-12'], codes: ['index'], lags: [1] };
    expect(latticeIntervals(result, change, noise).smooth, "the index's level is smooth, its change is not").toBe(1);
    const exact = latticeIntervals(result, { exact: true, resolution: 4096 }, noise);
    const fast = latticeIntervals(result, {}, noise);
    const { figures, worst, worstAt, beyond } = compare(exact, fast);
    console.log(`hand-built pooled count, ${figures} figures: ${fast.smooth} by Cornish–Fisher; largest difference ${(100 * worst).toFixed(2)}% of the width (${worstAt})`);
    expect(beyond).toEqual([]);
  });
});

/**
 * The lead method where a capped rare count spreads a figure's range (hand-built, as Shaoshan's
 * fire group in the sample): r has one event in 20 months, each 20 of its 100 points (goalposts
 * 0–5 events in its 12-month window, capped at 0), while f1 and f2 (4–6 events a month) move
 * theirs by 0.33 and 0.30 points an event (goalposts 0–300 and 0–339). On 256 points over the
 * index change's range (the rare count's capped steps) the fine counts' lattices blur, so
 * `exact: true` at the default resolution is several per cent of the width off the fine reference, while the default, which builds the rare count
 * alone and takes f1 and f2 by their cumulants, is within the bound.
 */
describe('latticeIntervals: the lead method where a capped rare count spreads the range (hand-built)', () => {
  const count = (code: string, max: number) => windowedCount(code, max, true);
  const fw = defineFramework({
    id: 'lead',
    version: '1',
    name: { zh: '主要分量', en: 'Lead' },
    nodes: [
      { code: 'index', type: 'aggregate', parent: null, name: { zh: '指数', en: 'Index' }, aggregation: { method: 'arithmetic' } },
      count('r', 5),
      count('f1', 300),
      count('f2', 339),
    ],
  });
  const periods = periodRange('2021-01', '2023-12');
  const values: number[] = [];
  periods.forEach((_, p) => values.push(p % 20 === 0 ? 1 : 0, 4 + (p % 3), 4 + ((p + 1) % 3)));
  const result = buildIndex(fw, createPanel({ units: ['A'], periods, codes: ['r', 'f1', 'f2'], values }));
  const noise = cellNoise(result.raw, fw);

  it(`every endpoint within ${BOUND * 100}% of the fine reference's width, where exact: true at 256 points is not`, () => {
    const exact = latticeIntervals(result, { exact: true, resolution: 4096 }, noise);
    const fast = latticeIntervals(result, {}, noise);
    const coarse = latticeIntervals(result, { exact: true }, noise);
    const { figures, worst, worstAt, beyond } = compare(exact, fast);
    const beside = compare(exact, coarse);
    console.log(
      `hand-built capped rare count, ${figures} figures: ${fast.smooth} by Cornish–Fisher, ${fast.leads} by their lead components; largest difference ${(100 * worst).toFixed(2)}% of the width (${worstAt}); ` +
        `exact at 256 points: ${(100 * beside.worst).toFixed(2)}% (${beside.worstAt})`,
    );
    expect(fast.leads).toBeGreaterThan(0);
    expect(beyond).toEqual([]);
    expect(beside.beyond.length, 'the coarse exact computation is off here (why the reference is fine)').toBeGreaterThan(0);
  });

  it('refuses a resolution below 8 points or not an integer', () => {
    expect(() => latticeIntervals(result, { resolution: 4 }, noise)).toThrow(/resolution must be an integer of at least 8, not 4/);
    expect(() => latticeIntervals(result, { resolution: 100.5 }, noise)).toThrow(/not 100.5/);
  });
});
