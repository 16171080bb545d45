import { randomLcg, randomNormal } from 'd3-random';
import { quantileSorted } from '../sensitivity/quantile.ts';
import { ranksOf } from '../uncertainty/periodRanks.ts';
import { normalCdf, normalQuantile } from './normal.ts';

/** A unit's rank (1 = highest value, the safest) and its interval. */
export interface RankInterval {
  readonly unit: string;
  readonly rank: number;
  readonly lower: number;
  readonly upper: number;
}

/** Two units next to each other in the ranking, and how likely the higher-ranked one really is higher. */
export interface NeighbourProbability {
  readonly higher: string;
  readonly lower: string;
  /** P(the higher-ranked unit's true value exceeds the other's). */
  readonly probability: number;
}

/**
 * Rank intervals from replicates: in each replicate the units are ranked
 * (1 = highest; ties share the better rank), and each unit's interval is the
 * central `level` range of its ranks, rounded outward to whole ranks. Units
 * come back in order of their observed rank (ties by the given order).
 * `replicates[u]` holds unit u's replicate values, all of equal length.
 *
 * @example
 * rankIntervals(['A', 'B', 'C'], [90, 85, 60], [a, b, c], 0.9);
 * // [{ unit: 'A', rank: 1, lower: 1, upper: 2 }, { unit: 'B', rank: 2, lower: 1, upper: 2 }, { unit: 'C', rank: 3, lower: 3, upper: 3 }]
 */
export function rankIntervals(units: readonly string[], observed: readonly number[], replicates: readonly ArrayLike<number>[], level: number): RankInterval[] {
  const n = units.length;
  const draws = n ? replicates[0].length : 0;
  const ranks = units.map(() => new Float64Array(draws));
  // Each replicate ranked as the analyses rank a period (`ranksOf`: sorted, then a binary search
  // per unit, n log n), not by comparing every pair (n²: 8 billion comparisons for 1,000
  // replicates of 2,844 counties). A NaN replicate is above nothing: `ranksOf` leaves it unranked
  // and ranks the others without it, and it takes rank 1, as no value is above it.
  const everyUnit = units.map(() => true);
  const row = new Float64Array(n);
  const rowRanks = new Float64Array(n);
  const sortScratch = new Float64Array(n);
  const orderScratch = new Int32Array(n);
  for (let b = 0; b < draws; b++) {
    for (let u = 0; u < n; u++) row[u] = replicates[u][b];
    ranksOf(row, n, 1, everyUnit, rowRanks, sortScratch, orderScratch);
    for (let u = 0; u < n; u++) ranks[u][b] = rowRanks[u] === rowRanks[u] ? rowRanks[u] : 1;
  }
  // The observed ranks the same way: 1 + how many observed values are higher (a NaN one: 1).
  const observedRanks = ranksOf(Float64Array.from(observed), n, 1, everyUnit, rowRanks, sortScratch, orderScratch);
  const order = rankOrder(observed);
  const alpha = 1 - level;
  return order.map((u) => {
    const sorted = ranks[u].sort();
    const rank = observedRanks[u] === observedRanks[u] ? observedRanks[u] : 1;
    return { unit: units[u], rank, lower: Math.floor(quantileSorted(sorted, alpha / 2)), upper: Math.ceil(quantileSorted(sorted, 1 - alpha / 2)) };
  });
}

function rankOrder(observed: readonly number[]): number[] {
  return observed.map((_, i) => i).sort((a, b) => observed[b] - observed[a] || a - b);
}

/**
 * Normal replicates of independent estimates (value + se × Z, seeded), for
 * rank intervals when the intervals are analytic. Deterministic for a seed.
 *
 * @example
 * normalReplicates([90, 85], [1, 2], 1000, 1); // [Float64Array(1000), Float64Array(1000)]
 */
export function normalReplicates(values: readonly number[], se: readonly number[], draws: number, seed: number): Float64Array[] {
  const normal = randomNormal.source(randomLcg(seed))(0, 1);
  const out = values.map(() => new Float64Array(draws));
  for (let b = 0; b < draws; b++) for (let u = 0; u < values.length; u++) out[u][b] = values[u] + se[u] * normal();
  return out;
}

