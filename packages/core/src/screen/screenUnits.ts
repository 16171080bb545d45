import { PinganError } from '../errors/pinganError.ts';
import type { Framework } from '../framework/defineFramework.ts';
import type { Panel } from '../panel/panel.ts';

export interface ScreenOptions {
  /**
   * The share of a unit's indicator values (over every indicator and period
   * of the panel) that must be present for the unit to stay: COINr's
   * `dat_thresh` with `unit_screen = "byNA"`.
   */
  readonly minAvailability: number;
}

/** A unit removed by `screenUnits`, with its data availability. */
export interface ScreenedUnit {
  readonly unit: string;
  /** Present indicator values / all indicator values of the unit. */
  readonly availability: number;
}

/**
 * COINr's `Screen` (`unit_screen = "byNA"`): removes the units whose data
 * availability is below `minAvailability`, and reports each removed unit
 * with its availability (nothing is dropped without a line in the report).
 * Availability counts the framework's indicators over every period of the
 * panel, so on one period it is exactly COINr's.
 *
 * @example
 * const fw = defineFramework({ id: 's', version: '1', name: { zh: '筛', en: 'Screen' }, nodes: [
 *   { code: 'index', type: 'aggregate', parent: null, name: { zh: '指数', en: 'Index' } },
 *   { code: 'x', type: 'indicator', parent: 'index', direction: 1, name: { zh: 'x', en: 'x' } },
 *   { code: 'y', type: 'indicator', parent: 'index', direction: 1, name: { zh: 'y', en: 'y' } },
 * ] });
 * const raw = createPanel({ units: ['A', 'B'], periods: ['2025'], codes: ['x', 'y'], values: [1, 2, 3, Number.NaN] });
 * const { panel, removed } = screenUnits(raw, fw, { minAvailability: 0.9 });
 * panel.units; // ['A']
 * removed; // [{ unit: 'B', availability: 0.5 }]
 */
export function screenUnits(panel: Panel, framework: Framework, options: ScreenOptions): { panel: Panel; removed: ScreenedUnit[] } {
  const threshold = options.minAvailability;
  if (!(threshold >= 0 && threshold <= 1)) throw new PinganError('invalid-argument', `minAvailability must be between 0 and 1, got ${threshold}`);
  const U = panel.units.length;
  const P = panel.periods.length;
  const C = panel.codes.length;
  const columns = framework.indicators.map((code) => panel.codes.indexOf(code)).filter((c) => c >= 0);
  const present = new Float64Array(U);
  for (let p = 0; p < P; p++) {
    for (let u = 0; u < U; u++) {
      const row = (p * U + u) * C;
      for (const c of columns) if (panel.values[row + c] === panel.values[row + c]) present[u]++;
    }
  }
  const cells = columns.length * P;
  const keep: number[] = [];
  const removed: ScreenedUnit[] = [];
  for (let u = 0; u < U; u++) {
    const availability = cells === 0 ? 0 : present[u] / cells;
    if (availability < threshold) removed.push({ unit: panel.units[u], availability });
    else keep.push(u);
  }
  if (removed.length === 0) return { panel, removed };
  const K = keep.length;
  const values = new Float64Array(P * K * C);
  const flags = new Uint8Array(P * K * C);
  for (let p = 0; p < P; p++) {
    keep.forEach((u, k) => {
      const from = (p * U + u) * C;
      values.set(panel.values.subarray(from, from + C), (p * K + k) * C);
      flags.set(panel.flags.subarray(from, from + C), (p * K + k) * C);
    });
  }
  return { panel: { units: keep.map((u) => panel.units[u]), periods: panel.periods, codes: panel.codes, values, flags }, removed };
}
