/**
 * The Cornish–Fisher expansion: the standardised quantile of a distribution
 * of skewness γ₁ and excess kurtosis γ₂ at the normal quantile z, to order
 * n⁻¹: z + (z² − 1) γ₁/6 + (z³ − 3z) γ₂/24 − (2z³ − 5z) γ₁²/36. The inverse,
 * to the same order, of the Edgeworth expansion of its distribution function.
 * Close while |γ₁| ≤ 1 and |γ₂| ≤ 2 (where it is also monotone in z).
 *
 * @example
 * cornishFisherQuantile(1.6448536269514722, 0, 0); // 1.6448536269514722 (normal)
 * // Poisson(10): γ₁ = 1/√10, γ₂ = 1/10; its 95% quantile ≈ 10 + √10 × 1.7308 = 15.47
 * // (a count's is 15: P(X ≤ 14) = 0.917, P(X ≤ 15) = 0.951).
 * cornishFisherQuantile(1.6448536269514722, 1 / Math.sqrt(10), 0.1); // 1.7308…
 */
export function cornishFisherQuantile(z: number, skewness: number, kurtosis: number): number {
  const z2 = z * z;
  return z + ((z2 - 1) * skewness) / 6 + ((z2 * z - 3 * z) * kurtosis) / 24 - ((2 * z2 * z - 5 * z) * skewness * skewness) / 36;
}
