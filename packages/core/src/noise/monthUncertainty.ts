import { Exact } from '../exact/decimal.ts';
import { roundNumberHalfUp } from '../exact/roundNumberHalfUp.ts';
import type { IndexResult } from '../pipeline/buildIndex.ts';
import { controlCharts, DEFAULT_CHART, type ChartSettings, CHART_HISTORY_MONTHS } from '../warning/controlCharts.ts';
import { publishedChart, type PublishedChart } from '../warning/publishedChart.ts';
import { monthsAsPeriods, panelPeriodsPerYear } from '../panel/period.ts';
import { analyticSupport } from './analyticSupport.ts';
import { analyticUncertainty } from './analyticUncertainty.ts';
import { bootstrapUncertainty } from './bootstrapUncertainty.ts';
import { cellNoise } from './cellNoise.ts';
import { latticeIntervals } from './latticeIntervals.ts';
import { percentileBootstrapInterval, cappedInterval, normalInterval, type Interval } from './intervals.ts';
import { neighbourProbabilities, neighbourProbabilitiesFromReplicates, normalReplicates, rankIntervals, splitNormalNeighbourProbabilities, splitNormalReplicates, type RankInterval } from './rankIntervals.ts';
import { resolveUncertaintySettings } from './resolveNoise.ts';
import { changeVerdict, VERDICT_NAMES, type Verdict } from './verdict.ts';

/** Options of {@link monthUncertainty}. */
export interface MonthUncertaintyOptions {
  /** `auto` (default): analytic when the framework is linear in its raw values, else the bootstrap. */
  readonly method?: 'analytic' | 'bootstrap' | 'auto';
  /** Replicates of the bootstrap and of the rank intervals (default 1,000). */
  readonly draws?: number;
  /** Their seed (default 1). */
  readonly seed?: number;
  /** The units ranked against each other (default: every unit), e.g. the districts without the city. */
  readonly rankUnits?: readonly string[];
  /** The level of intervals and verdicts (default: the framework's, 0.9 unless configured). */
  readonly level?: number;
  /**
   * The analytic method's distributions: `lattice` (default; what the releases publish
   * since their uncertainty model 2: `latticeIntervals`, rare counts by their exact
   * distribution, which agrees with the percentile bootstrap and covers 87–93% in
   * simulation) or `normal` (the normal intervals of `analyticUncertainty`, capped
   * scores as censored normals; the releases' uncertainty model 1).
   */
  readonly distribution?: 'normal' | 'lattice';
  /** The early warning's chart (default `DEFAULT_CHART`). */
  readonly chart?: ChartSettings;
  /** How many months of each warning's chart, up to `month`, come with it (default 24). */
  readonly historyMonths?: number;
}

/** A published value and its interval, rounded to the framework's decimals. */
export interface ValueInterval {
  readonly value: string;
  readonly lower: string;
  readonly upper: string;
}

/** A change, its interval and its verdict. */
export interface ChangeInterval {
  /** The published change: the difference of the two published (rounded) values; the interval is centred on it. */
  readonly change: string;
  readonly lower: string;
  readonly upper: string;
  readonly verdict: Verdict;
  readonly verdictName: { readonly zh: string; readonly en: string };
}

/** One node (indicator score or aggregate) of one region. */
export interface NodeUncertainty {
  readonly code: string;
  /** Null where the value is missing. */
  readonly interval: ValueInterval | null;
  /** Month on month (环比). */
  readonly mom: ChangeInterval | null;
  /** Year on year (同比). */
  readonly yoy: ChangeInterval | null;
}

/** Uncertainty of every figure of one month: plain JSON, deterministic order and rounding. */
export interface MonthUncertainty {
  readonly month: string;
  readonly method: 'analytic' | 'bootstrap';
  readonly level: number;
  /** Replicates used (bootstrap, rank intervals) and their seed. */
  readonly draws: number;
  readonly seed: number;
  /** Regions in panel order; nodes in framework file order. */
  readonly regions: readonly { readonly unit: string; readonly nodes: readonly NodeUncertainty[] }[];
  /** The ranking of `rankUnits` by the index (1 = safest). */
  readonly ranking: {
    readonly code: string;
    readonly units: readonly RankInterval[];
    readonly neighbours: readonly { readonly higher: string; readonly lower: string; readonly probability: string }[];
  };
  /** The month's out-of-control region × indicator charts. */
  readonly warnings: readonly PublishedChart[];
  /** How many region × indicator charts are charted in `month`. */
  readonly charted: number;
  /** The early warning's settings and its in-control average run length (months). */
  readonly chart: ChartSettings;
}