/**
 * The scales below and above a value whose `level` interval is [lower, upper]:
 * the distance to each end over the normal quantile of (1 + level) / 2 (0
 * where an end does not lie beyond the value: a count that is almost surely
 * 0 leaves no room above it).
 */
function splitScales(value: number, lower: number, upper: number, level: number): [number, number] {
  const z = normalQuantile((1 + level) / 2);
  // An end that is NaN (no interval) compares false: no spread on that side.
  const below = value - lower;
  const above = upper - value;
  return [below > 0 ? below / z : 0, above > 0 ? above / z : 0];
}

/**
 * Replicates of independent estimates drawn to match their published
 * intervals, for rank intervals when the intervals are not normal (a small
 * district's index, lumpy and one-sided where one rare event moves it by
 * points): value + σ₋ Z below the value and value + σ₊ Z above it, Z a seeded
 * standard normal, so that each unit's replicates have its value as their
 * median and its interval's ends as their (1 ∓ level)/2 quantiles (a split
 * normal: σ₋ = (value − lower) / z, σ₊ = (upper − value) / z, z the normal
 * quantile of (1 + level)/2). A symmetric interval gives `normalReplicates`'
 * draws. Deterministic for a seed.
 *
 * @example
 * // An index of 91.90 whose 90% interval is 87.07 to 92.93: 1,000 draws, 5% of them below 87.07, 5% above 92.93.
 * splitNormalReplicates([91.9], [87.07], [92.93], 0.9, 1000, 1); // [Float64Array(1000)]
 */
export function splitNormalReplicates(values: readonly number[], lower: readonly number[], upper: readonly number[], level: number, draws: number, seed: number): Float64Array[] {
  const normal = randomNormal.source(randomLcg(seed))(0, 1);
  const scales = values.map((v, u) => splitScales(v, lower[u], upper[u], level));
  const out = values.map(() => new Float64Array(draws));
  for (let b = 0; b < draws; b++) {
    for (let u = 0; u < values.length; u++) {
      const z = normal();
      out[u][b] = values[u] + (z < 0 ? scales[u][0] : scales[u][1]) * z;
    }
  }
  return out;
}

/** Nodes of the composite Simpson rule over the standard normal's z ∈ [−Z_SPAN, Z_SPAN] (beyond it lies 1e-17 of the mass). */
const Z_SPAN = 8.5;
const Z_STEPS = 2000;

/**
 * For each pair of neighbours in the observed ranking, the probability that
 * the higher-ranked unit is truly higher, for independent split normals
 * matched to the units' `level` intervals (as `splitNormalReplicates` draws
 * them): P(X_a > X_b) = ∫ φ(z) (1 − F_a(x_b(z))) dz, x_b(z) = value_b + σ_b(z)
 * z, by Simpson's rule on 2,000 steps over ±8.5 (no random error). Equal to
 * `neighbourProbabilities` where every interval is symmetric (se = half its
 * width / z).
 *
 * @example
 * // Two symmetric intervals of half-width 1.645 (σ = 1 each): Φ((90 − 88) / √2) = Φ(1.414) ≈ 0.921.
 * splitNormalNeighbourProbabilities(['A', 'B'], [90, 88], [88.355, 86.355], [91.645, 89.645], 0.9); // [{ higher: 'A', lower: 'B', probability: 0.921… }]
 */
