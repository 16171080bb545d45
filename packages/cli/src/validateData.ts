import { periodDistance, periodLastMonth, periodOfMonth, shiftPeriod, type Framework, type Observation, type Publication, type ValueKind } from '@pingan/core';
import { z } from 'zod';
import { checkComputable } from './computable.ts';
import { quoteValue, sortIssues, type Issue } from './issues.ts';
import { PUBLICATION_FILE } from './publication.ts';
import { qualityWarnings } from './quality.ts';
import { INPUT_COLUMNS, REGIONS_FILE, rowIssues, type DataSet, type DenominatorRow, type InputRecord } from './readInputs.ts';
import { because } from './i18n/reason.ts';

/** How an indicator's value is checked: its value kind, declared in publication.json. */
export type IndicatorKind = ValueKind;

export interface ValidateOptions {
  /** Today's date, `YYYY-MM-DD`: months that have not ended by then are refused. */
  readonly today: string;
  /** Data-quality warnings become problems (`--strict`). */
  readonly strict?: boolean;
}

/** An observation from an input file, with its place. */
export interface InputObservation extends Observation {
  /** The value exactly as given (null when empty): what inputs.csv and the published raw value hold. */
  readonly text: string | null;
  readonly file: string;
  readonly line: number;
  /** The column of the value. */
  readonly column: number;
}

