import type { TreatmentSpec } from '../framework/methods.ts';
import { passesSkewKurt } from './checkSkewKurt.ts';
import { logCT } from './logCT.ts';
import { skewAndKurtosis } from './skewAndKurtosis.ts';
import { winsorise } from './winsorise.ts';

/** COINr's default thresholds, used to report whether a column left untreated by spec would pass. */
const COINR_THRESHOLDS = { skewThreshold: 2, kurtosisThreshold: 3.5 };

/** What `treatColumn` did to one column. */
export interface ColumnTreatment {
  /** `none`: returned as given; `winsorised`: some points winsorised; `log`: `logCT` of the original column. */
  readonly method: 'none' | 'winsorised' | 'log';
  /** Points winsorised at the top (COINr's `winhi`). */
  readonly winsorisedHigh: number;
  /** Points winsorised at the bottom (COINr's `winlo`). */
  readonly winsorisedLow: number;
  readonly skewBefore: number;
  readonly kurtBefore: number;
  readonly skewAfter: number;
  readonly kurtAfter: number;
  /**
   * Whether the returned column passes the skew/kurtosis check. `null` when
   * the check is undefined (fewer than 3–4 values, or constant data at some
   * step), in which case COINr returns the column untreated.
   */
  readonly passed: boolean | null;
}

/**
 * COINr 1.1.14's default `Treat()` of one column (`f1 = "winsorise"`,
 * `f2 = "log_CT"`, `f_pass = "check_SkewKurt"`, `combine_treat = FALSE`),
 * `NaN` values ignored and kept:
 *
 * 1. If the column passes `checkSkewKurt` (|skew| < 2 or kurt < 3.5), return it.
 * 2. Else `winsorise` up to `winmax` points; if that passes, return it.
 * 3. Else, with `fallback: 'log'`, discard the winsorisation and return
 *    `logCT` of the original column, whether or not that passes; with
 *    `fallback: 'none'`, return the winsorised column, failing.
 *
 * If the check is undefined (R's `NA`) at any step, the column is returned
 * untreated, as COINr does. `changed` lists the positions whose value
 * changed (every present value, for the log).
 *
 * @example
 * const spec = { method: 'winsorise', winmax: 5, skewThreshold: 2, kurtosisThreshold: 3.5, fallback: 'log' } as const;
 * const { values, changed, report } = treatColumn([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100], spec);
 * values; // Float64Array [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10]
 * changed; // [10]
 * report.method; // 'winsorised'  (skew 3.26 → −0.13)
 */
export function treatColumn(
  x: ArrayLike<number>,
  spec: TreatmentSpec,
): { values: Float64Array; changed: number[]; report: ColumnTreatment } {
  const before = skewAndKurtosis(x);
  const untreated = (passed: boolean | null) => ({
    values: Float64Array.from(x),
    changed: [],
    report: {
      method: 'none' as const,
      winsorisedHigh: 0,
      winsorisedLow: 0,
      skewBefore: before.skew,
      kurtBefore: before.kurt,
      skewAfter: before.skew,
      kurtAfter: before.kurt,
      passed,
    },
  });
  if (spec.method === 'none') return untreated(passesSkewKurt(before.skew, before.kurt, COINR_THRESHOLDS));
  const pass0 = passesSkewKurt(before.skew, before.kurt, spec);
  if (pass0 !== false) return untreated(pass0);

  const w = winsorise(x, spec);
  if (w.passed === null) return untreated(null);
  if (w.passed || spec.fallback === 'none') {
    const changed = [...w.high, ...w.low].sort((a, b) => a - b);
    return {
      values: w.values,
      changed,
      report: {
        method: changed.length > 0 ? 'winsorised' : 'none',
        winsorisedHigh: w.high.length,
        winsorisedLow: w.low.length,
        skewBefore: before.skew,
        kurtBefore: before.kurt,
        skewAfter: w.skew,
        kurtAfter: w.kurt,
        passed: w.passed,
      },
    };
  }

  const logged = logCT(x);
  const after = skewAndKurtosis(logged);
  const passed = passesSkewKurt(after.skew, after.kurt, spec);
  if (passed === null) return untreated(null);
  const changed: number[] = [];
  for (let i = 0; i < logged.length; i++) if (!Number.isNaN(logged[i])) changed.push(i);
  return {
    values: logged,
    changed,
    report: {
      method: 'log',
      winsorisedHigh: 0,
      winsorisedLow: 0,
      skewBefore: before.skew,
      kurtBefore: before.kurt,
      skewAfter: after.skew,
      kurtAfter: after.kurt,
      passed,
    },
  };
}