export function splitNormalNeighbourProbabilities(units: readonly string[], observed: readonly number[], lower: readonly number[], upper: readonly number[], level: number): NeighbourProbability[] {
  const order = rankOrder(observed);
  const scales = observed.map((v, u) => splitScales(v, lower[u], upper[u], level));
  const spread = (u: number) => Math.max(scales[u][0], scales[u][1]);
  // P(X_u > x) and P(X_u < x): a point mass at the value where its scale on that side is 0.
  const exceeds = (u: number, x: number): number => {
    const d = x - observed[u];
    const [below, above] = scales[u];
    if (d < 0) return below > 0 ? normalCdf(-d / below) : 1;
    if (d > 0) return above > 0 ? normalCdf(-d / above) : 0;
    return above > 0 ? 0.5 : 0;
  };
  const under = (u: number, x: number): number => {
    const d = x - observed[u];
    const [below, above] = scales[u];
    if (d > 0) return above > 0 ? normalCdf(d / above) : 1;
    if (d < 0) return below > 0 ? normalCdf(d / below) : 0;
    return below > 0 ? 0.5 : 0;
  };
  /** ∫ φ(z) g(x_u(z)) dz over unit u's own draw z, by Simpson's rule. */
  const integrate = (u: number, g: (x: number) => number): number => {
    const [below, above] = scales[u];
    const h = (2 * Z_SPAN) / Z_STEPS;
    let sum = 0;
    for (let i = 0; i <= Z_STEPS; i++) {
      const z = -Z_SPAN + i * h;
      const weight = i === 0 || i === Z_STEPS ? 1 : i % 2 ? 4 : 2;
      sum += weight * Math.exp(-0.5 * z * z) * g(observed[u] + (z < 0 ? below : above) * z);
    }
    return (sum * h) / 3 / Math.sqrt(2 * Math.PI);
  };
  const out: NeighbourProbability[] = [];
  for (let k = 0; k + 1 < order.length; k++) {
    const a = order[k];
    const b = order[k + 1];
    // Integrated over the narrower unit's draw: the other's distribution function is then smooth on the grid (the
    // other way round it is nearly a step where one spread is hundreds of times the other).
    const probability = spread(b) <= spread(a) ? integrate(b, (x) => exceeds(a, x)) : integrate(a, (x) => under(b, x));
    out.push({ higher: units[a], lower: units[b], probability: Math.min(1, probability) });
  }
  return out;
}

/**
 * For each pair of neighbours in the observed ranking, the probability that
 * the higher-ranked unit is truly higher: Φ((x_a − x_b) / √(se_a² + se_b²))
 * for independent normal estimates.
 *
 * @example
 * neighbourProbabilities(['A', 'B'], [90, 88], [1, 1]); // [{ higher: 'A', lower: 'B', probability: 0.921… }]
 */
export function neighbourProbabilities(units: readonly string[], observed: readonly number[], se: readonly number[]): NeighbourProbability[] {
  const order = rankOrder(observed);
  const out: NeighbourProbability[] = [];
  for (let k = 0; k + 1 < order.length; k++) {
    const a = order[k];
    const b = order[k + 1];
    const s = Math.sqrt(se[a] * se[a] + se[b] * se[b]);
    const d = observed[a] - observed[b];
    out.push({ higher: units[a], lower: units[b], probability: s > 0 ? normalCdf(d / s) : d > 0 ? 1 : 0.5 });
  }
  return out;
}

/**
 * The same probabilities from replicates: the share of replicates in which
 * the higher-ranked unit's value exceeds its neighbour's (ties count half).
 *
 * @example
 * neighbourProbabilitiesFromReplicates(['A', 'B'], [90, 88], [a, b]); // [{ higher: 'A', lower: 'B', probability: 0.93 }]
 */
export function neighbourProbabilitiesFromReplicates(units: readonly string[], observed: readonly number[], replicates: readonly ArrayLike<number>[]): NeighbourProbability[] {
  const order = rankOrder(observed);
  const out: NeighbourProbability[] = [];
  for (let k = 0; k + 1 < order.length; k++) {
    const a = replicates[order[k]];
    const b = replicates[order[k + 1]];
    let wins = 0;
    for (let i = 0; i < a.length; i++) wins += a[i] > b[i] ? 1 : a[i] === b[i] ? 0.5 : 0;
    out.push({ higher: units[order[k]], lower: units[order[k + 1]], probability: a.length ? wins / a.length : Number.NaN });
  }
  return out;
}
