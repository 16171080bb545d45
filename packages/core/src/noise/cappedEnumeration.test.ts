import { describe, expect, it } from 'vitest';
import { EnumerationBinner, clamp, conditionalMoments, emptyEnumeration, materialise, type Enumeration } from './cappedEnumeration.ts';
import { countPmf } from './countPmf.ts';
import { ComponentGrid, EXACT_ATOMS, componentMoments, emptyComponent, type Component } from './gridComponents.ts';

/**
 * A 12-month rate's score of months p and q, goalposts capped at 0 and 100: 11 shared months (S),
 * month p's own (A) and month q's (B), each month Poisson of mean 0.4, a step of 25 points an
 * event, the window's observed count 2 (score 50) in both months: a count of 4 reaches the cap.
 */
function rareCapped(hasQ: boolean): Enumeration {
  const e = emptyEnumeration();
  const S = countPmf(4.4, 1, 1e-10);
  const A = countPmf(0.4, 1, 1e-10);
  const B = countPmf(0.4, 1, 1e-10);
  Object.assign(e, {
    S, A, B,
    n: S.probabilities.length * A.probabilities.length * B.probabilities.length,
    lamS: 4.4, lamA: 0.4, lamB: 0.4,
    // α + β T at the expected count 4.8: 100 − 25 × 4.8 (below 0: the linear value, not yet capped).
    lp: -20, lq: -20,
    cpS: -25, cqS: -25, cpA: -25, cqB: -25,
    sObsP: 50, sObsQ: 50,
    scale: 100,
    hasQ,
  });
  return e;
}

/** An enumeration of the given groups and coefficients (a change: hasQ). */
function enumeration(lam: { S: number; A: number; B: number }, c: { cpS: number; cpA: number; cqS: number; cqB: number }, lp: number, lq: number, scale: number): Enumeration {
  const e = emptyEnumeration();
  const S = countPmf(lam.S, 1, 1e-10);
  const A = countPmf(lam.A, 1, 1e-10);
  const B = countPmf(lam.B, 1, 1e-10);
  const clampTo = (x: number) => clamp(x, scale);
  Object.assign(e, { S, A, B, n: S.probabilities.length * A.probabilities.length * B.probabilities.length, lamS: lam.S, lamA: lam.A, lamB: lam.B, lp, lq, ...c, sObsP: clampTo(lp), sObsQ: clampTo(lq), scale, hasQ: true });
  return e;
}

/**
 * binScaled's bins against the grid's convolution of the materialised joint values on as many
 * points (binScaled's: enough for 1/256 of the sd over the values' range, 256 to 4,096): the same
 * atoms up to rounding (the grid's points are the same; an atom's sums differ only in their order
 * and grouping).
 */
function expectBinnedAsConvolved(make: () => Enumeration, ep: number, eq: number): { binned: Component; copy: Enumeration; values: Float64Array } {
  const binned = emptyComponent();
  const binner = new EnumerationBinner(new ComponentGrid(256));
  const e = make();
  binner.binScaled(binned, e, ep, eq);
  // Without materialising the joint values.
  expect(e.materialised).toBe(false);
  const copy = make();
  materialise(copy);
  const values = new Float64Array(copy.n);
  for (let t = 0; t < copy.n; t++) values[t] = ep * copy.dp[t] - eq * copy.dq[t];
  const span = Math.max(...values) - Math.min(...values);
  const bins = Math.min(4096, Math.max(256, Math.ceil((span * 256) / Math.sqrt(binner.cumulants[1])) + 1));
  const unit = { values: Float64Array.of(0), probabilities: Float64Array.of(1), n: 1, mean: 0, variance: 0 };
  const direct = emptyComponent();
  new ComponentGrid(bins).convolve(direct, unit, values, copy.w, copy.n);
  expect(binned.n).toBe(direct.n);
  for (let t = 0; t < direct.n; t++) {
    expect(binned.values[t]).toBeCloseTo(direct.values[t], 9);
    expect(binned.probabilities[t]).toBeCloseTo(direct.probabilities[t], 12);
  }
  return { binned, copy, values };
}