/**
 * How many months before a published month the build passed to
 * {@link monthUncertainty} should start, so that every figure's noise uses
 * its full baseline: the year-on-year comparison's window (the longest
 * window + the longest carry + 12 months back) plus the baseline
 * (`baselineMonths`, 36 by default), and at least the early warning's 37.
 *
 * @example
 * uncertaintyLookback(xiangtan); // 11 + 5 + 12 + 35 = 63
 * uncertaintyLookback(quarterlyFramework, 4); // in quarters: windows + carry + 4 + 12 − 1
 */
export function uncertaintyLookback(result: IndexResult['framework'], perYear = 12): number {
  let window = 0;
  let carry = 0;
  for (const code of result.indicators) {
    const node = result.byCode.get(code);
    if (node?.type !== 'indicator') continue;
    window = Math.max(window, (node.window?.periods ?? 1) - 1);
    if (node.imputation.method === 'locf') carry = Math.max(carry, node.imputation.maxAge);
  }
  return Math.max(monthsAsPeriods(CHART_HISTORY_MONTHS, perYear), window + carry + perYear + monthsAsPeriods(resolveUncertaintySettings(result).baselineMonths, perYear) - 1);
}

/**
 * Everything the release of one month needs about uncertainty, for every
 * region and node: the interval of each value, the intervals and verdicts of
 * the month-on-month (环比) and year-on-year (同比) changes, rank intervals of
 * the index with the probability that each region is safer than the next,
 * and the month's early warnings. Analytic (`analyticUncertainty`) when the
 * framework allows, else a seeded bootstrap (`bootstrapUncertainty`); values
 * are rounded half up to the framework's decimals, probabilities to 2.
 * The analytic intervals of values and changes come from `latticeIntervals`
 * (exact distributions of rare counts), and the ranking from split normals
 * matched to the published intervals of the index (`splitNormalReplicates`,
 * `splitNormalNeighbourProbabilities`); or with `distribution: 'normal'` both
 * from `analyticUncertainty`'s standard errors.
 * `result` should reach `uncertaintyLookback` months before `month`.
 *
 * @example
 * const u = monthUncertainty(buildIndex(fw, raw), '2025-10', { rankUnits: districts });
 * u.regions[0].nodes[0]; // { code: 'index', interval: { value: '85.93', lower: '84.44', upper: '87.24' }, mom: { change: '-0.11', …, verdict: 'unchanged' }, … }
 */
