import type { Observation } from '../data/observations.ts';
import { defineFramework, type Framework } from '../framework/defineFramework.ts';
import { ValidationError, type ValidationIssue } from '../framework/frameworkError.ts';
import type { FrameworkInput } from '../framework/schema.ts';

/** A row of a COINr table as read from CSV: column name → cell text (or number). */
export type CoinrRecord = Readonly<Record<string, string | number | null | undefined>>;

export interface CoinrImport {
  /** The framework document built from iMeta (can be saved as JSON). */
  readonly document: FrameworkInput;
  readonly framework: Framework;
  /** Indicators and denominators of iData in long form. */
  readonly observations: Observation[];
  /** COINr's group columns (`Type` "Group"): grouping → unit code → group. */
  readonly unitGroups: Record<string, Record<string, string>>;
  /** uCode → uName. */
  readonly unitNames: Record<string, string>;
}

export interface CoinrOptions {
  readonly id?: string;
  readonly version?: string;
  /** The period for rows without a `Time` column or value. */
  readonly period?: string;
  /**
   * Set each indicator's `Denominator` from iMeta. Off by default, as in
   * COINr, where `new_coin` records denominators but only `Denominate` applies them.
   */
  readonly denominate?: boolean;
}

const text = (v: CoinrRecord[string]): string => (v === null || v === undefined ? '' : String(v).trim());

/**
 * Reads COINr's iData/iMeta table layout (as `new_coin` takes it) into a
 * framework and long-form data, so that a COINr user can bring their work.
 * iMeta rows of Type "Indicator" and "Aggregate" become nodes (Level 1 are
 * indicators), "Denominator" rows become denominators and "Group" rows name
 * unit groupings; iData rows are units (uCode, uName, optional Time).
 * Every problem is reported at once, with the row it was found in.
 *
 * @example
 * const { framework, observations } = fromCoinr({
 *   iMeta: [
 *     { Level: '1', iCode: 'x', iName: 'X', Direction: '1', Weight: '1', Parent: 'Index', Type: 'Indicator' },
 *     { Level: '1', iCode: 'y', iName: 'Y', Direction: '-1', Weight: '1', Parent: 'Index', Type: 'Indicator' },
 *     { Level: '2', iCode: 'Index', iName: 'Index', Direction: '1', Weight: '1', Parent: '', Type: 'Aggregate' },
 *   ],
 *   iData: [{ uCode: 'A', uName: 'Aland', x: '1', y: '2' }],
 * }, { period: '2024' });
 * observations.length; // 2
 */
export function fromCoinr(tables: { iData: readonly CoinrRecord[]; iMeta: readonly CoinrRecord[] }, options: CoinrOptions = {}): CoinrImport {
  const issues: ValidationIssue[] = [];
  const metaRow = (i: number) => `iMeta row ${i + 2}`; // +1 for the header, +1 to count from 1
  const nodes: FrameworkInput['nodes'] = [];
  const denominators: NonNullable<FrameworkInput['denominators']> = [];
  const groupings: string[] = [];
  const indicatorCodes: string[] = [];

  tables.iMeta.forEach((row, i) => {
    const type = text(row.Type);
    const code = text(row.iCode);
    const name = text(row.iName) || code;
    if (!code) {
      issues.push({ path: metaRow(i), message: 'iCode is empty' });
      return;
    }
    if (type === 'Group') {
      groupings.push(code);
      return;
    }
    if (type === 'Denominator') {
      denominators.push({ code, name: { zh: name, en: name } });
      return;
    }
    if (type === 'Other') return;
    if (type !== 'Indicator' && type !== 'Aggregate') {
      issues.push({ path: `${metaRow(i)} (${code})`, message: `unknown Type "${type}" (expected Indicator, Aggregate, Group, Denominator or Other)` });
      return;
    }
    const weight = Number(text(row.Weight) || '1');
    const parent = text(row.Parent);
    const unit = text(row.Unit);
    if (type === 'Indicator') {
      const direction = Number(text(row.Direction));
      if (direction !== 1 && direction !== -1) {
        issues.push({ path: `${metaRow(i)} (${code}).Direction`, message: `must be 1 or -1, got "${text(row.Direction)}"` });
        return;
      }
      const denominator = text(row.Denominator);
      indicatorCodes.push(code);
      nodes.push({
        code,
        type: 'indicator',
        parent,
        name: { zh: name, en: name },
        ...(unit ? { unit: { zh: unit, en: unit } } : {}),
        direction,
        weight,
        ...(options.denominate && denominator ? { denominator: { code: denominator } } : {}),
      });
    } else {
      nodes.push({ code, type: 'aggregate', parent: parent || null, name: { zh: name, en: name }, weight });
    }
  });

  const denominatorCodes = denominators.map((d) => d.code);
  const observations: Observation[] = [];
  // Null-prototype objects: unit codes come from the data, and "__proto__" must be an ordinary key.
  const unitGroups: Record<string, Record<string, string>> = Object.fromEntries(groupings.map((g) => [g, Object.create(null) as Record<string, string>]));
  const unitNames: Record<string, string> = Object.create(null) as Record<string, string>;
  tables.iData.forEach((row, i) => {
    const where = `iData row ${i + 2}`;
    const unit = text(row.uCode);
    if (!unit) {
      issues.push({ path: where, message: 'uCode is empty' });
      return;
    }
    unitNames[unit] = text(row.uName) || unit;
    const period = text(row.Time) || options.period;
    if (!period) {
      issues.push({ path: `${where} (${unit})`, message: 'no Time column or value; pass options.period' });
      return;
    }
    for (const g of groupings) {
      const group = text(row[g]);
      if (group) unitGroups[g][unit] = group;
    }
    for (const code of [...indicatorCodes, ...denominatorCodes]) {
      if (!Object.hasOwn(row, code)) {
        issues.push({ path: `${where} (${unit})`, message: `no column "${code}"` });
        continue;
      }
      const cell = text(row[code]);
      const value = cell === '' || cell === 'NA' ? null : Number(cell);
      if (value !== null && !Number.isFinite(value)) {
        issues.push({ path: `${where} (${unit}).${code}`, message: `"${cell}" is not a number` });
        continue;
      }
      observations.push({ unit, period, code, value, where: `${where}, column ${code}` });
    }
  });
  if (issues.length > 0) throw new ValidationError('the COINr tables', issues);

  const document: FrameworkInput = {
    id: options.id ?? 'coinr',
    version: options.version ?? '1',
    name: { zh: options.id ?? 'COINr', en: options.id ?? 'COINr' },
    denominators,
    nodes,
  };
  return { document, framework: defineFramework(document), observations, unitGroups, unitNames };
}