describe('capped enumerations', () => {
  it('holds a score to its caps', () => {
    expect([clamp(104, 100), clamp(-3, 100), clamp(42.5, 100)]).toEqual([100, 0, 42.5]);
  });

  it('gives the doc example: an empty slot has s(p) − s(q) = 0', () => {
    expect(Array.from(new EnumerationBinner(new ComponentGrid(256)).cumulantsOf(emptyEnumeration(), 1, 1))).toEqual([0, 0, 0, 0]);
  });

  it('materialises every joint value: s(p) and s(q) clamped to [0, 100], probabilities summing to 1', () => {
    const e = rareCapped(true);
    materialise(e);
    let total = 0;
    for (let t = 0; t < e.n; t++) {
      total += e.w[t];
      expect(e.dp[t] + e.sObsP).toBeGreaterThanOrEqual(0);
      expect(e.dp[t] + e.sObsP).toBeLessThanOrEqual(100);
    }
    expect(total).toBeCloseTo(1, 8);
    // By hand: S = 0, A = 0, B = 1 gives s(p) = clamp(−20 + 25 × 4.8) = 100 and s(q) = 75.
    const at = 1; // S 0, A 0, B 1 (S, A, B order)
    expect(e.dp[at] + e.sObsP).toBe(100);
    expect(e.dq[at] + e.sObsQ).toBeCloseTo(75, 12);
    // Given S = 0, s(p) and s(q) are independent: E[dp | S = 0] and E[dq² | S = 0] from the joint values.
    conditionalMoments(e);
    const rows = e.A.probabilities.length * e.B.probabilities.length;
    let w = 0;
    let dp = 0;
    let dq2 = 0;
    for (let t = 0; t < rows; t++) {
      w += e.w[t];
      dp += e.w[t] * e.dp[t];
      dq2 += e.w[t] * e.dq[t] ** 2;
    }
    expect(e.condP[1]).toBeCloseTo(dp / w, 10);
    expect(e.condQ[2]).toBeCloseTo(dq2 / w, 8);
  });

  it('its cumulants (from the conditional moments given S) equal the materialised joint values’ own', () => {
    for (const hasQ of [true, false]) {
      const e = rareCapped(hasQ);
      const binner = new EnumerationBinner(new ComponentGrid(256));
      const [mean, variance, k3, k4] = Array.from(binner.cumulantsOf(e, 0.3, 0.3));
      materialise(e);
      let m1 = 0;
      for (let t = 0; t < e.n; t++) m1 += e.w[t] * (0.3 * e.dp[t] - 0.3 * e.dq[t]);
      let c2 = 0;
      let c3 = 0;
      let c4 = 0;
      for (let t = 0; t < e.n; t++) {
        const d = 0.3 * e.dp[t] - 0.3 * e.dq[t] - m1;
        c2 += e.w[t] * d * d;
        c3 += e.w[t] * d ** 3;
        c4 += e.w[t] * d ** 4;
      }
      expect(mean).toBeCloseTo(m1, 8);
      expect(variance).toBeCloseTo(c2, 8);
      expect(k3).toBeCloseTo(c3, 6);
      expect(k4).toBeCloseTo(c4 - 3 * c2 * c2, 5);
      expect(e.conditionalReady).toBe(true);
    }
  });

  it('bins the joint values as the grid convolves them once materialised (by blocks: equal up to rounding), without materialising them', () => {
    const { binned, copy, values } = expectBinnedAsConvolved(() => rareCapped(true), 1, 1);
    expect(copy.n).toBeGreaterThan(EXACT_ATOMS);
    componentMoments(binned);
    let mean = 0;
    for (let t = 0; t < copy.n; t++) mean += copy.w[t] * values[t];
    expect(binned.mean).toBeCloseTo(mean, 10);
  });

  it('bins a change by blocks where the shared months enter both scores alike, with populations that differ by month, as by its joint values', () => {
    // A lag-one change of a 12-month rate whose population moved (the month's own coefficient is not the shared
    // months' mean): its 11 shared months S against one month A and one month B, capped at 0 and 100.
    const drift = { cpS: -2.285359075617961, cpA: -2.292584388197262, cqS: -2.285359075617961, cqB: -2.281 };
    // Near the top cap (few events, score close to 100), near the bottom, and within reach of both (a steep step).
    expectBinnedAsConvolved(() => enumeration({ S: 8.74, A: 0.79, B: 0.79 }, drift, 96.3, 97.1, 100), 1, 1);
    expectBinnedAsConvolved(() => enumeration({ S: 8.74, A: 0.79, B: 0.79 }, drift, 3.2, 1.7, 100), 0.37, 0.37);
    const steep = { cpS: -12.808619951477095, cpA: -12.755102040816327, cqS: -12.808619951477095, cqB: -12.82051282051282 };
    expectBinnedAsConvolved(() => enumeration({ S: 3.6, A: 0.33, B: 0.3 }, steep, 51.7, 44.2, 100), 1, 1);
    // A score that rises with its count (a positive coefficient), past the top cap.
    const rising = { cpS: 7.3, cpA: 7.41, cqS: 7.3, cqB: 7.22 };
    expectBinnedAsConvolved(() => enumeration({ S: 5.5, A: 0.5, B: 0.5 }, rising, 88.8, 90.4, 100), 1, 1);
    // Weights that differ between the months but keep the shared months alike (ep cpS = eq cqS).
    expectBinnedAsConvolved(() => enumeration({ S: 5.5, A: 0.5, B: 0.5 }, { cpS: 3, cpA: 3.02, cqS: 6, cqB: 5.9 }, 88.8, 90.4, 100), 0.5, 0.25);
  });

  it('bins a change whose shared months do not cancel row by row, as by its joint values', () => {
    const drift = { cpS: -2.285359075617961, cpA: -2.292584388197262, cqS: -2.31, cqB: -2.281 };
    expectBinnedAsConvolved(() => enumeration({ S: 8.74, A: 0.79, B: 0.79 }, drift, 96.3, 97.1, 100), 1, 1);
  });
});
