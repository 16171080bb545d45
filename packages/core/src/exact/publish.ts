import { runExactParts, type ExactPart } from './exactParts.ts';
import type { Decimal } from 'decimal.js';
import type { IndicatorNode } from '../framework/defineFramework.ts';
import { Flag } from '../panel/flags.ts';
import { scoresAcrossPeriods } from '../normalise/scoresAcrossPeriods.ts';
import type { IndexResult } from '../pipeline/buildIndex.ts';
import { aggregateDecimals } from './aggregateExact.ts';
import { decomposeChange } from './contributions.ts';
import { Exact, roundHalfUp, toExact } from './decimal.ts';
import { joinExactPeriods, type ExactPanel } from './exactPanel.ts';
import { selectPeriods } from '../panel/panel.ts';
import { largestRemainder } from './largestRemainder.ts';
import { normaliseDecimals } from './normaliseExact.ts';
import { packPanel, type DecimalPanel } from './decimalPanel.ts';
import { exactAt } from './packedExact.ts';
import type { Framework } from '../framework/defineFramework.ts';

/** What the exact path reads of a build: its framework, raw data and treated indicators. */
export type ExactSource = Pick<IndexResult, 'framework' | 'raw' | 'treated'>;

/**
 * The indicator values that enter normalisation, as exact decimals: rates
 * are computed again in decimal from the raw counts and denominators
 * (count × (scale / denominator)); cells
 * that were imputed, treated or log-transformed (whose float64 value is the
 * method's own result) enter as their float64 value.
 *
 * @example
 * exactInputs(result).codes; // result.framework.indicators
 */
export function exactInputs(result: ExactSource): ExactPanel {
  return packPanel(decimalInputs(result));
}

/**
 * Each distinct scale / denominator as a decimal, keyed by scale, then by the
 * denominator's value: a division costs several multiplications, and a
 * population changes once a year, not every month.
 */
type FactorCache = Map<number, Map<number, Decimal>>;

/** `exactInputs` in the working form (decimal objects), as the exact path runs it; `cache` may be shared between calls. */
export function decimalInputs(result: ExactSource, cache: FactorCache = new Map()): DecimalPanel {
  const { framework, raw, treated } = result;
  const U = raw.units.length;
  const rows = U * raw.periods.length;
  const K = treated.codes.length;
  const R = raw.codes.length;
  const values: (Decimal | null)[] = new Array(rows * K).fill(null);
  // Each row's denominators are converted once, as scale / denominator.
  const factors = new Map<string, (Decimal | null)[]>();
  const factorsOf = (code: string, scale: number): (Decimal | null)[] => {
    const key = `${code}\u0000${scale}`;
    let list = factors.get(key);
    if (!list) {
      const dc = raw.codes.indexOf(code);
      const s = new Exact(scale);
      let byValue = cache.get(scale);
      if (!byValue) cache.set(scale, (byValue = new Map()));
      const known = byValue;
      list = Array.from({ length: rows }, (_, j) => {
        const den = raw.values[j * R + dc];
        if (!Number.isFinite(den) || den === 0) return null;
        let factor = known.get(den);
        if (!factor) known.set(den, (factor = s.div(den)));
        return factor;
      });
      factors.set(key, list);
    }
    return list;
  };
  treated.codes.forEach((code, k) => {
    const node = framework.byCode.get(code) as IndicatorNode;
    const c = raw.codes.indexOf(code);
    const perUnit = node.denominator ? factorsOf(node.denominator.code, node.denominator.scale) : null;
    // The exact denominated value of every cell (null where it cannot be recomputed).
    const base: (Decimal | null)[] = new Array(rows);
    for (let j = 0; j < rows; j++) {
      const x = c < 0 ? Number.NaN : raw.values[j * R + c];
      const factor = perUnit ? perUnit[j] : null;
      // factor × x reads x straight into the product: one decimal fewer than new Exact(x).times(factor).
      base[j] = Number.isNaN(x) || (perUnit && factor === null) ? null : factor ? factor.times(x) : new Exact(x);
    }
    const window = node.window;
    for (let j = 0; j < rows; j++) {
      const float = treated.values[j * K + k];
      const changed = (treated.flags[j * K + k] & (Flag.Imputed | Flag.Treated)) !== 0 || node.transform !== 'none';
      if (Number.isNaN(float) || changed || c < 0) {
        values[j * K + k] = toExact(float);
        continue;
      }
      if (!window) {
        values[j * K + k] = base[j] ?? toExact(float);
        continue;
      }
      // The trailing window again, in decimal (the float path says it is present).
      const p = Math.floor(j / U);
      const u = j % U;
      let sum: Decimal | null = null;
      let present = 0;
      for (let q = Math.max(0, p - window.periods + 1); q <= p; q++) {
        const b = base[q * U + u];
        if (b !== null) {
          sum = sum === null ? b : sum.plus(b);
          present++;
        }
      }
      values[j * K + k] =
        sum === null ? toExact(float) : window.statistic === 'mean' ? sum.div(present) : sum.times(window.periods).div(present);
    }
  });
  return { units: treated.units, periods: treated.periods, codes: treated.codes, values, flags: treated.flags };
}

