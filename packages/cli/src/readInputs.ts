import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { frameworkFromJson, publicationProblems, ValidationError, type DenominatorSpec, type Framework } from '@pingan/core';
import { z } from 'zod';
import { MAX_QUOTED, quoteValue, type Issue } from './issues.ts';
import { PUBLICATION_FILE, readPublication, type Publication } from './publication.ts';
import { parseJsonStrict } from './strictJson.ts';
import { readTableFile } from './streamTable.ts';
import { readTable, type ColumnSpec, type TableRow } from './table.ts';
import { because } from './i18n/reason.ts';

/** The columns of a monthly input file, in Chinese or English. */
export type InputField = 'region' | 'month' | 'indicator' | 'value' | 'flag';
export const INPUT_COLUMNS: readonly ColumnSpec<InputField>[] = [
  { key: 'region', names: ['地区代码', 'region'], required: true },
  { key: 'month', names: ['月份', 'month'], required: true },
  { key: 'indicator', names: ['指标代码', 'indicator'], required: true },
  { key: 'value', names: ['数值', 'value'], required: true },
  { key: 'flag', names: ['标记', 'flag'], required: false },
];
/**
 * The columns of a quarterly index's input files (publication.json
 * `"periods": "quarterly"`): the period column is `季度`/`quarter`, holding
 * `YYYY-Qn`; the others are those of `INPUT_COLUMNS`.
 */
export const QUARTERLY_INPUT_COLUMNS: readonly ColumnSpec<InputField>[] = INPUT_COLUMNS.map((c) => (c.key === 'month' ? { ...c, names: ['季度', 'quarter'] } : c));

/** The input files' columns for publication.json's `periods` (monthly when it cannot be read). */
export function inputColumns(periods: Publication['periods'] | undefined): readonly ColumnSpec<InputField>[] {
  return periods === 'quarterly' ? QUARTERLY_INPUT_COLUMNS : INPUT_COLUMNS;
}

type RegionField = 'code' | 'name_zh' | 'name_en' | 'level' | 'parent';
/** The columns of the regions file, in Chinese or English. */
export const REGION_COLUMNS: readonly ColumnSpec<RegionField>[] = [
  { key: 'code', names: ['地区代码', 'code'], required: true },
  { key: 'name_zh', names: ['中文名称', 'name_zh'], required: true },
  { key: 'name_en', names: ['英文名称', 'name_en'], required: true },
  { key: 'level', names: ['级别', 'level'], required: true },
  { key: 'parent', names: ['上级代码', 'parent'], required: true },
];

type DenominatorField = 'region' | 'period' | 'value' | 'source';
const PERIOD_COLUMN: Record<DenominatorSpec['frequency'], readonly string[]> = {
  annual: ['年份', 'year'],
  quarterly: ['季度', 'quarter'],
  monthly: ['月份', 'month'],
};
const PERIOD_PATTERN: Record<DenominatorSpec['frequency'], { regex: RegExp; shape: string }> = {
  annual: { regex: /^\d{4}$/, shape: because`year must be 4 digits` },
  quarterly: { regex: /^\d{4}-Q[1-4]$/, shape: because`quarter must be YYYY-Qn (e.g. 2025-Q3)` },
  monthly: { regex: /^\d{4}-(0[1-9]|1[0-2])$/, shape: because`month must be YYYY-MM` },
};

/**
 * The columns of a denominator file, in Chinese or English: the region, the
 * period (`year`, `quarter` or `month` by the denominator's frequency), the
 * value (headed by the denominator's code, its Chinese name, `value` or
 * `数值`) and an optional source.
 */
export function denominatorColumns(code: string, frequency: DenominatorSpec['frequency'], nameZh?: string): readonly ColumnSpec<DenominatorField>[] {
  return [
    { key: 'region', names: ['地区代码', 'region'], required: true },
    { key: 'period', names: PERIOD_COLUMN[frequency], required: true },
    { key: 'value', names: [...new Set([code, 'value', '数值', ...(nameZh ? [nameZh] : [])])], required: true },
    { key: 'source', names: ['来源', 'source'], required: false },
  ];
}

