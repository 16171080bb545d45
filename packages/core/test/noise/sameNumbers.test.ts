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
  it('latticeIntervals: every value and change of every month (lags 1 and 12), its fast-path figures and its fallbacks', () => {
    const l = latticeIntervals(result, {}, noise);
    expect(l.fallbacks).toBe(48);
    expect(l.smooth).toBe(13672);
    expect(l.leads).toBe(9452);
    expect(sha256([l.lower, l.upper, l.changeLower[1], l.changeUpper[1], l.changeLower[12], l.changeUpper[12]])).toBe('20f6cc464457a04284f0a00cebdd46e310f55f512adb6d4c3ca9bc11a11b25f4');
  });

  it('latticeIntervals with exact: true (the reference of the fast path)', () => {
    const l = latticeIntervals(result, { exact: true }, noise);
    expect(l.fallbacks).toBe(48);
    expect(sha256([l.lower, l.upper, l.changeLower[1], l.changeUpper[1], l.changeLower[12], l.changeUpper[12]])).toBe('0e240cd11b5dc1e9fcae68df6179edd6af20e38d86811253d382b7d9d3d5d272');
  });

  // Each region's population held at its 2025 value in every month, so that nearly every window's
  // months share one coefficient: latticeIntervals then sums its windows by counting their months
  // (`describeUniform`) instead of walking them. The hash is that of the walk (latticeIntervals with
  // describeUniform switched off when the hash was taken): the counted sums are the walk's, bit for bit.
  it('latticeIntervals where populations are constant: the counted window sums equal the walk, bit for bit', () => {
    const raw = result.raw;
    const c = raw.codes.indexOf('population');
    const C = raw.codes.length;
    const U = raw.units.length;
    const last = raw.periods.length - 1;
    const values = Float64Array.from(raw.values);
    for (let p = 0; p < raw.periods.length; p++) for (let u = 0; u < U; u++) values[(p * U + u) * C + c] = raw.values[(last * U + u) * C + c];
    const constant = buildIndex(fw, createPanel({ units: raw.units, periods: raw.periods, codes: raw.codes, values, flags: raw.flags }));
    const l = latticeIntervals(constant, {}, cellNoise(constant.raw, fw));
    expect(sha256([l.lower, l.upper, l.changeLower[1], l.changeUpper[1], l.changeLower[12], l.changeUpper[12]])).toBe('7c79aa17409d9b264f4c9230838c9dbcd9adf0cb3655541deaa4ae8d2668ae9f');
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
