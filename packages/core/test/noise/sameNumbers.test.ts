/**
 * The analytic noise functions' outputs on the SYNTHETIC sample history,
 * fixed bit for bit: their speed-ups (running sums, values computed once
 * and reused, joint values binned as they are enumerated) must give the same
 * numbers, since the releases publish them. Every output array of
 * `analyticUncertainty`, `latticeIntervals` (every month, lags 1 and 12) and
 * `controlCharts` is hashed (SHA-256 of the Float64Array / Uint8Array bytes)
 * and compared with the hash of the code before the speed-ups. The lattice
 * intervals also depend on `mixtureQuantile`'s convention. A change that is meant to move
 * the numbers updates the hash here, and says why in its commit.
 *
 * The running sums of the charts' dispersion bound are checked separately
 * against `countDispersionBound`, which walks its window every month.
 */
import { createHash } from 'node:crypto';
import { randomLcg, randomPoisson } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { addPair, analyticUncertainty, buildIndex, cellNoise, controlCharts, countDispersionBound, createPanel, dispersionBoundFromPairs, latticeIntervals } from '../../src/index.ts';
import { samplePanel, xiangtanFramework } from './sampleData.ts';

const sha256 = (arrays: readonly ArrayBufferView[]) => {
  const hash = createHash('sha256');
  for (const a of arrays) hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return hash.digest('hex');
};

