import { randomGamma, randomLcg, randomNormal, randomPoisson } from 'd3-random';
import type { Framework } from '../framework/defineFramework.ts';
import type { Panel } from '../panel/panel.ts';
import { panelPeriodsPerYear } from '../panel/period.ts';
import { buildIndex, type IndexResult } from '../pipeline/buildIndex.ts';
import { analyticSupport } from './analyticSupport.ts';
import { cellNoise, type CellNoise } from './cellNoise.ts';

/** Options of {@link bootstrapUncertainty}. */
export interface BootstrapOptions {
  /** Bootstrap replicates (default 1,000). */
  readonly draws?: number;
  /** The seed of d3-random's LCG (default 1): the same seed gives the same draws. */
  readonly seed?: number;
  /** The periods whose values and changes are kept (default: the last period). */
  readonly periods?: readonly string[];
  /** Changes kept: value(p) − value(p − lag) for each lag (default [1, 12] for months, [1, 4] for quarters). */
  readonly lags?: readonly number[];
}

/** The replicates of a parametric bootstrap, for the periods asked for. */
export interface BootstrapUncertainty {
  readonly units: readonly string[];
  /** The periods kept, in the order asked for. */
  readonly periods: readonly string[];
  /** The columns of `result.aggregated`. */
  readonly codes: readonly string[];
  readonly draws: number;
  readonly seed: number;
  /** Replicate b of (period e, unit u, column k) at `((e * U + u) * K + k) * draws + b`. */
  readonly samples: Float64Array;
  /** Replicates of value(p) − value(p − lag), same layout (NaN where either is missing). */
  readonly changeSamples: Readonly<Record<number, Float64Array>>;
}

/** How many periods before the first kept period a rebuild must include for a linear framework. */
function reach(framework: Framework, lags: readonly number[]): number {
  let window = 0;
  let carry = 0;
  for (const code of framework.indicators) {
    const node = framework.byCode.get(code);
    if (node?.type !== 'indicator') continue;
    window = Math.max(window, (node.window?.periods ?? 1) - 1);
    if (node.imputation.method === 'locf') carry = Math.max(carry, node.imputation.maxAge);
  }
  return window + carry + Math.max(0, ...lags);
}

/**
 * A seeded parametric bootstrap of a build, for any framework (any
 * normalisation, aggregation, imputation): each replicate adds to every raw
 * indicator value a draw of its noise (`cellNoise`) and rebuilds the index
 * with `buildIndex`:
 *
 * - counts: y − μ with y negative binomial of mean μ and variance φ μ
 *   (a gamma–Poisson mixture; Poisson when φ = 1), μ and φ the region's
 *   level at the kept month (`cellNoise`), for every month drawn; the
 *   replicate value is the observed count plus this deviation, so
 *   replicates centre on what was observed;
 * - survey shares: a normal deviation with the share's sampling variance;
 * - values without noise are kept.
 *
 * Deterministic for a given seed (d3-random's LCG, draws taken in
 * kept period, replicate, period, unit, column order). For a framework
 * linear in its raw values (`analyticSupport`), only the periods a kept one
 * depends on are rebuilt; otherwise the whole panel is. `percentileBootstrapInterval` turns the
 * replicates into intervals.
 *
 * @example
 * const boot = bootstrapUncertainty(result, { draws: 1000, seed: 7, periods: ['2025-10'] });
 * percentileBootstrapInterval(boot.samples.subarray(0, 1000), 0.9); // the first unit's first column
 */
export function bootstrapUncertainty(result: IndexResult, options: BootstrapOptions = {}, noise: CellNoise = cellNoise(result.raw, result.framework)): BootstrapUncertainty {
  const framework = result.framework;
  const draws = options.draws ?? 1000;
  const seed = options.seed ?? 1;
  const lags = options.lags ?? [1, panelPeriodsPerYear(result.raw.periods)];
  const raw = result.raw;
  const kept = options.periods ?? [raw.periods[raw.periods.length - 1]];
  const keptIndex = kept.map((p) => {
    const i = raw.periods.indexOf(p);
    if (i < 0) throw new RangeError(`bootstrapUncertainty: no period "${p}" in the panel`);
    return i;
  });
  const linear = analyticSupport(framework).length === 0;
  const U = raw.units.length;
  const C = raw.codes.length;
  const rowWidth = U * C;
  const codes = result.aggregated.codes;
  const K = codes.length;
  const E = kept.length;
  const samples = new Float64Array(E * U * K * draws);
  const changeSamples: Record<number, Float64Array> = {};
  for (const lag of lags) changeSamples[lag] = new Float64Array(E * U * K * draws);

  const source = randomLcg(seed);
  const normal = randomNormal.source(source)(0, 1);
  const poisson = randomPoisson.source(source);
  const gamma = randomGamma.source(source);
  const models = framework.indicators.map((code) => ({ column: raw.codes.indexOf(code), model: noise.models[code].model }));
  keptIndex.forEach((pk, e) => {
    // Each kept month is drawn with its own noise level, as the analytic path uses it.
    const first = linear ? Math.max(0, pk - reach(framework, lags)) : 0;
    const sliceValues = raw.values.subarray(first * rowWidth, (pk + 1) * rowWidth);
    const slice: Panel = {
      units: raw.units,
      periods: raw.periods.slice(first, pk + 1),
      codes: raw.codes,
      values: Float64Array.from(sliceValues),
      flags: raw.flags.slice(first * rowWidth, (pk + 1) * rowWidth),
    };
    const values = slice.values;
    const p = pk - first;
    for (let b = 0; b < draws; b++) {
      values.set(sliceValues);
      for (let q = 0; q < slice.periods.length; q++) {
        for (let u = 0; u < U; u++) {
          for (const { column, model } of models) {
            if (model === 'none') continue;
            const i = q * rowWidth + u * C + column;
            const x = values[i];
            if (x !== x) continue;
            if (model === 'survey') {
              values[i] = x + Math.sqrt(noise.variance[(first + q) * rowWidth + u * C + column]) * normal();
              continue;
            }
            const at = pk * rowWidth + u * C + column;
            const mu = noise.mean[at];
            const phi = noise.dispersion[at];
            if (!(mu > 0)) continue;
            const lambda = phi > 1 ? gamma(mu / (phi - 1), phi - 1)() : mu;
            values[i] = x + poisson(lambda)() - mu;
          }
        }
      }
      const out = buildIndex(framework, slice).aggregated;
      for (let u = 0; u < U; u++) {
        for (let k = 0; k < K; k++) {
          const v = out.values[(p * U + u) * K + k];
          const at = ((e * U + u) * K + k) * draws + b;
          samples[at] = v;
          for (const lag of lags) {
            const q = p - lag;
            changeSamples[lag][at] = q >= 0 ? v - out.values[(q * U + u) * K + k] : Number.NaN;
          }
        }
      }
    }
  });
  return { units: raw.units, periods: [...kept], codes, draws, seed, samples, changeSamples };
}
