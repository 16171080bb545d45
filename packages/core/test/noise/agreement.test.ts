/**
 * Must show (issue 9): the analytic and bootstrap 90% intervals agree within
 * 10% of their width on the SYNTHETIC sample data.
 *
 * The analytic intervals here are `latticeIntervals`: rare counts are
 * lattice distributed (a 12-month rate's month-on-month change is
 * b (x(m) − x(m − 12)) with means of 0.01–1 a month in a small district),
 * and a percentile of a lattice distribution differs from ±1.645 σ by up to
 * a third whatever σ is, so the normal intervals (`analyticUncertainty`,
 * still what the releases publish) cannot agree with the percentile
 * bootstrap there; `latticeIntervals` computes the distribution itself.
 *
 * What is compared, for every region (the city and its 5 divisions), every
 * node (14 indicator scores, 4 groups, the index), the level and the
 * month-on-month and year-on-year changes, in 6 representative months
 * (2024-06 and 2024-12, survey months; 2025-01, -04, -07 and -10; each
 * bootstrap month costs 2,500 rebuilds of 24 months, so not all 71):
 *
 * - raw gap: the larger of |Δ lower| and |Δ upper| over the wider width;
 * - gap beyond Monte Carlo error: a percentile of B replicates lies, but for
 *   3 in 1,000, between the true quantiles at p ± 3 √(p (1 − p) / B)
 *   (p = 0.05 and 0.95; ± 0.013 at B = 2,500), so each bootstrap end is
 *   measured from the analytic band between those quantiles (a lattice's
 *   quantile jumps a whole step when its distribution function sits within
 *   Monte Carlo error of 5%: the raw gap then says nothing about the method).
 *   For a smooth distribution the band is ± 0.07 σ, 2% of the width.
 * - A figure whose intervals are both narrower than 0.01 (one unit of the
 *   published second decimal) and whose ends differ by less than 0.01 is a
 *   point in the release and agrees (a district with no homicide in a year
 *   whose month-on-month interval is 0.0003 wide).
 */
import { describe, expect, it } from 'vitest';
import { bootstrapUncertainty, buildIndex, latticeIntervals, percentileBootstrapInterval, type LatticeIntervals } from '../../src/index.ts';
import { samplePanel, xiangtanFramework } from './sampleData.ts';

describe('analytic (lattice) and bootstrap intervals on the sample data', () => {
  const fw = xiangtanFramework();
  const result = buildIndex(fw, samplePanel(fw));
  const months = ['2024-06', '2024-12', '2025-01', '2025-04', '2025-07', '2025-10'];
  const draws = 2500;
  const delta = 3 * Math.sqrt((0.05 * 0.95) / draws);
  const analytic = latticeIntervals(result, { periods: months });
  // The same intervals at 5% ± delta: the band a bootstrap percentile lies in but for Monte Carlo error.
  const wide = latticeIntervals(result, { periods: months, level: 0.9 + 2 * delta });
  const narrow = latticeIntervals(result, { periods: months, level: 0.9 - 2 * delta });
  const boot = bootstrapUncertainty(result, { draws, seed: 9, periods: months });
  const out = result.aggregated;
  const U = out.units.length;
  const K = out.codes.length;
  const statistics = ['level', 1, 12] as const;
  const ends = (x: LatticeIntervals, what: 'level' | 1 | 12, at: number) =>
    what === 'level' ? [x.lower[at], x.upper[at]] : [x.changeLower[what][at], x.changeUpper[what][at]];

  /** The worst raw gap and gap beyond Monte Carlo error (shares of the width) over the months, for a unit, column and statistic. */
  const gaps = (u: number, k: number, what: 'level' | 1 | 12): { raw: number; beyond: number; where: string } => {
    let raw = 0;
    let beyond = 0;
    let where = '';
    months.forEach((month, e) => {
      const at = (e * U + u) * K + k;
      const replicates = what === 'level' ? boot.samples : boot.changeSamples[what];
      const b = percentileBootstrapInterval(replicates.subarray(at * draws, (at + 1) * draws), 0.9);
      const [lo, hi] = ends(analytic, what, at);
      if (lo !== lo && b.lower !== b.lower) return; // missing in both
      const [wlo, whi] = ends(wide, what, at);
      const [nlo, nhi] = ends(narrow, what, at);
      const width = Math.max(hi - lo, b.upper - b.lower);
      const shift = Math.max(Math.abs(b.lower - lo), Math.abs(b.upper - hi));
      if (width < 0.01 && shift < 0.01) return; // a point at the published precision
      const outside = (x: number, a: number, c: number) => (x < a ? a - x : x > c ? x - c : 0);
      const r = shift / width;
      const m = Math.max(outside(b.lower, wlo, nlo), outside(b.upper, nhi, whi)) / width;
      if (r > raw) raw = r;
      if (m > beyond) {
        beyond = m;
        const f = (x: number) => x.toFixed(3);
        where = `${month}: bootstrap ${f(b.lower)} … ${f(b.upper)}, analytic ${f(lo)} … ${f(hi)}, Monte Carlo bands ${f(wlo)} … ${f(nlo)} and ${f(nhi)} … ${f(whi)}`;
      }
    });
    return { raw, beyond, where };
  };

  const table = out.units.map((unit, u) => {
    const worst = statistics.map((what) => {
      let raw = 0;
      let beyond = 0;
      let rawIndex = 0;
      for (let k = 0; k < K; k++) {
        const g = gaps(u, k, what);
        raw = Math.max(raw, g.raw);
        beyond = Math.max(beyond, g.beyond);
        if (out.codes[k] === fw.root) rawIndex = g.raw;
      }
      return { raw, beyond, rawIndex };
    });
    return { unit, worst };
  });
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
  console.log(
    `analytic (latticeIntervals) vs bootstrap (${draws} draws, seed 9), 90% intervals, ${months.join(', ')}; worst over all ${K} nodes ` +
      `(raw gap / beyond Monte Carlo error ±${delta.toFixed(3)} in probability), and the index's raw gap; level | month-on-month | year-on-year:\n` +
      table.map((row) => `${row.unit}: ${row.worst.map((w) => `${pct(w.raw)} / ${pct(w.beyond)} (index ${pct(w.rawIndex)})`).join(' | ')}`).join('\n'),
  );

  it('agree within 10% of the width beyond Monte Carlo error for every region, node, level and change', () => {
    for (let u = 0; u < U; u++) {
      for (let k = 0; k < K; k++) {
        for (const what of statistics) {
          const g = gaps(u, k, what);
          expect(g.beyond, `${out.units[u]} ${out.codes[k]} ${what} (${g.where})`).toBeLessThanOrEqual(0.1);
        }
      }
    }
  });

  it("agree within 10% raw for the index's level and changes in every region", () => {
    const k = out.codes.indexOf(fw.root);
    for (let u = 0; u < U; u++) for (const what of statistics) expect(gaps(u, k, what).raw, `${out.units[u]} index ${what}`).toBeLessThanOrEqual(0.1);
  });

  it('is deterministic for a seed', () => {
    const again = bootstrapUncertainty(result, { draws: 50, seed: 9, periods: ['2025-10'] });
    const same = bootstrapUncertainty(result, { draws: 50, seed: 9, periods: ['2025-10'] });
    const other = bootstrapUncertainty(result, { draws: 50, seed: 10, periods: ['2025-10'] });
    expect(again.samples).toEqual(same.samples);
    expect(again.samples).not.toEqual(other.samples);
  });
});
