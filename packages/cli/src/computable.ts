import { buildIndex, getValue, panelFromObservations, shiftPeriod, ValidationError, type Framework, type Observation } from '@pingan/core';
import type { Issue } from './issues.ts';
import { INPUT_DIR } from './readInputs.ts';
import type { InputObservation } from './validateData.ts';
import { because } from './i18n/reason.ts';

function span(months: readonly string[]): string {
  return months.length === 1 ? months[0] : `${months[0]} to ${months[months.length - 1]} (${months.length} months)`;
}

/** Core's path of one cell of the panel (transform, denominate): `unit "430302", period "2023-12", indicator "homicide"`. */
const CELL_PATH = /^unit "([^"]*)", period "([^"]*)", indicator "([^"]*)"$/;
/** Core's path of an observation given its `where`: the row's `file:line`. */
const ROW_PATH = /^(.+):(\d+)$/;

/**
 * Core's validation problems with the data as the CLI's issues, each at the
 * input it names, its path said once. A cell's problem (`unit "U", period
 * "P", indicator "K": …`) is placed at that observation's file, line and
 * column and keeps the path (which says what the value was for); a row's
 * (`input/x.csv:12: …`, an observation's `where`) is placed at that line;
 * any other (an indicator, a cell with no observation) is placed at the
 * input folder with its path.
 *
 * @example
 * coreDataIssues([{ path: 'unit "430302", period "2023-12", indicator "homicide"', message: 'cannot take the log of 0: the value must be positive' }], observations);
 * // [{ file: 'input/2023.csv', line: 290, column: 4, month: '2023-12', reason: 'unit "430302", period "2023-12", indicator "homicide": cannot take the log of 0: the value must be positive' }]
 */
export function coreDataIssues(problems: ValidationError['issues'], observations: readonly InputObservation[]): Issue[] {
  let byCell: Map<string, InputObservation> | undefined;
  return problems.map(({ path, message }) => {
    const cell = CELL_PATH.exec(path);
    if (cell) {
      byCell ??= new Map(observations.map((o) => [`${o.period} ${o.unit} ${o.code}`, o]));
      const o = byCell.get(`${cell[2]} ${cell[1]} ${cell[3]}`);
      if (o) return { file: o.file, line: o.line, column: o.column, month: o.period, reason: because`${path}: ${message}` };
    }
    const row = ROW_PATH.exec(path);
    if (row) return { file: row[1], line: Number(row[2]), reason: message };
    return { file: `${INPUT_DIR}/`, reason: because`${path}: ${message}` };
  });
}

/**
 * The check `validate` and `release` share, so that data that validates
 * always releases: the index is built over every region and month (the
 * float path: quick, and it fails where the exact path fails), and every
 * month from the first whose windows are full to the last must have an
 * index for every region. Each month without one is reported with its
 * region, the indicator and the input cell that leaves it empty (an empty
 * value, with its file, line and column). When the windows are longer than
 * the data, no month can be computed, and that is reported too.
 */
export function checkComputable(
  framework: Framework,
  observations: readonly InputObservation[],
  denominators: readonly Observation[],
  units: readonly string[],
  months: readonly string[],
): { issues: Issue[]; publishable: string[] } {
  const issues: Issue[] = [];
  const windows = framework.indicators.map((code) => {
    const node = framework.byCode.get(code);
    return { code, periods: node?.type === 'indicator' && node.window ? node.window.periods : 1 };
  });
  const longest = windows.reduce((a, b) => (b.periods > a.periods ? b : a));
  if (months.length === 0) return { issues, publishable: [] };
  if (longest.periods > months.length) {
    issues.push({
      file: `${INPUT_DIR}/`,
      reason: because`no month can be computed: the ${longest.periods}-month window of ${longest.code} needs ${longest.periods} months of data, and the data covers ${span(months)}`,
    });
    return { issues, publishable: [] };
  }
  let result;
  try {
    result = buildIndex(framework, panelFromObservations(framework, [...observations, ...denominators], { units, periods: months }));
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...coreDataIssues(error.issues, observations));
    return { issues, publishable: [] };
  }
  const publishable = months.slice(longest.periods - 1);
  const byCell = new Map(observations.map((o) => [`${o.period} ${o.unit} ${o.code}`, o]));
  const causes = new Map<string, { issue: Omit<Issue, 'reason'>; what: string; unit: string; months: string[] }>();
  for (const month of publishable) {
    for (const unit of units) {
      if (!Number.isNaN(getValue(result.aggregated, unit, month, framework.root))) continue;
      const empty = windows.filter(({ code }) => Number.isNaN(getValue(result.normalised, unit, month, code)));
      for (const { code, periods } of empty.length ? empty : windows) {
        let cause: InputObservation | undefined;
        for (let k = 0; k < periods && !cause; k++) {
          const o = byCell.get(`${shiftPeriod(month, -k)} ${unit} ${code}`);
          if (o && o.value === null) cause = o;
        }
        const key = cause ? `${cause.file}:${cause.line}` : `${unit} ${code}`;
        const entry = causes.get(key) ?? {
          issue: cause ? { file: cause.file, line: cause.line, column: cause.column, month } : { file: `${INPUT_DIR}/`, month },
          what: cause ? `${unit} ${code} ${cause.period} is empty` : `${code} has no value for ${unit} within its window or carry-forward`,
          unit,
          months: [],
        };
        if (!entry.months.includes(month)) entry.months.push(month);
        causes.set(key, entry);
        if (!empty.length) break;
      }
    }
  }
  for (const { issue, what, unit, months: lost } of causes.values()) {
    issues.push({ ...issue, reason: because`${what}: no index for ${unit} in ${span(lost)}` });
  }
  return { issues, publishable };
}