/**
 * The exact decimal counterpart of `result.aggregated`: normalisation and
 * aggregation redone in decimal.js from `exactInputs(result)`. Published
 * values come from here; the float64 path serves analysis, and the two agree
 * within 1e-9.
 *
 * With `{ parts, run }` the build is cut into `parts` blocks of periods
 * that run side by side: every block but the first goes to `run` (a Web
 * Worker or a Node worker thread, typically, whose side is
 * `exactPartMessageHandler`), while the calling thread computes the first;
 * the promised result is the same, digit for digit.
 *
 * @example
 * const exact = buildExact(buildIndex(fw, panel));
 * getExact(exact, 'X', '2025-10', fw.root)?.toFixed(2); // e.g. '87.25'
 * const same = await buildExact(result, { parts: 2, run: (part) => postToWorker(part) });
 */
export function buildExact(result: ExactSource): ExactPanel;
export function buildExact(result: ExactSource, threads: { readonly parts: number; readonly run: (part: ExactPart) => Promise<ExactPanel> }): Promise<ExactPanel>;
export function buildExact(
  result: ExactSource,
  threads?: { readonly parts: number; readonly run: (part: ExactPart) => Promise<ExactPanel> },
): ExactPanel | Promise<ExactPanel> {
  if (threads) return runExactParts(result, threads.parts, threads.run);
  const { framework } = result;
  if (!periodLocal(framework) || result.raw.periods.length < 2) {
    return packPanel(aggregateDecimals(normaliseDecimals(decimalInputs(result), framework), framework));
  }
  // Every step looks at one period only, so the panel is built and packed
  // period by period: the decimal objects then die young, which keeps the
  // garbage collector's work small on a big panel.
  const cache: FactorCache = new Map();
  const parts = result.raw.periods.map((period) => {
    const slice: ExactSource = { framework, raw: selectPeriods(result.raw, [period]), treated: selectPeriods(result.treated, [period]) };
    return packPanel(aggregateDecimals(normaliseDecimals(decimalInputs(slice, cache), framework), framework));
  });
  return joinExactPeriods(parts);
}

/** Whether some indicator is scored against other periods (see `scoresAcrossPeriods`). */
export function poolsPeriods(framework: Framework): boolean {
  return framework.indicators.some((code) => scoresAcrossPeriods((framework.byCode.get(code) as IndicatorNode).normalisation));
}

/** How many earlier periods the longest trailing window reads (0 without windows). */
export function windowReach(framework: Framework): number {
  return Math.max(0, ...framework.indicators.map((code) => ((framework.byCode.get(code) as IndicatorNode).window?.periods ?? 1) - 1));
}

/** Whether no step of the framework looks beyond one period: no windows, no base periods, no pooled scopes. */
function periodLocal(framework: Framework): boolean {
  return windowReach(framework) === 0 && !poolsPeriods(framework);
}

/** A published change and its contributions, as decimal strings that add up. */
export interface PublishedChange {
  readonly from: string;
  readonly to: string;
  /** The published (rounded) value at `to` minus the published value at `from`. */
  readonly change: string;
  /** Per indicator, rounded so that they add up exactly to `change`. */
  readonly contributions: Readonly<Record<string, string>>;
}

/**
 * The change of a unit's published index from one period to another, with
 * per-indicator contributions rounded (largest remainder) so that the
 * published contributions add up exactly to the published change. `null`
 * when the index is missing in either period or a period lies before the
 * panel's first; an unknown unit or any other missing period is an
 * `UnknownCodeError`.
 *
 * @example
 * publishChange(fw, exact, 'X', '2025-09', '2025-10');
 * // { from: '2025-09', to: '2025-10', change: '1.25', contributions: { a: '0.80', b: '0.45' } }
 */
export function publishChange(
  framework: Framework,
  exact: ExactPanel,
  unit: string,
  from: string,
  to: string,
  decimals = framework.decimals,
): PublishedChange | null {
  const decomposition = decomposeChange(framework, exact, unit, from, to);
  if (!decomposition) return null;
  const u = exact.units.indexOf(unit);
  const C = exact.codes.length;
  const r = exact.codes.indexOf(framework.root);
  const at = (period: string) => exactAt(exact.values, (exact.periods.indexOf(period) * exact.units.length + u) * C + r) as Decimal;
  const published = new Exact(roundHalfUp(at(to), decimals)).minus(roundHalfUp(at(from), decimals));
  const codes = framework.indicators;
  const rounded = largestRemainder(
    codes.map((code) => decomposition.contributions[code]),
    published,
    decimals,
  );
  return {
    from,
    to,
    change: roundHalfUp(published, decimals),
    contributions: Object.fromEntries(codes.map((code, i) => [code, roundHalfUp(rounded[i], decimals)])),
  };
}
