/**
 * What the workbench needs to carry the published intervals over to tuned
 * weights (issue 9): the standard error at unit weight of each indicator's
 * score and of its two changes, for the whole place in each released month,
 * from core's normal propagation (`analyticUncertainty`) of the published
 * observations (the inputs.csv files). Computed at build time: the noise
 * model is not shipped to the browser, only these numbers.
 *
 * Indicators are independent, so an arithmetic mean's variance is
 * Σ e_i² Var s_i for its effective weights e_i (and a change's, when its
 * weights are those of both months, Σ e_i² Var Δs_i): the index's standard
 * error under any weights is a sum over these numbers, and the ratio of the
 * tuned to the official one scales the published interval (`tunedChance`).
 */
import { analyticSupport, analyticUncertainty, buildIndex, cellNoise, panelFromObservations, panelPeriodsPerYear, type Framework, type Observation } from '@pingan/core';

/** Standard errors at unit weight of the whole place's indicator scores, by released month (period-major, then indicator). */
export interface ChanceErrors {
  /** The region they are for (the whole place). */
  unit: string;
  /** The released months (or quarters) with an index. */
  periods: string[];
  /** The framework's indicators, in its order. */
  indicators: string[];
  /** How many periods back the year-on-year change compares (12 months, 4 quarters). */
  yearLag: number;
  /** Of the score; null where it is missing. Four significant digits: a ratio of sums of them is good to about 1e-4 of itself, which moves an interval's end far less than the hundredth of a point it is shown to. */
  level: (number | null)[];
  /** Of its change from the period before (环比). */
  mom: (number | null)[];
  /** Of its change from the same period a year before (同比). */
  yoy: (number | null)[];
}

/** Four significant digits (see `ChanceErrors.level`), null for a missing value. */
const short = (x: number): number | null => (Number.isFinite(x) ? Number(x.toPrecision(4)) : null);

/**
 * The standard errors for `unit` in `periods`, or null where the framework is
 * not linear in its raw values (`analyticSupport`: the releases then use the
 * bootstrap, whose intervals no ratio of normal standard errors carries over).
 *
 * @example
 * const errors = chanceErrors(fw, observations, '430300', ['2025-10']);
 * errors?.level[errors.indicators.indexOf('homicide')]; // the city's homicide score's standard error in 2025-10
 */
export function chanceErrors(framework: Framework, observations: readonly Observation[], unit: string, periods: readonly string[]): ChanceErrors | null {
  if (analyticSupport(framework).length > 0) return null;
  const result = buildIndex(framework, panelFromObservations(framework, observations));
  const out = result.aggregated;
  const u = out.units.indexOf(unit);
  if (u < 0) return null;
  const wanted = periods.filter((p) => out.periods.includes(p));
  const yearLag = panelPeriodsPerYear(out.periods);
  const indicators = [...framework.indicators];
  const uncertainty = analyticUncertainty(result, [1, yearLag], cellNoise(result.raw, framework), { codes: indicators, periods: wanted });
  const U = out.units.length;
  const K = out.codes.length;
  const columns = indicators.map((code) => out.codes.indexOf(code));
  const pick = (values: Float64Array) => wanted.flatMap((period) => columns.map((k) => short(values[(out.periods.indexOf(period) * U + u) * K + k])));
  return {
    unit,
    periods: wanted,
    indicators,
    yearLag,
    level: pick(uncertainty.se),
    mom: pick(uncertainty.changeSe[1]),
    yoy: pick(uncertainty.changeSe[yearLag]),
  };
}
