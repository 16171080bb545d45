import type { Framework } from '../framework/defineFramework.ts';
import type { Panel } from '../panel/panel.ts';

/**
 * Each indicator with a `window` becomes the sum (or mean) of its values over
 * the trailing window of periods ending at each period, per unit: with 12
 * months, a monthly rate becomes the rate over the last 12 months, free of
 * seasonality and steady when one rare event happens. A window with fewer
 * than `minPeriods` values present (default: all) is missing; the first
 * periods of a panel, whose window reaches before the data, are missing too.
 * A result's flags are the union of the flags in its window. Indicators
 * without a window pass through; other columns are kept as they are.
 *
 * @example
 * // window { periods: 3, statistic: 'sum' } over 1, 2, 3, 4 → NaN, NaN, 6, 9
 * trailingWindow(panel, fw);
 */
export function trailingWindow(panel: Panel, framework: Framework): Panel {
  const U = panel.units.length;
  const P = panel.periods.length;
  const C = panel.codes.length;
  // No window anywhere: the panel passes unchanged (panels are never written to), with no copy.
  // (The framework's nodes are read first: when none has a window, no column is looked up.)
  if (!framework.nodes.some((node) => node.type === 'indicator' && node.window)) return panel;
  if (!panel.codes.some((code) => { const node = framework.byCode.get(code); return node?.type === 'indicator' && node.window; })) return panel;
  const values = Float64Array.from(panel.values);
  const flags = Uint8Array.from(panel.flags);
  panel.codes.forEach((code, c) => {
    const node = framework.byCode.get(code);
    if (!node || node.type !== 'indicator' || !node.window) return;
    const { periods: k, statistic } = node.window;
    const needed = node.window.minPeriods ?? k;
    for (let u = 0; u < U; u++) {
      for (let p = 0; p < P; p++) {
        const out = (p * U + u) * C + c;
        if (p < k - 1) {
          values[out] = Number.NaN;
          flags[out] = 0;
          continue;
        }
        let sum = 0;
        let present = 0;
        let f = 0;
        for (let q = p - k + 1; q <= p; q++) {
          const i = (q * U + u) * C + c;
          const v = panel.values[i];
          if (v === v) {
            sum += v;
            present++;
            f |= panel.flags[i];
          }
        }
        if (present < needed) {
          values[out] = Number.NaN;
          flags[out] = 0;
        } else {
          // A sum over fewer periods than the window is scaled up to the whole window.
          values[out] = statistic === 'mean' ? sum / present : (sum * k) / present;
          flags[out] = f;
        }
      }
    }
  });
  return { units: panel.units, periods: panel.periods, codes: panel.codes, values, flags };
}
