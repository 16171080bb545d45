/**
 * The published 90% intervals carried over to the weights in force (issue 9):
 * whether a change of the tuned index is real or chance. A release's
 * intervals come from the exact distribution of the counts (core's
 * `latticeIntervals`), too heavy for the page; the page scales each one by
 * the ratio of the index's normal standard errors under the current and the
 * official weights (`ChanceErrors`, computed at build time). With the
 * official weights the ratio is 1 and the interval is the published one; the
 * verdict is read off the interval as shown, by the releases' rule.
 */
import { changeVerdict, type Verdict } from '@pingan/core';
import type { ChanceErrors } from '../../lib/chanceErrors.ts';
import { formatValue } from './format.ts';

/** A published change: its value, its interval and its verdict, as the release gives them. */
export interface ChangeFigure {
  value: string;
  lower: string;
  upper: string;
  verdict: Verdict;
}

/** The whole place's published index in one period with its interval, and its two changes (release format 2). */
export interface PublishedChance {
  /** The intervals' level, e.g. 0.9. */
  level: number;
  index: { value: string; lower: string; upper: string } | null;
  mom: ChangeFigure | null;
  yoy: ChangeFigure | null;
}

/** What the headline shows: the index's interval and the changes with theirs, at the current weights. */
export interface ShownChance {
  level: number;
  index: { lower: string; upper: string } | null;
  mom: ChangeFigure | null;
  yoy: ChangeFigure | null;
  /** Scaled from the published intervals (the weights are not the official ones). */
  scaled: boolean;
  /** A published figure that could not be scaled (a weighted indicator without a standard error, or no tuned figure): the page says so. */
  incomplete: boolean;
}

/**
 * √(Σ w_i² se_i²) over the indicators of period row `row` of one of
 * `errors`' arrays: the standard error of Σ w_i s_i for independent
 * indicators. NaN where an indicator that has weight has no standard error.
 *
 * @example
 * // Two indicators of standard errors 3 and 4, weighted 0.5 each: √(1.5² + 2²) = 2.5.
 * combinedError([3, 4], 0, [0.5, 0.5]); // 2.5
 */
export function combinedError(errors: readonly (number | null)[], row: number, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] === 0) continue;
    const se = errors[row * weights.length + i];
    if (se === null || se === undefined) return Number.NaN;
    sum += weights[i] * weights[i] * se * se;
  }
  return Math.sqrt(sum);
}

/**
 * A published interval carried over to a tuned value: its ends' distances
 * from the published value, times `ratio`, from `value`; rounded to
 * `decimals` as published.
 *
 * @example
 * // Published 85.93 in [84.44, 87.24]; tuned to 86.10 with a standard error 1.2 times the official one.
 * scaledInterval({ value: '85.93', lower: '84.44', upper: '87.24' }, 86.1, 1.2, 2); // { lower: '84.31', upper: '87.67' }
 */
export function scaledInterval(published: { value: string; lower: string; upper: string }, value: number, ratio: number, decimals: number): { lower: string; upper: string } {
  const centre = Number(published.value);
  return {
    lower: formatValue(value + ratio * (Number(published.lower) - centre), decimals),
    upper: formatValue(value + ratio * (Number(published.upper) - centre), decimals),
  };
}

/** The tuned index's value and changes in one period, for `tunedChance`. */
export interface TunedFigures {
  value: number;
  mom: number;
  yoy: number;
}

/**
 * The intervals scaled to the current weights: each published one by the
 * ratio of the index's standard errors (`combinedError` under `weights` and
 * `officialWeights`, the indicators' effective weights in `errors`' order)
 * around the tuned figure, with the change's verdict read off its interval as
 * shown. A figure without a published interval, a standard error or a tuned
 * value has none (null); `incomplete` marks a published one left so.
 *
 * @example
 * const shown = tunedChance(published, errors, '2025-10', tuned, weights, officialWeights, 2);
 * shown.mom?.verdict; // 'unchanged' while the scaled interval of the month's change holds 0
 */
export function tunedChance(
  published: PublishedChance,
  errors: ChanceErrors,
  period: string,
  tuned: TunedFigures,
  weights: readonly number[],
  officialWeights: readonly number[],
  decimals: number,
): ShownChance {
  const row = errors.periods.indexOf(period);
  const ratio = (of: readonly (number | null)[]): number => (row >= 0 ? combinedError(of, row, weights) / combinedError(of, row, officialWeights) : Number.NaN);
  const levelRatio = ratio(errors.level);
  const index = published.index && Number.isFinite(levelRatio) && Number.isFinite(tuned.value) ? scaledInterval(published.index, tuned.value, levelRatio, decimals) : null;
  const change = (figure: ChangeFigure | null, of: readonly (number | null)[], value: number): ChangeFigure | null => {
    const r = ratio(of);
    if (!figure || !Number.isFinite(r) || !Number.isFinite(value)) return null;
    const interval = scaledInterval(figure, value, r, decimals);
    return { value: formatValue(value, decimals), ...interval, verdict: changeVerdict({ lower: Number(interval.lower), upper: Number(interval.upper) }) ?? 'unchanged' };
  };
  const mom = change(published.mom, errors.mom, tuned.mom);
  const yoy = change(published.yoy, errors.yoy, tuned.yoy);
  const incomplete = (published.index !== null && index === null) || (published.mom !== null && mom === null) || (published.yoy !== null && yoy === null);
  return { level: published.level, index, mom, yoy, scaled: true, incomplete };
}

/**
 * Why the headline shows no interval for the current settings: 'methods' (min–max scaling or a geometric
 * mean, where no ratio of the goalposts' arithmetic standard errors applies), 'bootstrap' (the framework is
 * not linear in its counts: its releases' intervals come from the bootstrap, which no such ratio carries over).
 */
export type NoChance = 'methods' | 'bootstrap';

/** What `headlineChance` reads: the basis period's published figures, the settings, and the tuned figures. */
export interface HeadlineChanceInput {
  published: PublishedChance | null;
  /** The settings are the official ones. */
  official: boolean;
  /** The official goalposts and arithmetic means (only the weights may differ). */
  linearSettings: boolean;
  /** The observations are in (`errors` is what they carry). */
  loaded: boolean;
  errors: ChanceErrors | null;
  period: string;
  tuned: TunedFigures;
  weights: readonly number[];
  officialWeights: readonly number[];
  decimals: number;
}

/**
 * The headline's intervals: none for a release without them (null); the
 * published ones with the official settings; scaled to the current weights
 * (`tunedChance`) once the observations are in; else why not (`NoChance`).
 *
 * @example
 * headlineChance({ ...input, official: true }); // the published intervals, as released
 * headlineChance({ ...input, official: false, linearSettings: false }); // 'methods'
 */
export function headlineChance(input: HeadlineChanceInput): ShownChance | NoChance | null {
  const { published } = input;
  if (!published) return null;
  if (input.official) return { level: published.level, index: published.index && { lower: published.index.lower, upper: published.index.upper }, mom: published.mom, yoy: published.yoy, scaled: false, incomplete: false };
  if (!input.linearSettings) return 'methods';
  if (!input.loaded) return null;
  if (!input.errors) return 'bootstrap';
  return tunedChance(published, input.errors, input.period, input.tuned, input.weights, input.officialWeights, input.decimals);
}
