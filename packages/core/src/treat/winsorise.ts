import { checkSkewKurt, type SkewKurtThresholds } from './checkSkewKurt.ts';

export interface WinsoriseSpec extends SkewKurtThresholds {
  /** The most points to winsorise (COINr `winmax`, default 5); `Infinity` for no limit. */
  readonly winmax: number;
}

export interface WinsoriseResult {
  readonly values: Float64Array;
  /** COINr's `nwin`: the size of the last high set plus the last low set. */
  readonly nwin: number;
  /** Positions COINr marks `winhi` (winsorised at the top), ascending. */
  readonly high: readonly number[];
  /** Positions COINr marks `winlo` (winsorised at the bottom), ascending. */
  readonly low: readonly number[];
  /** Whether the result passes `checkSkewKurt` (`null`: undefined, see there). */
  readonly passed: boolean | null;
  readonly skew: number;
  readonly kurt: number;
}

/**
 * COINr's `winsorise()`: while the data fail `checkSkewKurt` and fewer than
 * `winmax` points have been winsorised, reassign the highest value(s) (when
 * skew ≥ 0) or the lowest value(s) (when skew < 0) to the next highest or
 * lowest value. Tied extremes move together, and points winsorised earlier
 * are tied at the extreme, so they move again; COINr counts
 * `nwin = (size of the last high set) + (size of the last low set)`, which
 * may end above `winmax` when several points tie. `NaN` values are ignored
 * and kept. Data that already pass (or whose check is undefined) are
 * returned as they are.
 *
 * @example
 * // 1…10, 100 fails (skew 3.26 ≥ 2, kurt 10.71 ≥ 3.5); 100 → 10 (the next
 * // highest), and 1…10, 10 has skew −0.13, |−0.13| < 2: passes after 1 point.
 * const w = winsorise([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100], { winmax: 5, skewThreshold: 2, kurtosisThreshold: 3.5 });
 * w.values; // Float64Array [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10]
 * w.high; // [10]
 */
export function winsorise(x: ArrayLike<number>, spec: WinsoriseSpec): WinsoriseResult {
  const values = Float64Array.from(x);
  const n = values.length;
  let check = checkSkewKurt(values, spec);
  let high: number[] = [];
  let low: number[] = [];
  let nwin = 0;
  // COINr: `while ((!passing) & below_winmax)`. A check that becomes NA with
  // points still allowed makes R stop with an error, which `Treat()` catches
  // and answers with the untreated data; here the loop ends with `passed: null`.
  while (check.pass === false && nwin < spec.winmax) {
    if (check.skew >= 0) {
      // imax <- which(x == max(x)); x[imax] <- max(x[-imax])
      let max = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < n; i++) if (values[i] > max) max = values[i];
      let next = Number.NEGATIVE_INFINITY;
      high = [];
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (v === max) high.push(i);
        else if (v > next) next = v;
      }
      for (const i of high) values[i] = next;
    } else {
      let min = Number.POSITIVE_INFINITY;
      for (let i = 0; i < n; i++) if (values[i] < min) min = values[i];
      let next = Number.POSITIVE_INFINITY;
      low = [];
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (v === min) low.push(i);
        else if (v < next) next = v;
      }
      for (const i of low) values[i] = next;
    }
    nwin = high.length + low.length;
    check = checkSkewKurt(values, spec);
  }
  // COINr: treated[imax] <- "winhi"; treated[imin] <- "winlo" (the low mark wins a tie).
  const lowSet = new Set(low);
  return {
    values,
    nwin,
    high: high.filter((i) => !lowSet.has(i)),
    low,
    passed: check.pass,
    skew: check.skew,
    kurt: check.kurt,
  };
}
