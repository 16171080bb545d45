import { ValidationError, type ValidationIssue } from '../framework/frameworkError.ts';
import type { Framework } from '../framework/defineFramework.ts';
import { flagFromName, type FlagName } from '../panel/flags.ts';
import type { Panel } from '../panel/panel.ts';
import { periodFrequency, periodRange, type Frequency } from '../panel/period.ts';

/** One value in the long table of data: a unit's indicator (or denominator) in one period. */
export interface Observation {
  readonly unit: string;
  /** `YYYY-MM` or `YYYY`. */
  readonly period: string;
  /** An indicator or denominator code of the framework. */
  readonly code: string;
  /** `null` marks a value known to be missing; missing is never zero. */
  readonly value: number | null;
  readonly flag?: Extract<FlagName, 'estimated' | 'provisional'>;
  /** Where the observation came from (e.g. `2025-10.csv:14`), used in error messages. */
  readonly where?: string;
}

export interface PanelOptions {
  /** The units, in this order; by default, in order of first appearance. Observations of other units are errors. */
  readonly units?: readonly string[];
  /** The periods, in this order; by default every period from the earliest to the latest observed. */
  readonly periods?: readonly string[];
}

/**
 * Builds the raw panel (indicators and denominators as columns) from a long
 * table of observations, checking every row against the framework. All
 * problems are reported together in a `ValidationError`: unknown codes or
 * units, malformed or mixed-frequency periods, duplicate rows, non-finite
 * values. Cells with no observation stay missing (`NaN`).
 *
 * @example
 * const panel = panelFromObservations(fw, [
 *   { unit: 'X', period: '2025-01', code: 'a', value: 3 },
 *   { unit: 'X', period: '2025-02', code: 'a', value: null },
 * ]);
 * panel.periods; // ['2025-01', '2025-02']
 */
export function panelFromObservations(
  framework: Framework,
  observations: readonly Observation[],
  options: PanelOptions = {},
): Panel {
  const codes = [...framework.indicators, ...framework.denominators.map((d) => d.code)];
  const codeIndex = new Map(codes.map((c, i) => [c, i]));
  const issues: ValidationIssue[] = [];
  const where = (o: Observation, i: number) => o.where ?? `observations[${i}]`;

  let frequency: Frequency | undefined;
  const unitOrder: string[] = options.units ? [...options.units] : [];
  const unitSet = new Set(unitOrder);
  let first: string | undefined;
  let last: string | undefined;
  // Rows mostly repeat the period before them: its frequency is looked up once per run of equal periods.
  let seenPeriod: string | undefined;
  let seenFrequency: Frequency | undefined;
  observations.forEach((o, i) => {
    if (!codeIndex.has(o.code)) {
      issues.push({ path: where(o, i), message: `unknown indicator "${o.code}": not an indicator or denominator of framework "${framework.id}"` });
    }
    if (o.period !== seenPeriod) {
      seenPeriod = o.period;
      seenFrequency = periodFrequency(o.period);
    }
    const f = seenFrequency;
    if (!f) issues.push({ path: where(o, i), message: `"${o.period}" is not a period (expected YYYY-MM, YYYY-Qn or YYYY)` });
    else if (frequency && f !== frequency) issues.push({ path: where(o, i), message: `period "${o.period}" is a ${f}, but earlier rows are ${frequency}s` });
    else {
      frequency = f;
      if (first === undefined || o.period < first) first = o.period;
      if (last === undefined || o.period > last) last = o.period;
    }
    if (o.value !== null && !(typeof o.value === 'number' && Number.isFinite(o.value))) {
      issues.push({ path: where(o, i), message: `value must be a finite number or null, got ${typeof o.value === 'string' ? JSON.stringify(o.value) : String(o.value)}` });
    }
    if (typeof o.unit !== 'string' || o.unit === '') issues.push({ path: where(o, i), message: 'unit is empty' });
    else if (!unitSet.has(o.unit)) {
      if (options.units) issues.push({ path: where(o, i), message: `unknown unit "${o.unit}"` });
      else {
        unitSet.add(o.unit);
        unitOrder.push(o.unit);
      }
    }
  });
  const periods = options.periods ? [...options.periods] : first && last ? periodRange(first, last) : [];
  const periodIndex = new Map(periods.map((p, i) => [p, i]));
  const unitIndex = new Map(unitOrder.map((u, i) => [u, i]));

  const U = unitOrder.length;
  const C = codes.length;
  const values = new Float64Array(U * periods.length * C).fill(Number.NaN);
  const flags = new Uint8Array(values.length);
  const seenAt = new Map<number, number>();
  observations.forEach((o, i) => {
    const c = codeIndex.get(o.code);
    const u = unitIndex.get(o.unit);
    const p = periodIndex.get(o.period);
    if (c === undefined || u === undefined) return;
    if (p === undefined) {
      if (options.periods && periodFrequency(o.period)) issues.push({ path: where(o, i), message: `period "${o.period}" is outside the panel's periods` });
      return;
    }
    const cell = (p * U + u) * C + c;
    const earlier = seenAt.get(cell);
    if (earlier !== undefined) {
      issues.push({ path: where(o, i), message: `duplicate row: ${o.unit} ${o.period} ${o.code} already given at ${where(observations[earlier], earlier)}` });
      return;
    }
    seenAt.set(cell, i);
    if (o.value !== null && Number.isFinite(o.value)) values[cell] = o.value;
    if (o.flag) flags[cell] = flagFromName(o.flag);
  });
  if (issues.length > 0) throw new ValidationError('the data', issues);
  return { units: unitOrder, periods, codes, values, flags };
}
