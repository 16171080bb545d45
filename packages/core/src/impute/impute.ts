import type { Framework } from '../framework/defineFramework.ts';
import { ValidationError, type ValidationIssue } from '../framework/frameworkError.ts';
import type { ImputationSpec } from '../framework/methods.ts';
import { Flag } from '../panel/flags.ts';
import type { Panel } from '../panel/panel.ts';
import { columnIndex } from '../panel/columnIndex.ts';
import { groupIndex, imputationMethods, imputeInto } from '../methods/imputationMethods.ts';

/** One cell filled in by `impute`. */
export interface ImputedCell {
  readonly unit: string;
  readonly period: string;
  readonly code: string;
  readonly method: Exclude<ImputationSpec['method'], 'none'>;
  readonly value: number;
  /** `locf`: the period whose value was carried; `interpolate`: the observed period before the gap. */
  readonly from?: string;
  /** `interpolate`: the observed period after the gap. */
  readonly to?: string;
  /** `groupMean` with a grouping: the unit's group. */
  readonly group?: string;
}

/** Every imputed cell, in panel order (period, then unit, then column). */
export type ImputationReport = ImputedCell[];

export interface ImputeOptions {
  /**
   * Unit groupings by name, each a map from unit to group (e.g.
   * `{ prefecture: { '430302': '4303', ... } }`), used by `groupMean`
   * imputation with a `grouping`.
   */
  readonly unitGroups?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/**
 * Fills in missing values of each indicator by its `imputation` spec:
 *
 * - `none`: left missing.
 * - `locf`: the unit's last observed value, carried forward at most
 *   `maxAge` periods (never backward); for a survey observed less often
 *   than the index is published.
 * - `groupMean`: COINr's `i_mean_grp`: the mean of the indicator over the
 *   units of the same group in the same period, the groups taken from
 *   `options.unitGroups[spec.grouping]`; without a `grouping`, the mean
 *   over all units (COINr's `i_mean`). A group with no value in that period
 *   leaves the gap. A unit missing from the grouping is an error.
 * - `interpolate`: linear interpolation over time between the unit's
 *   nearest observations before and after, for interior gaps of at most
 *   `maxGap` periods (no extrapolation).
 *
 * Only values present in the input are used as sources. Imputed cells get
 * `Flag.Imputed` on top of their flags. Columns that are not indicators
 * pass through. Problems (indicators the panel lacks, unknown groupings,
 * units outside a grouping) are listed together in a `ValidationError`.
 * The input panel is not changed.
 *
 * @example
 * // framework: indicator "survey" with imputation { method: 'locf', maxAge: 5 }
 * const p = createPanel({
 *   units: ['A'], periods: ['2025-01', '2025-02', '2025-03'], codes: ['survey'],
 *   values: [60, NaN, NaN],
 * });
 * const { panel, report } = impute(p, framework);
 * panel.values; // Float64Array [60, 60, 60]
 * report[0]; // { unit: 'A', period: '2025-02', code: 'survey', method: 'locf', value: 60, from: '2025-01' }
 */
export function impute(
  panel: Panel,
  framework: Framework,
  options: ImputeOptions = {},
): { panel: Panel; report: ImputationReport } {
  const U = panel.units.length;
  const P = panel.periods.length;
  const C = panel.codes.length;
  const issues: ValidationIssue[] = [];

  const jobs: { c: number; code: string; spec: Exclude<ImputationSpec, { method: 'none' }>; labels?: string[]; groups?: Grouped }[] = [];
  // Each grouping's labels and group index, made once for all the indicators imputed by it.
  const byGrouping = new Map<string, { labels: string[]; groups: Grouped; missing: string[] }>();
  for (let k = 0; k < framework.indicators.length; k++) {
    const code = framework.indicators[k];
    const node = framework.byCode.get(code);
    const c = columnIndex(panel.codes, code, k);
    if (c < 0) {
      issues.push({ path: `indicator "${code}"`, message: 'is not a column of the panel' });
      continue;
    }
    if (node?.type !== 'indicator' || node.imputation.method === 'none') continue;
    const spec = node.imputation;
    if (spec.method === 'groupMean' && spec.grouping !== undefined) {
      const grouping = options.unitGroups?.[spec.grouping];
      if (!grouping) {
        issues.push({ path: `indicator "${code}".imputation.grouping`, message: `unit grouping "${spec.grouping}" was not given (options.unitGroups)` });
        continue;
      }
      let grouped = byGrouping.get(spec.grouping);
      if (!grouped) {
        // Each unit's group (its label; '' for none) and the units without one, in one pass.
        const labels = new Array<string>(U);
        const missing: string[] = [];
        for (let u = 0; u < U; u++) {
          const unit = panel.units[u];
          const group = Object.hasOwn(grouping, unit) ? grouping[unit] : undefined;
          labels[u] = group ?? '';
          if (typeof group !== 'string') missing.push(unit);
        }
        grouped = { labels, groups: groupIndex(labels), missing };
        byGrouping.set(spec.grouping, grouped);
      }
      for (const unit of grouped.missing) issues.push({ path: `unit "${unit}", indicator "${code}"`, message: `unit is not in unit grouping "${spec.grouping}"` });
      jobs.push({ c, code, spec, labels: grouped.labels, groups: grouped.groups });
    } else {
      jobs.push({ c, code, spec });
    }
  }
  if (issues.length > 0) throw new ValidationError('the imputation', issues);
  // Nothing to impute: the panel passes unchanged (panels are never written to), with no copy.
  if (jobs.length === 0) return { panel, report: [] };

  const values = new Float64Array(panel.values);
  const flags = new Uint8Array(panel.flags);
  // Which method filled each cell (0: none); the report is built from these
  // marks afterwards, in panel order.
  const marks = new Uint8Array(values.length);
  const filled = new Int32Array(Math.max(U, P));
  let scratch = new Float64Array(2);

  // Each job fills its own column of the copy in place, one run at a time
  // (a period's units, or a unit's periods), with its method's kernel.
  for (const { c, spec, groups } of jobs) {
    const along = imputationMethods[spec.method].along;
    const { groupOf, groupCount } = groups ?? UNGROUPED;
    if (scratch.length < 2 * groupCount) scratch = new Float64Array(2 * groupCount);
    const mark = spec.method === 'locf' ? LOCF : spec.method === 'groupMean' ? GROUP_MEAN : INTERPOLATE;
    const runs = along === 'units' ? P : U;
    const n = along === 'units' ? U : P;
    const stride = along === 'units' ? C : U * C;
    for (let r = 0; r < runs; r++) {
      const base = along === 'units' ? r * U * C + c : r * C + c;
      const count = imputeInto(values, base, stride, n, spec, groupOf, groupCount, scratch, filled);
      for (let m = 0; m < count; m++) {
        const at = base + filled[m] * stride;
        flags[at] |= Flag.Imputed;
        marks[at] = mark;
      }
    }
  }

  return {
    panel: { units: [...panel.units], periods: [...panel.periods], codes: [...panel.codes], values, flags },
    report: buildReport(panel, values, marks, jobs),
  };
}

type Grouped = { readonly groupOf: Int32Array | null; readonly groupCount: number };
const UNGROUPED: Grouped = { groupOf: null, groupCount: 1 };

const LOCF = 1;
const GROUP_MEAN = 2;
const INTERPOLATE = 3;

/**
 * The report: the marked cells in panel order, which is the order of their
 * positions (period, then unit, then column), so the marks are read in
 * order, four at a time where they are all zero. For `locf` and
 * `interpolate` the source periods are found again here: the latest
 * observed period before the cell and, for `interpolate`, the next
 * observed period after it (each exists: the kernel filled the cell from
 * them).
 */
function buildReport(
  panel: Panel,
  values: Float64Array,
  marks: Uint8Array,
  jobs: readonly { c: number; code: string; labels?: string[] }[],
): ImputationReport {
  const U = panel.units.length;
  const C = panel.codes.length;
  const input = panel.values;
  // Each job's code and group labels by its column.
  const codeOf = new Array<string>(C);
  const labelsOf = new Array<string[] | undefined>(C);
  for (const { c, code, labels } of jobs) {
    codeOf[c] = code;
    labelsOf[c] = labels;
  }
  const report: ImputationReport = [];
  const words = new Int32Array(marks.buffer, marks.byteOffset, marks.length >> 2);
  for (let w = 0; w < words.length; w++) {
    if (words[w] !== 0) for (let i = 4 * w; i < 4 * w + 4; i++) if (marks[i] !== 0) report.push(reportedCell(panel, values, input, marks[i], i, U, C, codeOf, labelsOf));
  }
  for (let i = 4 * words.length; i < marks.length; i++) if (marks[i] !== 0) report.push(reportedCell(panel, values, input, marks[i], i, U, C, codeOf, labelsOf));
  return report;
}

/** The report entry of cell `i`, filled by the method `mark` (see `buildReport`). */
function reportedCell(
  panel: Panel,
  values: Float64Array,
  input: Float64Array,
  mark: number,
  i: number,
  U: number,
  C: number,
  codeOf: readonly string[],
  labelsOf: readonly (string[] | undefined)[],
): ImputedCell {
  const row = Math.floor(i / C);
  const c = i - row * C;
  const p = Math.floor(row / U);
  const u = row - p * U;
  const unit = panel.units[u];
  const period = panel.periods[p];
  const code = codeOf[c];
  const value = values[i];
  if (mark === GROUP_MEAN) {
    const labels = labelsOf[c];
    return labels ? { unit, period, code, method: 'groupMean', value, group: labels[u] } : { unit, period, code, method: 'groupMean', value };
  }
  let last = p - 1;
  while (Number.isNaN(input[(last * U + u) * C + c])) last--;
  if (mark === LOCF) return { unit, period, code, method: 'locf', value, from: panel.periods[last] };
  let next = p + 1;
  while (Number.isNaN(input[(next * U + u) * C + c])) next++;
  return { unit, period, code, method: 'interpolate', value, from: panel.periods[last], to: panel.periods[next] };
}
