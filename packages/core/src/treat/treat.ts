import type { Framework } from '../framework/defineFramework.ts';
import { ValidationError, type ValidationIssue } from '../framework/frameworkError.ts';
import type { TreatmentSpec } from '../framework/methods.ts';
import { Flag } from '../panel/flags.ts';
import type { Panel } from '../panel/panel.ts';
import { columnIndex } from '../panel/columnIndex.ts';
import { treatInto, treatmentWork } from '../methods/treatmentMethods.ts';
import type { ColumnTreatment } from './treatColumn.ts';

/** What `treat` did to one indicator in one period. */
export interface TreatmentReport extends ColumnTreatment {
  readonly period: string;
  readonly code: string;
  /** The units whose value changed, in panel order. */
  readonly units: readonly string[];
}

/**
 * Outlier treatment as COINr's default `Treat()`, applied to each indicator
 * whose `treatment` is `winsorise`, one period at a time: the cross-section
 * of units in a period is one COINr data set (see `treatColumn`). Indicators
 * with treatment `none` and columns that are not indicators pass through.
 *
 * Changed cells get `Flag.Treated` on top of their flags. The report has
 * one entry per (period, treated indicator), in period then framework
 * order, including columns left as they were. Indicators the panel lacks
 * are listed in a `ValidationError`. The input panel is not changed.
 *
 * @example
 * // framework: indicator "x" with treatment { method: 'winsorise' } (COINr defaults)
 * const units = Array.from({ length: 11 }, (_, i) => `u${i + 1}`); // u1 … u11
 * const p = createPanel({ units, periods: ['2025'], codes: ['x'], values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100] });
 * const { panel, report } = treat(p, framework);
 * getValue(panel, 'u11', '2025', 'x'); // 10 (winsorised to the next highest value)
 * getFlags(panel, 'u11', '2025', 'x'); // Flag.Treated
 * report[0]; // { period: '2025', code: 'x', method: 'winsorised', winsorisedHigh: 1, units: ['u11'], passed: true, … }
 */
export function treat(panel: Panel, framework: Framework): { panel: Panel; report: TreatmentReport[] } {
  const issues: ValidationIssue[] = [];
  const jobs: { c: number; code: string; spec: TreatmentSpec }[] = [];
  for (let k = 0; k < framework.indicators.length; k++) {
    const code = framework.indicators[k];
    const node = framework.byCode.get(code);
    const c = columnIndex(panel.codes, code, k);
    if (c < 0) issues.push({ path: `indicator "${code}"`, message: 'is not a column of the panel' });
    else if (node?.type === 'indicator' && node.treatment.method !== 'none') jobs.push({ c, code, spec: node.treatment });
  }
  if (issues.length > 0) throw new ValidationError('the panel', issues);
  // Nothing to treat: the panel passes unchanged (panels are never written to), with no copy.
  if (jobs.length === 0) return { panel, report: [] };

  const U = panel.units.length;
  const C = panel.codes.length;
  const values = new Float64Array(panel.values);
  const flags = new Uint8Array(panel.flags);
  const report: TreatmentReport[] = [];
  const section = new Float64Array(U);
  const work = treatmentWork(U);
  for (let p = 0; p < panel.periods.length; p++) {
    for (const { c, code, spec } of jobs) {
      const base = p * U * C + c;
      for (let u = 0; u < U; u++) section[u] = panel.values[base + u * C];
      treatInto(section, U, spec, work);
      const units: string[] = [];
      for (let u = 0; u < U; u++) {
        if (work.marks[u] === 0) continue;
        const i = base + u * C;
        values[i] = work.out[u];
        flags[i] |= Flag.Treated;
        units.push(panel.units[u]);
      }
      // The work's fields other than its arrays are the column's report (`ColumnTreatment`), named
      // one by one: an object rest and spread per column cost more than the kernel.
      report.push({
        period: panel.periods[p],
        code,
        method: work.method,
        winsorisedHigh: work.winsorisedHigh,
        winsorisedLow: work.winsorisedLow,
        skewBefore: work.skewBefore,
        kurtBefore: work.kurtBefore,
        skewAfter: work.skewAfter,
        kurtAfter: work.kurtAfter,
        passed: work.passed,
        units,
      });
    }
  }
  return {
    panel: { units: [...panel.units], periods: [...panel.periods], codes: [...panel.codes], values, flags },
    report,
  };
}