/** The result of `validateData`: every problem, and the data that passed. */
export interface ValidatedData {
  readonly data: DataSet;
  readonly framework?: Framework;
  /** Every problem, in file, line, column order. Empty when the data is valid. */
  readonly issues: readonly Issue[];
  /** The rows that passed every check, as observations. */
  readonly observations: readonly InputObservation[];
  /** The regions with data, in the order of regions.csv. */
  readonly units: readonly string[];
  /** Every month from the first to the last with data. */
  readonly months: readonly string[];
  /** Each denominator's rows by `code region period` (period as its file gives it: year, quarter or month). */
  readonly denominators: ReadonlyMap<string, DenominatorRow>;
  readonly today: string;
  /** Data-quality warnings (problems when `strict`), in file, line, column order; each names its month when it has one. */
  readonly warnings: readonly Issue[];
  /** The months with an index: from the first whose windows are full to the last. Every one of them can be computed. */
  readonly publishable: readonly string[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const QUARTER = /^\d{4}-Q[1-4]$/;

/**
 * The period of an index's input files and releases, from publication.json's
 * `periods`: its shape, and the word a message calls it by. Without a valid
 * publication.json, months.
 */
export function periodKind(publication: Publication | undefined): { readonly pattern: RegExp; readonly word: 'month' | 'quarter'; readonly shape: string } {
  return publication?.periods === 'quarterly'
    ? { pattern: QUARTER, word: 'quarter', shape: 'YYYY-Qn (e.g. 2025-Q3)' }
    : { pattern: MONTH, word: 'month', shape: 'YYYY-MM' };
}
const NUMBER = /^-?(\d+(\.\d+)?|\.\d+)$/;
/** The most significant digits a value may have: a double holds 15 exactly, so the computation sees the very number given. */
export const MAX_SIGNIFICANT_DIGITS = 15;
/**
 * The words of the flag column publication.json allows, lower-cased, and the
 * flag each sets. A Map, not an object: an `in` test on an object would
 * accept "constructor" or "__proto__" as flags.
 */
export function flagWords(publication: Publication | undefined): ReadonlyMap<string, 'estimated' | 'provisional'> {
  return new Map((publication?.flags ?? []).flatMap((f) => f.words.map((word) => [word.toLowerCase(), f.flag] as const)));
}

/** The flags allowed, as a problem message says them: `估计/estimated or 初步/provisional`. */
function flagChoices(publication: Publication | undefined): string {
  const words = (publication?.flags ?? []).map((f) => f.words.join('/'));
  if (words.length === 0) return because`publication.json allows no flags: leave the column empty`;
  return words.length === 1 ? because`expected empty, ${words[0]}` : because`expected empty, ${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** The significant digits of a decimal text (leading zeros do not count). */
export function significantDigits(text: string): number {
  return text.replace(/[-.]/g, '').replace(/^0+/, '').length;
}

/**
 * Each indicator's value kind, as publication.json declares it (none is
 * inferred: an indicator without a declaration is a problem reported by
 * `publicationProblems`, and its values are only checked to be numbers).
 */
export function indicatorKinds(framework: Framework, publication: Publication | undefined): Map<string, IndicatorKind> {
  const kinds = new Map<string, IndicatorKind>();
  for (const code of framework.indicators) {
    const spec = publication?.indicators[code];
    if (spec) kinds.set(code, spec.kind);
  }
  return kinds;
}

const KIND_WORD: Record<IndicatorKind, string> = { count: because`count`, amount: because`amount`, 'share-0-100': because`share`, 'share-0-1': because`share`, rate: because`rate` };

function valueSchema(kind: IndicatorKind | undefined) {
  const what = kind === undefined ? because`value` : KIND_WORD[kind];
  return z.string().superRefine((v, ctx) => {
    if (v === '') return; // an explicitly missing value
    if (!NUMBER.test(v)) {
      ctx.addIssue({ code: 'custom', message: because`${what} ${quoteValue(v)} is not a number` });
      return;
    }
    const digits = significantDigits(v);
    if (digits > MAX_SIGNIFICANT_DIGITS) {
      ctx.addIssue({ code: 'custom', message: because`${what} ${quoteValue(v)} has ${digits} significant digits; at most ${MAX_SIGNIFICANT_DIGITS} are accepted` });
      return;
    }
    const x = Number(v);
    // "-0" is 0 to a number but not to a reader of inputs.csv or the published raw value, which keep the text as given.
    if (x === 0 && v.startsWith('-')) ctx.addIssue({ code: 'custom', message: because`${what} ${v} is zero with a minus sign: write 0` });
    else if (kind === 'share-0-100' && (x < 0 || x > 100)) ctx.addIssue({ code: 'custom', message: because`share ${v} is outside 0–100` });
    else if (kind === 'share-0-1' && (x < 0 || x > 1)) ctx.addIssue({ code: 'custom', message: because`share ${v} is outside 0–1 (publication.json declares it a share of 1, not a percentage)` });
    else if ((kind === 'count' || kind === 'amount' || kind === 'rate') && x < 0) ctx.addIssue({ code: 'custom', message: because`${what} ${v} is negative` });
    else if (kind === 'count' && !Number.isInteger(x)) ctx.addIssue({ code: 'custom', message: because`count ${v} is not a whole number (publication.json declares it a count; an amount may have fractions)` });
  });
}

function recordSchema(regions: ReadonlySet<string>, data: DataSet, kind: IndicatorKind | undefined) {
  const { framework, publication } = data;
  const flags = flagWords(publication);
  const regionsFile = publication?.regions.file ?? REGIONS_FILE;
  return z.object({
    region: z.string().superRefine((r, ctx) => {
      if (regions.size > 0 && !regions.has(r)) ctx.addIssue({ code: 'custom', message: r === '' ? 'region is empty' : `unknown region ${quoteValue(r)}: not in ${regionsFile}` });
    }),
    month: z.string().superRefine((m, ctx) => {
      const period = periodKind(publication);
      if (period.pattern.test(m)) return;
      // Without a publication.json that reads, whether the index is monthly or quarterly is not known: either shape passes.
      if (!publication && QUARTER.test(m)) return;
      const message =
        period.word === 'month'
          ? because`malformed month ${quoteValue(m)}: expected YYYY-MM`
          : MONTH.test(m)
            ? because`malformed quarter ${quoteValue(m)}: expected YYYY-Qn (e.g. 2025-Q3) (publication.json says "periods": "quarterly")`
            : because`malformed quarter ${quoteValue(m)}: expected YYYY-Qn (e.g. 2025-Q3)`;
      ctx.addIssue({ code: 'custom', message });
    }),
    indicator: z.string().superRefine((code, ctx) => {
      if (!framework || framework.indicators.includes(code)) return;
      if (framework.denominators.some((d) => d.code === code)) {
        const file = publication?.denominators[code]?.file ?? 'its own file (publication.json denominators)';
        ctx.addIssue({ code: 'custom', message: because`${quoteValue(code)} is a denominator: it comes from ${file}, not from input files` });
      } else ctx.addIssue({ code: 'custom', message: because`unknown indicator ${quoteValue(code)}: not an indicator of framework "${framework.id}"` });
    }),
    value: valueSchema(kind),
    flag: z.string().superRefine((f, ctx) => {
      // The flags allowed are publication.json's: without it they cannot be judged (its own problem is reported).
      if (publication && f !== '' && !flags.has(f.toLowerCase())) ctx.addIssue({ code: 'custom', message: because`unknown flag ${quoteValue(f)}: ${flagChoices(publication)}` });
    }),
  });
}

const cellText = (record: InputRecord, key: keyof InputRecord['cells']) => record.cells[key]?.value ?? '';
// Which header the period column had does not matter here: its place is the same in either column list.
const column = (record: InputRecord, key: keyof InputRecord['cells']) =>
  record.cells[key]?.column ?? INPUT_COLUMNS.findIndex((c) => c.key === key) + 1;
const place = (record: InputRecord) => `${record.file}:${record.line}`;

/**
 * Checks every row of a data set read by `readInputs` against the
 * framework, publication.json, the regions and denominator files, and the rows against each
 * other. Every problem is reported at once: unknown regions and indicators,
 * malformed months, values that are not numbers, negative or fractional
 * counts, shares outside 0–100, unknown flags, duplicate rows (within and
 * across files), months missing between the first and the last, months that
 * have not ended by `today`, and periods without a denominator. Never throws for
 * a problem in the data.
 */
export function validateData(data: DataSet, options: ValidateOptions): ValidatedData {
  const { framework } = data;
  const issues: Issue[] = [...data.issues];
  const regionCodes = new Set(data.regions.map((r) => r.code));
  const kinds = framework ? indicatorKinds(framework, data.publication) : new Map<string, IndicatorKind>();
  const flags = flagWords(data.publication);
  const schemas = new Map<IndicatorKind | undefined, ReturnType<typeof recordSchema>>();
  const schemaFor = (kind: IndicatorKind | undefined) => {
    let schema = schemas.get(kind);
    if (!schema) schemas.set(kind, (schema = recordSchema(regionCodes, data, kind)));
    return schema;
  };
  const todayMonth = options.today.slice(0, 7);
  const period = periodKind(data.publication);
  // A period is over once its last month is (a quarter at the end of its third month).
  const notOver = (p: string) => periodLastMonth(p) >= todayMonth;

  const bad = new Set<InputRecord>();
  const firstAt = new Map<string, InputRecord>();
  const futureReported = new Set<string>();
  for (const record of data.records) {
    const cells = Object.fromEntries(INPUT_COLUMNS.map((c) => [c.key, cellText(record, c.key)])) as Record<string, string>;
    const parsed = schemaFor(kinds.get(cells.indicator)).safeParse(cells);
    const rowProblems = parsed.success ? [] : rowIssues(record, parsed.error);
    issues.push(...rowProblems);
    if (rowProblems.length > 0) bad.add(record);
    const keyBad = rowProblems.some((i) => i.column === column(record, 'region') || i.column === column(record, 'month') || i.column === column(record, 'indicator'));
    if (keyBad) continue;
    const key = `${cells.region} ${cells.month} ${cells.indicator}`;
    const first = firstAt.get(key);
    if (first) {
      issues.push({ file: record.file, line: record.line, column: 1, value: key, reason: because`duplicate row: ${key} already given at ${place(first)}` });
      bad.add(record);
    } else firstAt.set(key, record);
    if (notOver(cells.month)) {
      bad.add(record);
      const reported = `${record.file} ${cells.month}`;
      if (!futureReported.has(reported)) {
        futureReported.add(reported);
        issues.push({
          file: record.file,
          line: record.line,
          column: column(record, 'month'),
          value: cells.month,
          reason:
            period.word === 'quarter'
              ? periodOfMonth(todayMonth, period.word) === cells.month
                ? because`quarter ${cells.month} is not over yet (today is ${options.today})`
                : because`quarter ${cells.month} is in the future (today is ${options.today})`
              : cells.month === todayMonth
                ? because`month ${cells.month} is not over yet (today is ${options.today})`
                : because`month ${cells.month} is in the future (today is ${options.today})`,
        });
      }
    }
  }

  // Months: the first row of each month that is well formed and not in the future.
  const monthFirst = new Map<string, InputRecord>();
  // The rows that need each denominator, by `code region period` (the denominator's period: year, quarter or month).
  const needing = new Map<string, InputRecord[]>();
  const denominatorOf = new Map<string, string>();
  for (const code of framework?.indicators ?? []) {
    const node = framework!.byCode.get(code);
    if (node?.type === 'indicator' && node.denominator) denominatorOf.set(code, node.denominator.code);
  }
  for (const record of data.records) {
    const month = cellText(record, 'month');
    if (!period.pattern.test(month) || notOver(month)) continue;
    if (!monthFirst.has(month)) monthFirst.set(month, record);
    const region = cellText(record, 'region');
    if (!regionCodes.has(region)) continue;
    // Without a framework it is not known which indicator uses which denominator: every row needs every one.
    const used = framework ? [denominatorOf.get(cellText(record, 'indicator'))] : Object.keys(data.publication?.denominators ?? {});
    for (const denominator of used) {
      const spec = denominator === undefined ? undefined : data.publication?.denominators[denominator];
      if (!spec) continue;
      const key = `${denominator} ${region} ${denominatorPeriod(month, spec.frequency)}`;
      const list = needing.get(key);
      if (list) list.push(record);
      else needing.set(key, [record]);
    }
  }
  const present = [...monthFirst.keys()].sort();
  for (let i = 1; i < present.length; i++) {
    const gap = periodDistance(present[i - 1], present[i]) - 1;
    if (gap <= 0) continue;
    const from = shiftPeriod(present[i - 1], 1);
    const to = shiftPeriod(present[i], -1);
    const record = monthFirst.get(present[i])!;
    issues.push({
      file: record.file,
      line: record.line,
      column: column(record, 'month'),
      value: present[i],
      reason:
        period.word === 'quarter'
          ? gap === 1
            ? because`quarter ${from} is missing: no input rows between ${present[i - 1]} and ${present[i]}`
            : because`quarters ${from} to ${to} are missing: no input rows between ${present[i - 1]} and ${present[i]}`
          : gap === 1
            ? because`month ${from} is missing: no input rows between ${present[i - 1]} and ${present[i]}`
            : because`months ${from} to ${to} are missing: no input rows between ${present[i - 1]} and ${present[i]}`,
    });
  }

  const denominators = new Map(data.denominators.map((row) => [`${row.denominator} ${row.region} ${row.period}`, row]));
  const readFiles = new Set(data.reference.map((f) => f.file));
  for (const [key, records] of needing) {
    if (denominators.has(key)) continue;
    const [denominator, region, period] = key.split(' ');
    const file = data.publication!.denominators[denominator].file;
    if (!readFiles.has(file)) continue; // the file itself is missing: reported once
    const record = records[0];
    const more = records.length - 1;
    const reason =
      more > 0
        ? because`no ${denominator} for ${region} in ${period} in ${file} (this and ${more} more row${more === 1 ? '' : 's'})`
        : because`no ${denominator} for ${region} in ${period} in ${file}`;
    issues.push({ file: record.file, line: record.line, column: column(record, 'region'), value: region, reason });
    records.forEach((r) => bad.add(r));
  }

  const observations: InputObservation[] = [];
  for (const record of data.records) {
    if (bad.has(record)) continue;
    const value = cellText(record, 'value');
    const flag = flags.get(cellText(record, 'flag').toLowerCase());
    observations.push({
      unit: cellText(record, 'region'),
      period: cellText(record, 'month'),
      code: cellText(record, 'indicator'),
      value: value === '' ? null : Number(value),
      text: value === '' ? null : value,
      ...(flag ? { flag } : {}),
      where: place(record),
      file: record.file,
      line: record.line,
      column: column(record, 'value'),
    });
  }
  const withData = new Set(observations.map((o) => o.unit));
  const units = data.regions.map((r) => r.code).filter((code) => withData.has(code));
  const months = present.length ? Array.from({ length: periodDistance(present[0], present[present.length - 1]) + 1 }, (_, i) => shiftPeriod(present[0], i)) : [];
  const warnings: Issue[] = [...data.warnings];
  let publishable: string[] = [];
  if (framework) {
    // A month with a rejected row is not checked for completeness: the rejected row is probably the one missing.
    const rejectedMonths = new Set([...bad].map((r) => cellText(r, 'month')));
    // A rejected row whose period cannot be read may be any month's row of its region and indicator.
    const unplaced = new Set([...bad].filter((r) => !period.pattern.test(cellText(r, 'month'))).map((r) => `${cellText(r, 'region')} ${cellText(r, 'indicator')}`));
    // Which rows are expected depends on publication.json's survey months: without it, hundreds of false "missing rows" would bury its one problem.
    let complete = false;
    if (data.publication) complete = checkCompleteness(data, framework, observations, units, months.filter((m) => !rejectedMonths.has(m)), monthFirst, issues, unplaced);
    else issues.push({ file: PUBLICATION_FILE, reason: because`not read, so the checks that need it were not made (flags, survey months, missing rows, denominators): mend it and validate again` });
    warnings.push(...qualityWarnings(data, observations, kinds));
    for (const region of data.regions) {
      if (!withData.has(region.code) && observations.length > 0) {
        warnings.push({ file: REGIONS_FILE, reason: because`region ${region.code} (${region.name.zh}) has no input rows: it is not published` });
      }
    }
    if (complete && issues.length === 0 && observations.length > 0) {
      const computable = checkComputable(framework, observations, denominatorObservationsOf(framework, data.publication, units, months, denominators), units, months);
      issues.push(...computable.issues);
      publishable = computable.publishable;
    }
  }
  if (options.strict) issues.push(...warnings.map((w) => ({ ...w, reason: because`${w.reason} (--strict)` })));
  return {
    data,
    ...(framework ? { framework } : {}),
    issues: sortIssues(issues),
    observations,
    units,
    months,
    denominators,
    today: options.today,
    warnings: sortIssues(warnings),
    publishable,
  };
}

/**
 * Every region with data × every indicator × every month from the first to
 * the last is expected, except that a survey indicator (publication.json's
 * `surveys`) is expected in its scheduled months only, and is an error in
 * any other. A row that is absent is reported with the file holding the
 * month's other rows (an unknown value is given as an empty cell), unless a
 * row of its region and indicator was rejected for a period that cannot be
 * read (`unplaced`: that row is probably the one missing). Returns whether
 * nothing is missing.
 */
function checkCompleteness(
  data: DataSet,
  framework: Framework,
  observations: readonly InputObservation[],
  units: readonly string[],
  months: readonly string[],
  monthFirst: ReadonlyMap<string, InputRecord>,
  issues: Issue[],
  unplaced: ReadonlySet<string>,
): boolean {
  // Survey schedules of indicators the framework lacks are reported by publicationProblems.
  const surveys = new Map(Object.entries(data.publication?.indicators ?? {}).flatMap(([code, spec]) => (spec.survey ? [[code, spec.survey] as const] : [])));
  const scheduled = (code: string, period: string) => {
    const month = periodLastMonth(period);
    const survey = surveys.get(code);
    return !survey || survey.months.includes(Number(month.slice(5, 7)));
  };
  const given = new Set<string>();
  let complete = true;
  for (const o of observations) {
    given.add(`${o.period} ${o.unit} ${o.code}`);
    if (!scheduled(o.code, o.period)) {
      complete = false;
      issues.push({
        file: o.file,
        line: o.line,
        column: o.column,
        ...(o.text !== null ? { value: o.text } : {}),
        reason: because`${o.code} is a survey collected in months ${surveys.get(o.code)!.months.join(', ')} (${PUBLICATION_FILE}); ${o.period} is not one of them`,
      });
    }
  }
  for (const month of months) {
    const record = monthFirst.get(month);
    if (!record) continue; // a whole month missing is reported as a gap
    for (const unit of units) {
      const expected = framework.indicators.filter((code) => scheduled(code, month));
      // A row rejected for its period (reported there) is probably the one missing: not reported twice.
      const missing = expected.filter((code) => !given.has(`${month} ${unit} ${code}`) && !unplaced.has(`${unit} ${code}`));
      if (missing.length === 0) continue;
      complete = false;
      const what = missing.length === expected.length && missing.length > 1 ? because`all ${missing.length} indicators` : missing.join(', ');
      issues.push({ file: record.file, reason: because`missing rows: ${unit} ${month}: ${what} (every region, indicator and month is expected; send a figure not yet known as an estimate flagged estimated; an empty cell marks it unknown, and a month that needs it has no index)`, month });
    }
  }
  return complete;
}

/**
 * The period of a denominator file that serves a period (a month or a
 * quarter): its year, its quarter or the period itself. (A monthly
 * denominator for quarterly periods is refused by publicationProblems.)
 */
export function denominatorPeriod(period: string, frequency: 'annual' | 'quarterly' | 'monthly'): string {
  if (frequency === 'annual') return period.slice(0, 4);
  if (frequency === 'quarterly') return QUARTER.test(period) ? period : `${period.slice(0, 4)}-Q${Math.ceil(Number(period.slice(5, 7)) / 3)}`;
  return period;
}

function denominatorObservationsOf(
  framework: Framework,
  publication: Publication | undefined,
  units: readonly string[],
  months: readonly string[],
  denominators: ReadonlyMap<string, DenominatorRow>,
): Observation[] {
  const out: Observation[] = [];
  const codes = framework.denominators.map((d) => d.code).filter((code) => publication?.denominators[code] !== undefined);
  for (const month of months) {
    for (const unit of units) {
      for (const code of codes) {
        const row = denominators.get(`${code} ${unit} ${denominatorPeriod(month, publication!.denominators[code].frequency)}`);
        if (row) out.push({ unit, period: month, code, value: row.value, where: row.where });
      }
    }
  }
  return out;
}

/**
 * The denominator observations (population, vehicles, …) for each unit and
 * month: each month gets the figure of its year, its quarter or itself, by
 * the denominator's frequency in publication.json.
 */
export function denominatorObservations(valid: ValidatedData, months: readonly string[]): Observation[] {
  return valid.framework ? denominatorObservationsOf(valid.framework, valid.data.publication, valid.units, months, valid.denominators) : [];
}