export function monthUncertainty(result: IndexResult, month: string, options: MonthUncertaintyOptions = {}): MonthUncertainty {
  const framework = result.framework;
  const out = result.aggregated;
  const p = out.periods.indexOf(month);
  if (p < 0) throw new RangeError(`monthUncertainty: no period "${month}" in the build (${out.periods[0]} to ${out.periods[out.periods.length - 1]})`);
  const level = options.level ?? resolveUncertaintySettings(framework).level;
  const draws = options.draws ?? 1000;
  const seed = options.seed ?? 1;
  const linear = analyticSupport(framework).length === 0;
  const method = options.method === 'analytic' || (options.method !== 'bootstrap' && linear) ? 'analytic' : 'bootstrap';
  const decimals = framework.decimals;
  const U = out.units.length;
  const K = out.codes.length;
  const noise = cellNoise(result.raw, framework);
  // The previous period (环比) and the same period a year before (同比): 12 months or 4 quarters back.
  const year = panelPeriodsPerYear(out.periods);
  const lags = [1, year] as const;
  const useLattice = method === 'analytic' && options.distribution !== 'normal';
  // With the lattice intervals the normal intervals are not needed: the ranks are drawn to match the published (lattice) intervals.
  const analytic = method === 'analytic' && !useLattice ? analyticUncertainty(result, lags, noise) : null;
  const boot = method === 'bootstrap' ? bootstrapUncertainty(result, { draws, seed, periods: [month], lags }, noise) : null;
  const lattice = useLattice ? latticeIntervals(result, { periods: [month], lags, level }, noise) : null;
  const nodeOrder = framework.nodes.map((n) => n.code);
  const column = new Map(out.codes.map((c, k) => [c, k]));

  const valueInterval = (u: number, k: number): Interval => {
    const i = (p * U + u) * K + k;
    if (lattice) return { lower: lattice.lower[u * K + k], upper: lattice.upper[u * K + k] };
    if (analytic) {
      const node = framework.byCode.get(out.codes[k]);
      if (node?.type === 'indicator' && node.normalisation.method === 'goalposts' && node.normalisation.cap) {
        return cappedInterval(analytic.linearValue[i], analytic.linearSe[i], level, node.normalisation.scale);
      }
      return normalInterval(out.values[i], analytic.se[i], level);
    }
    const b = boot!;
    return percentileBootstrapInterval(b.samples.subarray((u * K + k) * b.draws, (u * K + k + 1) * b.draws), level);
  };
  const changeInterval = (u: number, k: number, lag: number): ChangeInterval | null => {
    const q = p - lag;
    if (q < 0) return null;
    const now = out.values[(p * U + u) * K + k];
    const before = out.values[(q * U + u) * K + k];
    if (now !== now || before !== before) return null;
    // The published change is the difference of the two published (rounded) values, as
    // the release writes it; the interval is centred on it.
    const published = new Exact(roundNumberHalfUp(now, decimals)).minus(roundNumberHalfUp(before, decimals));
    const change = published.toNumber();
    const shift = change - (now - before);
    let interval: Interval;
    if (lattice) interval = { lower: lattice.changeLower[lag][u * K + k] + shift, upper: lattice.changeUpper[lag][u * K + k] + shift };
    else if (analytic) interval = normalInterval(change, analytic.changeSe[lag][(p * U + u) * K + k], level);
    else {
      const b = boot!;
      const raw = percentileBootstrapInterval(b.changeSamples[lag].subarray((u * K + k) * b.draws, (u * K + k + 1) * b.draws), level);
      interval = { lower: raw.lower + shift, upper: raw.upper + shift };
    }
    // The verdict is read off the interval as published (rounded): a reader who sees "−2.48 to 0.00"
    // sees zero inside it, and a change that is 0.00 to 0.00 is no change whatever rounding noise is below.
    const lower = roundNumberHalfUp(interval.lower, decimals);
    const upper = roundNumberHalfUp(interval.upper, decimals);
    const verdict = changeVerdict({ lower: Number(lower), upper: Number(upper) });
    if (verdict === null) return null;
    return { change: roundNumberHalfUp(change, decimals), lower, upper, verdict, verdictName: VERDICT_NAMES[verdict] };
  };

  const regions = out.units.map((unit, u) => ({
    unit,
    nodes: nodeOrder.map((code) => {
      const k = column.get(code)!;
      const value = out.values[(p * U + u) * K + k];
      const iv = value === value ? valueInterval(u, k) : null;
      return {
        code,
        interval: iv && iv.lower === iv.lower ? { value: roundNumberHalfUp(value, decimals), lower: roundNumberHalfUp(iv.lower, decimals), upper: roundNumberHalfUp(iv.upper, decimals) } : null,
        mom: changeInterval(u, k, 1),
        yoy: changeInterval(u, k, year),
      };
    }),
  }));

  // The ranking of the index.
  const rootColumn = column.get(framework.root)!;
  const ranked = (options.rankUnits ?? out.units).filter((unit) => {
    const u = out.units.indexOf(unit);
    if (u < 0) throw new RangeError(`monthUncertainty: rank unit "${unit}" is not in the build`);
    return out.values[(p * U + u) * K + rootColumn] === out.values[(p * U + u) * K + rootColumn];
  });
  const rankedIndex = ranked.map((unit) => out.units.indexOf(unit));
  const observed = rankedIndex.map((u) => out.values[(p * U + u) * K + rootColumn]);
  let replicates: Float64Array[];
  let neighbours;
  if (lattice) {
    // Each index drawn to match its published interval (its median the value, its ends the interval's), not a normal of
    // its standard error: a small district's interval is lumpy and one-sided, and a normal would rank it too surely.
    const lower = rankedIndex.map((u) => lattice.lower[u * K + rootColumn]);
    const upper = rankedIndex.map((u) => lattice.upper[u * K + rootColumn]);
    replicates = splitNormalReplicates(observed, lower, upper, level, draws, seed);
    neighbours = splitNormalNeighbourProbabilities(ranked, observed, lower, upper, level);
  } else if (analytic) {
    const se = rankedIndex.map((u) => analytic.se[(p * U + u) * K + rootColumn]);
    replicates = normalReplicates(observed, se, draws, seed);
    neighbours = neighbourProbabilities(ranked, observed, se);
  } else {
    const b = boot!;
    replicates = rankedIndex.map((u) => b.samples.slice((u * K + rootColumn) * b.draws, (u * K + rootColumn + 1) * b.draws));
    neighbours = neighbourProbabilitiesFromReplicates(ranked, observed, replicates);
  }

  const chart = options.chart ?? DEFAULT_CHART;
  const charts = controlCharts(result.raw, framework, chart);
  const chartAt = charts.length ? charts[0].periods.indexOf(month) : -1;
  const warnings = charts.filter((c) => c.outOfControl[chartAt] === 1).map((c) => publishedChart(c, month, { decimals, historyMonths: options.historyMonths }));
  const charted = chartAt < 0 ? 0 : charts.filter((c) => c.charted[chartAt] === 1).length;

  return {
    month,
    method,
    level,
    draws,
    seed,
    regions,
    ranking: {
      code: framework.root,
      units: rankIntervals(ranked, observed, replicates, level),
      neighbours: neighbours.map((n) => ({ higher: n.higher, lower: n.lower, probability: roundNumberHalfUp(n.probability, 2) })),
    },
    warnings,
    charted,
    chart,
  };
}
