import { describe, expect, it } from 'vitest';
import { censoredNormalVariance } from './censoredNormal.ts';

/** Var of min(hi, max(lo, L)), L ~ N(mean, sd²), by quadrature on ±12 sd. */
function byQuadrature(mean: number, sd: number, lo: number, hi: number): number {
  const n = 24000;
  const h = 24 / n;
  let m1 = 0;
  let m2 = 0;
  for (let j = 0; j <= n; j++) {
    const z = -12 + j * h;
    const w = ((j === 0 || j === n ? 0.5 : 1) * h * Math.exp(-0.5 * z * z)) / Math.sqrt(2 * Math.PI);
    const s = Math.min(hi, Math.max(lo, mean + sd * z));
    m1 += w * s;
    m2 += w * s * s;
  }
  return m2 - m1 * m1;
}

describe('censoredNormalVariance', () => {
  it('equals the quadrature of the clamped normal, inside, at and beyond a bound', () => {
    for (const [mean, sd] of [[50, 2], [99, 2], [100, 2], [101, 3], [110, 4], [2, 5], [-3, 2], [50, 40], [100, 0.5]]) {
      {
        const exact = censoredNormalVariance(mean, sd, 0, 100);
        // The trapezoids' error at the kink of the clamp is O(h²): about 1e-6 of sd².
        expect(Math.abs(exact - byQuadrature(mean, sd, 0, 100)), `${mean} ± ${sd}`).toBeLessThanOrEqual(1e-7 * Math.max(1, sd * sd));
      }
    }
  });
  it('is sd² far from the bounds and 0 without noise or far beyond a bound', () => {
    expect(censoredNormalVariance(50, 2, 0, 100)).toBe(4);
    expect(censoredNormalVariance(50, 0, 0, 100)).toBe(0);
    expect(censoredNormalVariance(200, 2, 0, 100)).toBeCloseTo(0, 12);
    // Half the mass at the cap: S − 100 = min(0, Z), E = −φ(0) = −1/√(2π), E² = 1/2, so Var = 1/2 − 1/(2π).
    expect(censoredNormalVariance(100, 1, 0, 100)).toBeCloseTo(0.5 - 1 / (2 * Math.PI), 12);
  });
});
