import type { Framework } from '../framework/defineFramework.ts';
import { ValidationError, type ValidationIssue } from '../framework/frameworkError.ts';
import type { TreatmentSpec } from '../framework/methods.ts';
import { Flag } from '../panel/flags.ts';
import type { Panel } from '../panel/panel.ts';
import { columnIndex } from '../panel/columnIndex.ts';
import { measuredBefore, treatInto, treatmentWork, type TreatmentWork } from '../methods/treatmentMethods.ts';
import { momentsOfTwoInto, type CentralMoments } from './centralMoments.ts';
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
  const sections = [new Float64Array(U), new Float64Array(U)];
  const pairMoments: [CentralMoments, CentralMoments] = [
    { n: 0, m2: Number.NaN, m3: Number.NaN, kurt: Number.NaN },
    { n: 0, m2: Number.NaN, m3: Number.NaN, kurt: Number.NaN },
  ];
  const work = treatmentWork(U);
  // The columns two by two, as the analyses' replications treat them:
  // both measured at once (`momentsOfTwoInto`, the same moments found
  // faster), then each treated with its moments given.
  for (let p = 0; p < panel.periods.length; p++) {
    for (let j = 0; j < jobs.length; j += 2) {
      const pair = j + 1 < jobs.length;
      gather(panel.values, p * U * C + jobs[j].c, C, sections[0]);
      if (pair) {
        gather(panel.values, p * U * C + jobs[j + 1].c, C, sections[1]);
        momentsOfTwoInto(sections[0], sections[1], U, pairMoments[0], pairMoments[1]);
      }
      for (let side = 0; side < (pair ? 2 : 1); side++) {
        const { c, code, spec } = jobs[j + side];
        if (pair) measuredBefore(work, pairMoments[side]);
        treatInto(sections[side], U, spec, work);
        report.push(columnReport(panel, p, c, code, work, values, flags));
      }
    }
  }
  return {
    panel: { units: [...panel.units], periods: [...panel.periods], codes: [...panel.codes], values, flags },
    report,
  };
}

/** Column `c`'s cells of a period's rows from `base` (`C` codes a row) into `section`. */
function gather(values: Float64Array, base: number, C: number, section: Float64Array): void {
  for (let u = 0; u < section.length; u++) section[u] = values[base + u * C];
}

/** Writes the treated cells of column `c` in period `p` into `values` and `flags`, and returns the column's report. */
function columnReport(panel: Panel, p: number, c: number, code: string, work: TreatmentWork, values: Float64Array, flags: Uint8Array): TreatmentReport {
  const U = panel.units.length;
  const base = p * U * panel.codes.length + c;
  const step = panel.codes.length;
  const { marks, out } = work;
  const units: string[] = [];
  // A column left as it was has no marks.
  if (work.method !== 'none') {
    for (let u = 0; u < U; u++) {
      if (marks[u] === 0) continue;
      const i = base + u * step;
      values[i] = out[u];
      flags[i] |= Flag.Treated;
      units.push(panel.units[u]);
    }
  }
  // The work's fields other than its arrays are the column's report (`ColumnTreatment`), named
  // one by one: an object rest and spread per column cost more than the kernel.
  return {
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
  };
}