/** A row of an input file, cells as text, before validation. */
export type InputRecord = TableRow<InputField>;

export interface Region {
  readonly code: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly level: string;
  readonly parent: string | null;
}

/** One value of a denominator file: a region's figure for a year, quarter or month. */
export interface DenominatorRow {
  /** The denominator's code (e.g. `population`, `vehicles`). */
  readonly denominator: string;
  readonly region: string;
  /** `YYYY`, `YYYY-Qn` or `YYYY-MM`, by the denominator's frequency. */
  readonly period: string;
  readonly frequency: DenominatorSpec['frequency'];
  readonly value: number;
  readonly source: string;
  /** `FILE:LINE`. */
  readonly where: string;
  /** The file, line and the value's column. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A file that was read, with the SHA-256 of its bytes. */
export interface FileInfo {
  readonly file: string;
  readonly sha256: string;
  readonly encoding?: string;
}

/** Everything in a data directory, read but not yet cross-checked. */
export interface DataSet {
  readonly dataDir: string;
  readonly framework?: Framework;
  /** The framework file read (as the manifest records it: relative to the data directory, or the file name of a file given with --framework), with its SHA-256. */
  readonly frameworkFile?: FileInfo;
  /** The framework file, the regions file and the denominator files (in the order publication.json lists them). */
  readonly reference: readonly FileInfo[];
  readonly regions: readonly Region[];
  /** Every denominator file's rows. */
  readonly denominators: readonly DenominatorRow[];
  /** The monthly input files (input/*.csv), in name order. */
  readonly inputs: readonly FileInfo[];
  readonly records: readonly InputRecord[];
  /** Problems found while reading (files, headers, reference tables). */
  readonly issues: readonly Issue[];
  /** Warnings found while reading (files in input/ that are not read). */
  readonly warnings: readonly Issue[];
  /** publication.json: names, regions, denominators, value kinds, surveys, flags, calendar, checks (absent when it is missing or invalid). */
  readonly publication?: Publication;
  /** The framework file's JSON as written (before defaults), for the weight warnings. */
  readonly frameworkDocument?: unknown;
  /** The framework file as problems name it (the path given with --framework, or framework/NAME.json). */
  readonly frameworkShown?: string;
}

export const FRAMEWORK_DIR = 'framework';
/** The regions file when publication.json cannot be read (its `regions.file` otherwise). */
export const REGIONS_FILE = 'regions.csv';
export const INPUT_DIR = 'input';
/** Region codes when publication.json sets no `regions.codePattern`: six digits (GB/T 2260). */
export const DEFAULT_CODE_PATTERN = '^\\d{6}$';

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function readBytes(dataDir: string, file: string, issues: Issue[]): Uint8Array | undefined {
  try {
    return new Uint8Array(readFileSync(join(dataDir, file)));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    issues.push({ file, reason: code === 'ENOENT' ? because`file not found` : because`cannot read the file (${code ?? String(error)})` });
    return undefined;
  }
}

function listDir(dataDir: string, dir: string, ext: string, issues: Issue[]): string[] {
  try {
    return readdirSync(join(dataDir, dir))
      .filter((name) => name.toLowerCase().endsWith(ext) && statSync(join(dataDir, dir, name)).isFile())
      .sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    issues.push({ file: `${dir}/`, reason: code === 'ENOENT' ? because`directory not found` : because`cannot read the directory (${code ?? String(error)})` });
    return [];
  }
}

/**
 * Files under input/ that are not read. Anything but `*.csv` (a `.csv.txt`,
 * an `.xlsx`) and anything in a subfolder, except README files, is a problem:
 * a month sent in the wrong form would otherwise go unpublished unseen. A
 * hidden file (`.DS_Store`, `.gitkeep`, an office suite's lock file, the
 * `._name.csv` a Mac leaves beside a file it copies) is not read, and is a
 * warning, so that nothing is skipped without a word.
 */
function unreadInputs(dataDir: string): { problems: Issue[]; hidden: Issue[] } {
  const found: Issue[] = [];
  const hidden: Issue[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(join(dataDir, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        found.push({ file: `${path}/`, reason: because`a folder inside input/ is not read: put its .csv files directly in input/` });
        continue;
      }
      if (entry.name.startsWith('.')) {
        hidden.push({ file: path, reason: because`not read: a hidden file (its name starts with a dot)` });
        continue;
      }
      if (dir === INPUT_DIR && entry.name.toLowerCase().endsWith('.csv')) continue;
      if (/^readme(\.[a-z]+)?$/i.test(entry.name)) continue;
      found.push({ file: path, reason: dir === INPUT_DIR ? because`not read: only .csv files are inputs (save it as CSV, named *.csv)` : because`not read: it is inside a folder of input/` });
    }
  };
  walk(INPUT_DIR);
  return { problems: found, hidden };
}

/** Issues from a zod error on a table row, placed at each offending cell. */
export function rowIssues<K extends string>(row: TableRow<K>, error: z.ZodError): Issue[] {
  return error.issues.map((issue) => {
    const key = issue.path[0] as K | undefined;
    const cell = key === undefined ? undefined : row.cells[key];
    const value = cell && cell.value.length > MAX_QUOTED ? `${cell.value.slice(0, MAX_QUOTED)}…` : cell?.value;
    return { file: row.file, line: row.line, column: cell?.column ?? 1, ...(value !== undefined ? { value } : {}), reason: issue.message };
  });
}

const text = (cell: { value: string } | undefined) => cell?.value ?? '';

/** Validates a framework file's bytes; problems are reported against `file` (with the path inside the document). */
function parseFramework(file: string, bytes: Uint8Array, issues: Issue[], read: { document?: unknown } = {}): Framework | undefined {
  let json: unknown;
  try {
    const parsed = parseJsonStrict(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (!parsed.ok) {
      parsed.problems.forEach((p) => issues.push({ file, line: p.line, column: p.column, reason: p.message }));
      return undefined;
    }
    json = parsed.value;
  } catch (error) {
    issues.push({ file, reason: because`not valid UTF-8 JSON: ${(error as Error).message}` });
    return undefined;
  }
  read.document = json;
  try {
    return frameworkFromJson(json);
  } catch (error) {
    if (error instanceof ValidationError) error.issues.forEach((i) => issues.push({ file, reason: because`${i.path}: ${i.message}` }));
    else issues.push({ file, reason: String(error) });
    return undefined;
  }
}

interface FrameworkRead {
  readonly framework?: Framework;
  readonly info?: FileInfo;
  readonly document?: unknown;
  readonly shown?: string;
}

function readFramework(dataDir: string, issues: Issue[], reference: FileInfo[]): FrameworkRead {
  const names = listDir(dataDir, FRAMEWORK_DIR, '.json', issues);
  if (names.length !== 1) {
    if (names.length > 1) issues.push({ file: `${FRAMEWORK_DIR}/`, reason: because`expected one framework file, found ${names.length}: ${names.join(', ')}` });
    else if (!issues.some((i) => i.file === `${FRAMEWORK_DIR}/`)) issues.push({ file: `${FRAMEWORK_DIR}/`, reason: because`no framework file (*.json)` });
    return {};
  }
  const file = `${FRAMEWORK_DIR}/${names[0]}`;
  const bytes = readBytes(dataDir, file, issues);
  if (!bytes) return {};
  const info = { file, sha256: sha256Hex(bytes) };
  reference.push(info);
  const read: { document?: unknown } = {};
  const framework = parseFramework(file, bytes, issues, read);
  return framework ? { framework, info, document: read.document, shown: file } : { info };
}

/**
 * How a framework file given with `--framework` is named in the manifest:
 * its path relative to the data directory when it lies inside it, otherwise
 * its file name (never an absolute path, so manifests do not depend on the
 * machine).
 */
export function frameworkFileName(dataDir: string, path: string): string {
  const inside = relative(dataDir, path);
  if (inside && !inside.startsWith('..') && !isAbsolute(inside)) return inside.split(sep).join('/');
  return basename(path);
}

/** Reads a framework file given on the command line (a path, relative to the working directory); problems name that path. */
function readFrameworkFile(dataDir: string, path: string, issues: Issue[], reference: FileInfo[]): FrameworkRead {
  const shown = path.split(sep).join('/');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    issues.push({ file: shown, reason: code === 'ENOENT' ? because`framework file not found` : because`cannot read the framework file (${code ?? String(error)})` });
    return {};
  }
  const info = { file: frameworkFileName(dataDir, path), sha256: sha256Hex(bytes) };
  reference.push(info);
  const read: { document?: unknown } = {};
  const framework = parseFramework(shown, bytes, issues, read);
  return framework ? { framework, info, document: read.document, shown } : { info };
}

function regionSchema(codePattern: RegExp) {
  const shape = codePattern.source === DEFAULT_CODE_PATTERN ? because`region code must be 6 digits (GB/T 2260)` : because`region code must match ${codePattern.source} (publication.json regions.codePattern)`;
  return z.object({
    code: z.string().regex(codePattern, shape),
    name_zh: z.string().min(1, because`name_zh is empty`),
    name_en: z.string().min(1, because`name_en is empty`),
    level: z.string().min(1, because`level is empty`),
    parent: z.string().refine((p) => p === '' || codePattern.test(p), because`parent must be empty or a region code`),
  });
}

function readRegions(dataDir: string, file: string, codePattern: RegExp, issues: Issue[], reference: FileInfo[]): Region[] {
  const bytes = readBytes(dataDir, file, issues);
  if (!bytes) return [];
  reference.push({ file, sha256: sha256Hex(bytes) });
  const table = readTable(file, bytes, REGION_COLUMNS);
  issues.push(...table.issues);
  const schema = regionSchema(codePattern);
  const regions: Region[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const parsed = schema.safeParse(Object.fromEntries(REGION_COLUMNS.map((c) => [c.key, text(row.cells[c.key])])));
    if (!parsed.success) {
      issues.push(...rowIssues(row, parsed.error));
      continue;
    }
    const r = parsed.data;
    const first = seen.get(r.code);
    if (first !== undefined) {
      issues.push({ file, line: row.line, column: row.cells.code!.column, value: r.code, reason: because`duplicate region ${r.code} (first at line ${first})` });
      continue;
    }
    seen.set(r.code, row.line);
    regions.push({ code: r.code, name: { zh: r.name_zh, en: r.name_en }, level: r.level, parent: r.parent === '' ? null : r.parent });
  }
  for (const row of table.rows) {
    const parent = text(row.cells.parent);
    if (parent !== '' && !seen.has(parent)) {
      issues.push({ file, line: row.line, column: row.cells.parent!.column, value: parent, reason: because`parent ${quoteValue(parent)} is not a region of ${file}` });
    }
  }
  return regions;
}

/** Reads one denominator file (`publication.json` names it and its frequency). */
function readDenominator(
  dataDir: string,
  code: string,
  spec: DenominatorSpec,
  nameZh: string | undefined,
  regions: ReadonlySet<string>,
  regionsFile: string,
  issues: Issue[],
  reference: FileInfo[],
): DenominatorRow[] {
  const { file, frequency } = spec;
  const bytes = readBytes(dataDir, file, issues);
  if (!bytes) return [];
  reference.push({ file, sha256: sha256Hex(bytes) });
  const columns = denominatorColumns(code, frequency, nameZh);
  const table = readTable(file, bytes, columns);
  issues.push(...table.issues);
  const pattern = PERIOD_PATTERN[frequency];
  const schema = z.object({
    region: z.string().refine((r) => regions.size === 0 || regions.has(r), { error: (i) => because`unknown region ${quoteValue(String(i.input))}: not in ${regionsFile}` }),
    period: z.string().regex(pattern.regex, pattern.shape),
    value: z.string().superRefine((v, ctx) => {
      if (!/^(?:[1-9]\d*|0)(?:\.\d+)?$/.test(v) || Number(v) <= 0) ctx.addIssue({ code: 'custom', message: because`${code} must be a positive number` });
      else if (v.replace('.', '').length > 15) ctx.addIssue({ code: 'custom', message: because`${code} ${quoteValue(v)} has more than 15 digits` });
    }),
    source: z.string(),
  });
  const rows: DenominatorRow[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const parsed = schema.safeParse(Object.fromEntries(columns.map((c) => [c.key, text(row.cells[c.key])])));
    if (!parsed.success) {
      issues.push(...rowIssues(row, parsed.error));
      continue;
    }
    const key = `${parsed.data.region} ${parsed.data.period}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({ file, line: row.line, column: 1, value: parsed.data.region, reason: because`duplicate row: ${key} already given at line ${first}` });
      continue;
    }
    seen.set(key, row.line);
    rows.push({
      denominator: code,
      region: parsed.data.region,
      period: parsed.data.period,
      frequency,
      value: Number(parsed.data.value),
      source: parsed.data.source,
      where: `${file}:${row.line}`,
      file,
      line: row.line,
      column: row.cells.value?.column ?? 3,
    });
  }
  return rows;
}

/**
 * Reads one monthly input file: decodes it, maps its header (Chinese or
 * English) and returns its rows as text with their places. The rows are
 * checked against the framework by `validateData`.
 */
export function readInputFile(file: string, bytes: Uint8Array, columns: readonly ColumnSpec<InputField>[] = INPUT_COLUMNS): { info: FileInfo; records: InputRecord[]; issues: Issue[] } {
  const table = readTable(file, bytes, columns);
  return {
    info: { file, sha256: sha256Hex(bytes), ...(table.encoding ? { encoding: table.encoding } : {}) },
    records: table.rows,
    issues: table.issues,
  };
}

/** Reads one monthly input file from disk in chunks (see `readTableFile`); a file that cannot be opened is an issue. */
function streamInputFile(dataDir: string, file: string, issues: Issue[], columns: readonly ColumnSpec<InputField>[]): { info: FileInfo; records: InputRecord[]; issues: Issue[] } | undefined {
  try {
    const { table, sha256 } = readTableFile(join(dataDir, file), file, columns);
    return { info: { file, sha256, ...(table.encoding ? { encoding: table.encoding } : {}) }, records: table.rows, issues: table.issues };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    issues.push({ file, reason: code === 'ENOENT' ? because`file not found` : because`cannot read the file (${code})` });
    return undefined;
  }
}

export interface ReadOptions {
  /**
   * A framework file to use instead of the data directory's `framework/*.json`
   * (a path relative to the working directory, e.g. one exported from the
   * workbench); the data directory's framework/ folder is then not read.
   */
  readonly framework?: string;
}

/**
 * Reads a data directory: `publication.json` (the publication configuration),
 * `framework/*.json` (one file, or `options.framework`), the regions file,
 * every denominator file publication.json names, and every `input/*.csv`.
 * publication.json is checked against the framework (every indicator's value
 * kind declared, every denominator with a file). Never throws for a problem
 * in the data: every problem found is returned in `issues`.
 */
export function readInputs(dataDir: string, options: ReadOptions = {}): DataSet {
  const issues: Issue[] = [];
  const reference: FileInfo[] = [];
  const publication = readPublication(dataDir, issues);
  const frameworkRead = options.framework === undefined ? readFramework(dataDir, issues, reference) : readFrameworkFile(dataDir, options.framework, issues, reference);
  const { framework, info: frameworkFile } = frameworkRead;
  const regionsFile = publication?.regions.file ?? REGIONS_FILE;
  const codePattern = new RegExp(publication?.regions.codePattern ?? DEFAULT_CODE_PATTERN);
  const regions = readRegions(dataDir, regionsFile, codePattern, issues, reference);
  const regionCodes = new Set(regions.map((r) => r.code));
  const denominators: DenominatorRow[] = [];
  if (publication) {
    if (framework) publicationProblems(publication, framework).forEach((p) => issues.push({ file: PUBLICATION_FILE, reason: because`${p.path}: ${p.message}` }));
    issues.push(...placeProblems(publication, regions, regionsFile));
    for (const [code, spec] of Object.entries(publication.denominators)) {
      const nameZh = framework?.denominators.find((d) => d.code === code)?.name.zh;
      for (const row of readDenominator(dataDir, code, spec, nameZh, regionCodes, regionsFile, issues, reference)) denominators.push(row);
    }
  }
  const inputs: FileInfo[] = [];
  const records: InputRecord[] = [];
  const warnings: Issue[] = [];
  // Hidden files are not inputs (`unreadInputs` names them): a `._name.csv` is a Mac's metadata, not data.
  const names = listDir(dataDir, INPUT_DIR, '.csv', issues).filter((name) => !name.startsWith('.'));
  const unread = unreadInputs(dataDir);
  issues.push(...unread.problems);
  warnings.push(...unread.hidden);
  if (names.length === 0 && !issues.some((i) => i.file === `${INPUT_DIR}/`)) issues.push({ file: `${INPUT_DIR}/`, reason: because`no input files (*.csv)` });
  for (const name of names) {
    const file = `${INPUT_DIR}/${name}`;
    const read = streamInputFile(dataDir, file, issues, inputColumns(publication?.periods));
    if (!read) continue;
    inputs.push(read.info);
    // One by one: spreading a long file's rows into push() exceeds the engine's argument limit.
    for (const record of read.records) records.push(record);
    for (const issue of read.issues) issues.push(issue);
  }
  return {
    dataDir,
    ...(framework ? { framework } : {}),
    ...(frameworkFile ? { frameworkFile } : {}),
    ...(frameworkRead.document !== undefined ? { frameworkDocument: frameworkRead.document } : {}),
    ...(frameworkRead.shown !== undefined ? { frameworkShown: frameworkRead.shown } : {}),
    ...(publication ? { publication } : {}),
    reference,
    regions,
    denominators,
    inputs,
    records,
    issues,
    warnings,
  };
}

/**
 * publication.json's regions against the regions file: the place's region
 * and every total and part must be regions of the file, and each part of a
 * total must have the total as its parent there.
 */
function placeProblems(publication: Publication, regions: readonly Region[], regionsFile: string): Issue[] {
  if (regions.length === 0) return [];
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const problems: Issue[] = [];
  const unknown = (path: string, code: string) => problems.push({ file: PUBLICATION_FILE, reason: because`${path}: ${quoteValue(code)} is not a region of ${regionsFile}` });
  if (!byCode.has(publication.place.region)) unknown('place.region', publication.place.region);
  publication.regions.totals.forEach((total, i) => {
    if (!byCode.has(total.region)) unknown(`regions.totals.${i}.region`, total.region);
    total.of.forEach((part, j) => {
      const region = byCode.get(part);
      if (!region) unknown(`regions.totals.${i}.of.${j}`, part);
      else if (region.parent !== total.region && (region.parent === null || byCode.has(region.parent))) {
        problems.push({ file: PUBLICATION_FILE, reason: because`regions.totals.${i}.of.${j}: ${part} has parent ${region.parent ?? '(none)'} in ${regionsFile}, not ${total.region}` });
      }
    });
  });
  return problems;
}