describe('analytic noise outputs on the SYNTHETIC sample history, bit for bit', () => {
  const fw = xiangtanFramework();
  const result = buildIndex(fw, samplePanel(fw));
  const noise = cellNoise(result.raw, fw);

  it('analyticUncertainty: every standard error, linear value and change (lags 1 and 12)', () => {
    const a = analyticUncertainty(result, [1, 12], noise);
    expect(sha256([a.se, a.linearSe, a.linearValue, a.changeSe[1], a.changeSe[12]])).toBe('0165509d58c3ed4f8b1eec3220c9790af83118da5fa5135160da50ad87391455');
  });

  // Regenerated deliberately (uncertainty model 3): the default now takes smooth figures by
  // Cornish–Fisher (fastPath.test.ts bounds the difference), and mixtureQuantile's bracketed
  // search moves the exact ones by at most 2e-9 of their width; a component the fast path finds
  // pooled (below 1% of the variance) joins the normal part by its cumulants, unbuilt.
  // Regenerated again (uncertainty model 4): a capped score is enumerated only where its groups'
  // own supports reach a cap, so 182 fewer fall back to a censored normal (230 → 48); a figure the
  // fast path cannot take builds only its lead components, the rest by its Edgeworth expansion;
  // an enumeration's interior rows are binned once, onto a grid of 1/256 of its sd; mixtureQuantile
  // counts atoms beyond 6 sd (was 8.3) wholly, to 1e-8 of the spread (was 1e-10).
  // Regenerated again (session 19's speed-up of the nationwide panel): where a window's months share
  // one coefficient, its groups' coefficients are that one exactly and their variances n times one
  // term, where the walk's means and sums of n equal terms could be a rounding off (54 of the
  // 46,248 endpoints move, by at most 1.4e-14; no release changes).
  // Regenerated again (session 26's speed-up of the capped enumerations): a change whose shared months
  // enter both scores alike is binned by blocks (where neither score is capped, one value per pair of
  // the months' own counts, its probability summed over the shared months at once), not row by row,
  // and an enumeration's cumulants are found once per figure-month and scaled for each column. The
  // sums are grouped differently, so an atom on the boundary of two bins can fall in the other: 3,450
  // of the 46,248 endpoints move, 135 of them by more than 1e-7 of their width, the most by 1.4e-5 of
  // it (2.5e-5); with exact: true, 3,220, at most 1.4e-5 of the width; no release changes.
  it('latticeIntervals: every value and change of every month (lags 1 and 12), its fast-path figures and its fallbacks', () => {
    const l = latticeIntervals(result, {}, noise);
    expect(l.fallbacks).toBe(48);
    expect(l.smooth).toBe(13672);
    expect(l.leads).toBe(9452);
    expect(sha256([l.lower, l.upper, l.changeLower[1], l.changeUpper[1], l.changeLower[12], l.changeUpper[12]])).toBe('9a939522cd94559af4c15439e26465c0d4bbe6a37d816697d7514d789763a65c');
  });

  it('latticeIntervals with exact: true (the reference of the fast path)', () => {
    const l = latticeIntervals(result, { exact: true }, noise);
    expect(l.fallbacks).toBe(48);
    expect(sha256([l.lower, l.upper, l.changeLower[1], l.changeUpper[1], l.changeLower[12], l.changeUpper[12]])).toBe('52b8e2760bcec0b1092a4a074e6e21e41172419f0ecf2e7ff008492968c84940');
  });

  // Each region's population held at its last value in every month, so that nearly every window's
  // months share one coefficient: latticeIntervals then counts each window group's months
  // (`describeUniform`) instead of walking them. The same with every other month's population
  // 1e-13 larger: no window is uniform, so the walk computes every figure. Every level and every
  // indicator's own change agree to 1e-7 of their width (the quantile searches stop within 1e-8 of
  // their spread; a group counted wrong would move them by a step). A group's or the index's change may differ more: the walk's 1e-13 leaves the shared
  // months a residual coefficient, so the lead method may choose its components differently; they
  // agree within the 2% of the width (or 0.005) that the default is tested to (fastPath.test.ts).
  it('latticeIntervals where populations are constant: the counted window groups give the walk\'s intervals', () => {
    const raw = result.raw;
    const c = raw.codes.indexOf('population');
    const C = raw.codes.length;
    const U = raw.units.length;
    const last = raw.periods.length - 1;
    const build = (nudge: number) => {
      const values = Float64Array.from(raw.values);
      for (let p = 0; p < raw.periods.length; p++) for (let u = 0; u < U; u++) values[(p * U + u) * C + c] = raw.values[(last * U + u) * C + c] * (1 + (p % 2) * nudge);
      const built = buildIndex(fw, createPanel({ units: raw.units, periods: raw.periods, codes: raw.codes, values, flags: raw.flags }));
      return latticeIntervals(built, {}, cellNoise(built.raw, fw));
    };
    const counted = build(0);
    const walked = build(1e-13);
    const K = counted.codes.length;
    const indicator = counted.codes.map((code) => fw.indicators.includes(code));
    let close = 0;
    let bounded = 0;
    for (const [lag, lo, hi, wlo, whi] of [
      [0, counted.lower, counted.upper, walked.lower, walked.upper],
      [1, counted.changeLower[1], counted.changeUpper[1], walked.changeLower[1], walked.changeUpper[1]],
      [12, counted.changeLower[12], counted.changeUpper[12], walked.changeLower[12], walked.changeUpper[12]],
    ] as const) {
      for (let j = 0; j < lo.length; j++) {
        if (Number.isNaN(wlo[j])) continue;
        const width = whi[j] - wlo[j];
        const gap = Math.max(Math.abs(lo[j] - wlo[j]), Math.abs(hi[j] - whi[j]));
        if (lag === 0 || indicator[j % K]) {
          close++;
          expect(gap, `${counted.codes[j % K]} lag ${lag}, endpoint ${j}`).toBeLessThanOrEqual(1e-7 * Math.max(1, width));
        } else {
          bounded++;
          expect(gap, `${counted.codes[j % K]} lag ${lag}, endpoint ${j}`).toBeLessThanOrEqual(Math.max(0.005, 0.02 * width));
        }
      }
    }
    expect(close + bounded).toBe(23124);
    expect(close).toBe(19182);
    // The uniform path's numbers, fixed as the others here are.
    expect(sha256([counted.lower, counted.upper, counted.changeLower[1], counted.changeUpper[1], counted.changeLower[12], counted.changeUpper[12]])).toBe('3cc73657fa3e956e465167af781b3def06682d51e887c38fbf1a1c18cbff58c8');
  });

  it('controlCharts: every chart of every region × count indicator', () => {
    const charts = controlCharts(result.raw, fw);
    expect(charts.length).toBe(6 * 12);
    expect(sha256(charts.flatMap((c) => [c.charted, c.observed, c.expected, c.score, c.ewma, c.outOfControl, c.signal, Float64Array.of(c.limit)]))).toBe('5d354a1fd0bf92d5cb2dd5190899a7c1b215f27ec9dfc970d817e72c39f8036c');
  });
});

describe('dispersionBoundFromPairs with sliding sums, as the charts keep them', () => {
  it('equals countDispersionBound at every month of whole-count series with gaps', () => {
    const random = randomLcg(20261203);
    for (const [mean, year, months] of [
      [0.3, 12, 36],
      [4, 12, 36],
      [60, 4, 12],
    ] as const) {
      const draw = randomPoisson.source(random)(mean);
      const series = Float64Array.from({ length: 120 }, () => (random() < 0.05 ? Number.NaN : draw()));
      const sums = { pairs: 0, squares: 0, sums: 0 };
      for (let t = year; t < months; t++) addPair(sums, series, t, year, 1);
      for (let t = months; t < series.length; t++) {
        if (t > months) {
          addPair(sums, series, t - 1, year, 1);
          addPair(sums, series, t - months + year - 1, year, -1);
        }
        expect(dispersionBoundFromPairs(sums.pairs, sums.squares, sums.sums, 0.8)).toBe(countDispersionBound(series, t - 1, months, 0.8, year));
      }
    }
  });
});
