/** inf{x : F(x) ≥ p} of atoms (value, probability), with the 1e-12 tolerance on F that `mixtureQuantile` takes: a test's reference, written out. */
export function discreteQuantile(atoms: readonly (readonly [number, number])[], p: number): number {
  const sorted = [...atoms].sort((a, b) => a[0] - b[0]);
  let cumulative = 0;
  for (const [v, w] of sorted) {
    cumulative += w;
    if (cumulative >= p - 1e-12) return v;
  }
  return sorted[sorted.length - 1][0];
}
