/**
 * SYNTHETIC data for any index, driven by its configuration rather than
 * written for one place: the data folder's publication.json (regions and
 * totals, denominators, value kinds, survey months, flag words), its
 * framework (indicators, denominators and their scales) and a small model,
 * `synthetic.json` (seed, months, each denominator's base and growth, each
 * indicator's level, region factors, trend and season). Writes the
 * denominator files and one input file per month, `input/SYNTHETIC-YYYY-MM.csv`
 * (per quarter, `input/SYNTHETIC-YYYY-Qn.csv` headed 季度, when publication.json
 * says `"periods": "quarterly"`; then `months` in synthetic.json are quarters
 * and `season` has four factors), in the form a bureau's Excel writes (UTF-8
 * with BOM, CRLF, Chinese headers). Seeded: the same configuration writes the
 * same bytes.
 *
 * Every value kind of publication.json is generated: counts (Poisson),
 * amounts (the sum of the period's events, each a log-normal amount, as
 * Xiangtan's fire loss in scripts/generate-sample-data.ts), shares and rates
 * (a level with noise). The whole configuration is checked first: every
 * problem is reported at once, with its file and JSON path
 * (`ConfigurationError`), and nothing is written.
 *
 * Used for the fictional example: node --conditions=pingan-source
 * scripts/generate-sample-data.ts --config examples/shifan-county
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomLcg, randomLogNormal, randomNormal, randomPoisson } from 'd3-random';
import {
  frameworkFromJson,
  periodLastMonth,
  periodRange,
  periodsPerYear,
  publicationFromJson,
  publicationProblems,
  ValidationError,
  type Framework,
  type Publication,
} from '@pingan/core';

type ValueKind = Publication['indicators'][string]['kind'];

/** The model of one indicator in `synthetic.json`; which fields apply depends on its value kind (see `SyntheticModel.indicators`). */
export interface IndicatorModel {
  perYear?: number;
  level?: number;
  regions?: Record<string, number>;
  trend?: number;
  season?: number[];
  spread?: number;
  decimals?: number;
  /** Amounts: the mean amount of one event, in the indicator's unit. */
  meanPerEvent?: number;
  /** Amounts: the log-normal spread of one event's amount (default 1.2, heavy-tailed). */
  sigma?: number;
  /** Amounts: the count indicator whose events carry the amount (instead of `perYear`). */
  events?: string;
}

/** The model of `synthetic.json`. */
export interface SyntheticModel {
  readonly seed: number;
  /** The first and last period: months `YYYY-MM`, or quarters `YYYY-Qn` for a quarterly index. */
  readonly months: { readonly from: string; readonly to: string };
  /** Per denominator: leaf regions' first-year values and yearly growth rates; the totals are sums. */
  readonly denominators: Record<string, { firstYear: number; lastYear: number; base: Record<string, number>; growth: Record<string, number>; source: string }>;
  /** The denominator that weighs shares and rates when a total's value is the mean of its parts'. */
  readonly totalWeight?: string;
  /**
   * Counts: `perYear` events per `scale` units of the indicator's denominator
   * (the framework's scale; per region when it has none), a factor per
   * region, a yearly trend and a seasonal factor per period of the year
   * (twelve, or four for quarters).
   *
   * Amounts (≥ 0, with `decimals`, default 2): the sum over the period's
   * events of a log-normal amount each, of mean `meanPerEvent` and spread
   * `sigma` (default 1.2). The events are either drawn as a count's
   * (`perYear`, `regions`, `trend`, `season`) or those of the count
   * indicator `events` (then `regions` scales each region's amount per event).
   *
   * Shares and rates: `level` plus a region offset, a yearly trend and
   * normal noise of sd `spread`, with `decimals` (default 2).
   */
  readonly indicators: Record<string, IndicatorModel>;
  readonly flags?: { region: string; month: string; indicator: string; flag: 'estimated' | 'provisional' }[];
  /** Indicators whose values in the last month are provisional. */
  readonly provisionalInLastMonth?: string[];
}

/** One problem of a configuration: its file, where in it (a JSON path such as `indicators.theft.perYear`; empty for the whole file) and what is wrong. */
export interface ConfigurationProblem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

/** A configuration the generator cannot use: every problem found, one per line of the message. Nothing was written. */
export class ConfigurationError extends Error {
  readonly problems: readonly ConfigurationProblem[];
  constructor(dataDir: string, problems: readonly ConfigurationProblem[]) {
    const n = problems.length;
    super(
      `cannot generate SYNTHETIC data for ${dataDir}: its configuration has ${n} problem${n === 1 ? '' : 's'} (nothing was written):\n` +
        problems.map((p) => `  ${p.file}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n'),
    );
    this.name = 'ConfigurationError';
    this.problems = problems;
  }
}

/** Writing the generated files failed (the output folder is left as it was). */
export class OutputError extends Error {
  override name = 'OutputError';
}

/** The log-normal spread of one event's amount when the model gives none: Xiangtan's fire loss (heavy-tailed). */
export const DEFAULT_AMOUNT_SIGMA = 1.2;

/**
 * One event's amount (a fire's property loss, a scam's loss): log-normal
 * with mean `mean` and spread `sigma` of its logarithm, drawn from `source`.
 */
export function eventAmount(source: () => number, mean: number, sigma: number): () => number {
  return randomLogNormal.source(source)(Math.log(mean) - (sigma * sigma) / 2, sigma);
}

/** The amount of `events` events in integer units of 10^-decimals: the sum of their draws, times `factor`, rounded. */
export function amountUnits(events: number, draw: () => number, factor: number, decimals: number): number {
  let total = 0;
  for (let i = 0; i < events; i++) total += draw();
  return Math.round(total * factor * 10 ** decimals);
}

/** Integer division rounded half up (non-negative integers). */
function divHalfUp(num: number, den: number): number {
  const q = Math.floor(num / den);
  return 2 * (num - q * den) >= den ? q + 1 : q;
}

/** An integer number of 10^-decimals as the shortest decimal text: (9730, 2) → "97.3". */
function decimalText(units: number, decimals: number): string {
  if (decimals === 0) return String(units);
  const scale = 10 ** decimals;
  const frac = String(units % scale).padStart(decimals, '0').replace(/0+$/, '');
  return frac ? `${Math.floor(units / scale)}.${frac}` : String(Math.floor(units / scale));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));
const KIND_WORD: Record<ValueKind, string> = { count: 'a count', amount: 'an amount', 'share-0-100': 'a share-0-100', 'share-0-1': 'a share-0-1', rate: 'a rate' };
/** The fields of an indicator's model, by value kind. */
const FIELDS: Record<ValueKind, string[]> = {
  count: ['perYear', 'regions', 'trend', 'season'],
  amount: ['meanPerEvent', 'sigma', 'decimals', 'events', 'perYear', 'regions', 'trend', 'season'],
  'share-0-100': ['level', 'regions', 'trend', 'spread', 'decimals'],
  'share-0-1': ['level', 'regions', 'trend', 'spread', 'decimals'],
  rate: ['level', 'regions', 'trend', 'spread', 'decimals'],
};
const HINT: Record<ValueKind, string> = {
  count: '{"perYear": …}',
  amount: '{"meanPerEvent": …, "perYear": …} or {"meanPerEvent": …, "events": "<a count indicator>"}',
  'share-0-100': '{"level": …}',
  'share-0-1': '{"level": …}',
  rate: '{"level": …}',
};

/** A data folder's configuration, checked: what the generator reads. */
export interface Configuration {
  readonly publication: Publication;
  readonly framework: Framework;
  readonly model: SyntheticModel;
}

/**
 * Reads and checks a data folder's publication.json, its one framework file
 * and its synthetic.json. Returns the configuration when there is no
 * problem, and every problem found (each with its file and JSON path).
 */
export function checkConfiguration(dataDir: string): { configuration?: Configuration; problems: ConfigurationProblem[] } {
  const problems: ConfigurationProblem[] = [];
  const add = (file: string, path: string, message: string) => problems.push({ file, path, message });
  const readJson = (file: string): { ok: true; json: unknown } | { ok: false } => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      add(file, '', code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(error)})`);
      return { ok: false };
    }
    try {
      return { ok: true, json: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
    } catch (error) {
      add(file, '', `not valid JSON: ${(error as Error).message}`);
      return { ok: false };
    }
  };
  const fromJson = <T>(file: string, json: unknown, parse: (json: unknown) => T): T | undefined => {
    try {
      return parse(json);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const issue of error.issues) add(file, issue.path === '(root)' ? '' : issue.path, issue.message);
      return undefined;
    }
  };

  const publicationFile = join(dataDir, 'publication.json');
  const publicationJson = readJson(publicationFile);
  const publication = publicationJson.ok ? fromJson(publicationFile, publicationJson.json, publicationFromJson) : undefined;

  const frameworkDir = join(dataDir, 'framework');
  let framework: Framework | undefined;
  let frameworkFiles: string[] = [];
  try {
    frameworkFiles = readdirSync(frameworkDir).filter((f) => f.endsWith('.json'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    add(frameworkDir, '', code === 'ENOENT' ? 'folder not found: it holds the index\'s one framework file' : `cannot read the folder (${code ?? String(error)})`);
  }
  if (frameworkFiles.length === 1) {
    const file = join(frameworkDir, frameworkFiles[0]);
    const json = readJson(file);
    if (json.ok) framework = fromJson(file, json.json, frameworkFromJson);
  } else if (frameworkFiles.length > 1 || existsDir(frameworkDir)) {
    add(frameworkDir, '', `expected one framework file (*.json), found ${frameworkFiles.length}${frameworkFiles.length ? `: ${frameworkFiles.join(', ')}` : ''}`);
  }

  if (publication && framework) {
    for (const issue of publicationProblems(publication, framework)) add(publicationFile, issue.path, issue.message);
  }
  if (publication && !publication.synthetic) add(publicationFile, 'synthetic', 'generated data are SYNTHETIC: set "synthetic": true');

  const modelFile = join(dataDir, 'synthetic.json');
  const modelJson = readJson(modelFile);
  if (modelJson.ok) checkModel(modelJson.json, publication, framework, (path, message) => add(modelFile, path, message), (path, message) => add(publicationFile, path, message));

  if (problems.length || !publication || !framework || !modelJson.ok) return { problems };
  return { configuration: { publication, framework, model: modelJson.json as SyntheticModel }, problems };
}

function existsDir(dir: string): boolean {
  try {
    readdirSync(dir);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks synthetic.json against the publication configuration and the
 * framework (each when it could be read): every field's type and range,
 * unknown fields, models for exactly the denominators and indicators there
 * are, the fields each value kind needs, and flags on values that exist.
 */
function checkModel(
  json: unknown,
  publication: Publication | undefined,
  framework: Framework | undefined,
  problem: (path: string, message: string) => void,
  publicationProblem: (path: string, message: string) => void,
): void {
  if (!isObject(json)) {
    problem('', `expected an object {"seed": …, "months": …, "denominators": …, "indicators": …}, found ${show(json)}`);
    return;
  }
  const unknownFields = (value: Record<string, unknown>, path: string, allowed: readonly string[], why = '') => {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) problem(path ? `${path}.${key}` : key, `unknown field${why} (expected ${allowed.map((a) => `"${a}"`).join(', ')})`);
    }
  };
  const number = (value: unknown, path: string, rule: { min?: number; above?: number; integer?: boolean; max?: number } = {}): number | undefined => {
    if (value === undefined) return undefined;
    const ok =
      isNumber(value) &&
      (rule.min === undefined || value >= rule.min) &&
      (rule.above === undefined || value > rule.above) &&
      (rule.max === undefined || value <= rule.max) &&
      (!rule.integer || Number.isInteger(value));
    if (ok) return value;
    const what = [
      rule.integer ? 'a whole number' : 'a number',
      rule.min !== undefined && rule.max !== undefined ? `within ${rule.min}–${rule.max}` : '',
      rule.min !== undefined && rule.max === undefined ? `≥ ${rule.min}` : '',
      rule.above !== undefined ? `> ${rule.above}` : '',
      rule.max !== undefined && rule.min === undefined ? `≤ ${rule.max}` : '',
    ].filter(Boolean).join(' ');
    problem(path, `expected ${what}, found ${show(value)}`);
    return undefined;
  };
  const required = (value: unknown, path: string, what: string): boolean => {
    if (value !== undefined) return true;
    problem(path, `missing: ${what}`);
    return false;
  };

  unknownFields(json, '', ['about', 'seed', 'months', 'denominators', 'totalWeight', 'indicators', 'flags', 'provisionalInLastMonth']);
  if (json.about !== undefined && typeof json.about !== 'string') problem('about', `expected a text, found ${show(json.about)}`);
  if (required(json.seed, 'seed', 'the seed of the random numbers (a number)')) number(json.seed, 'seed');

  // Regions: every part of a total is generated; the totals are sums or weighted means of their parts.
  const totals = publication?.regions.totals ?? [];
  const leaves = [...new Set(totals.flatMap((t) => t.of))];
  if (publication && totals.length === 0) {
    publicationProblem('regions.totals', 'empty: the generator makes data for the parts of each total and the total from them; list at least one total, e.g. [{"region": "<the place>", "of": ["<its parts>", …]}]');
  }
  for (const total of totals) {
    if (leaves.includes(total.region)) publicationProblem('regions.totals', `${total.region} is both a total and a part of another total; the generator makes one level of totals`);
  }
  const isLeaf = (region: string) => leaves.includes(region);
  const regionsOf = (value: unknown, path: string, rule: { min?: number; above?: number }, what: string): Record<string, number> | undefined => {
    if (value === undefined) return undefined;
    if (!isObject(value)) {
      problem(path, `expected ${what} per region, {"<region>": …}, found ${show(value)}`);
      return undefined;
    }
    for (const [region, x] of Object.entries(value)) {
      if (publication && !isLeaf(region)) problem(`${path}.${region}`, `${region} is not a part of a total in publication.json (regions.totals): only the parts are generated`);
      number(x, `${path}.${region}`, rule);
    }
    return value as Record<string, number>;
  };

  // Periods.
  const quarterly = publication?.periods === 'quarterly';
  const periodShape = publication ? (quarterly ? /^\d{4}-Q[1-4]$/ : /^\d{4}-(0[1-9]|1[0-2])$/) : /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;
  const periodWord = publication ? (quarterly ? 'a quarter YYYY-Qn' : 'a month YYYY-MM') : 'a period YYYY-MM or YYYY-Qn';
  let months: string[] | undefined;
  if (required(json.months, 'months', `the first and last period, {"from": …, "to": …}`)) {
    if (!isObject(json.months)) problem('months', `expected {"from": …, "to": …}, found ${show(json.months)}`);
    else {
      unknownFields(json.months, 'months', ['from', 'to']);
      let ok = true;
      for (const end of ['from', 'to'] as const) {
        const value = json.months[end];
        if (!required(value, `months.${end}`, `${periodWord}`)) ok = false;
        else if (typeof value !== 'string' || !periodShape.test(value)) {
          problem(`months.${end}`, `${show(value)} is not ${periodWord}${publication ? ` (publication.json says "periods": "${publication.periods}")` : ''}`);
          ok = false;
        }
      }
      if (ok) {
        const { from, to } = json.months as { from: string; to: string };
        if (to < from) problem('months', `${from} to ${to}: the end is before the start`);
        else if (publication) months = periodRange(from, to);
      }
    }
  }
  const perYear = months ? periodsPerYear(months[0]) : quarterly ? 4 : 12;
  const monthOfYear = (period: string) => Number(periodLastMonth(period).slice(5, 7));

  // Denominators: one model for each of publication.json's, annual, covering the generated periods.
  const denominatorCodes = publication ? Object.keys(publication.denominators) : [];
  if (required(json.denominators, 'denominators', 'a model for each denominator of publication.json') && !isObject(json.denominators)) {
    problem('denominators', `expected {"<denominator>": {"firstYear": …, "lastYear": …, "base": …, "growth": …, "source": …}}, found ${show(json.denominators)}`);
  }
  const denominators = isObject(json.denominators) ? json.denominators : {};
  for (const [code, spec] of Object.entries(publication?.denominators ?? {})) {
    if (spec.frequency !== 'annual') publicationProblem(`denominators.${code}.frequency`, `only annual denominators are generated, not "${spec.frequency}"`);
    if (isObject(json.denominators) && denominators[code] === undefined) problem(`denominators.${code}`, `missing: a model for the denominator "${code}" of publication.json`);
  }
  for (const [code, value] of Object.entries(denominators)) {
    const path = `denominators.${code}`;
    if (publication && !denominatorCodes.includes(code)) problem(path, `"${code}" is not a denominator of publication.json (${denominatorCodes.join(', ') || 'none'})`);
    if (!isObject(value)) {
      problem(path, `expected {"firstYear": …, "lastYear": …, "base": …, "growth": …, "source": …}, found ${show(value)}`);
      continue;
    }
    unknownFields(value, path, ['firstYear', 'lastYear', 'base', 'growth', 'source']);
    const first = required(value.firstYear, `${path}.firstYear`, 'the first year (a whole number)') ? number(value.firstYear, `${path}.firstYear`, { integer: true }) : undefined;
    const last = required(value.lastYear, `${path}.lastYear`, 'the last year (a whole number)') ? number(value.lastYear, `${path}.lastYear`, { integer: true }) : undefined;
    if (first !== undefined && last !== undefined) {
      if (last < first) problem(path, `firstYear ${first} to lastYear ${last}: the end is before the start`);
      else if (months) {
        const need = [Number(months[0].slice(0, 4)), Number(months.at(-1)!.slice(0, 4))];
        if (first > need[0] || last < need[1]) problem(path, `years ${first} to ${last} do not cover the generated periods ${months[0]} to ${months.at(-1)} (${need[0]} to ${need[1]})`);
      }
    }
    if (required(value.base, `${path}.base`, 'the first year\'s value of each part of a total (> 0)')) {
      const base = regionsOf(value.base, `${path}.base`, { above: 0 }, 'the first year\'s value (> 0)');
      if (base && publication) for (const region of leaves) if (base[region] === undefined) problem(`${path}.base.${region}`, `missing: the first year's value of region ${region} (> 0)`);
    }
    regionsOf(value.growth, `${path}.growth`, { above: -1 }, 'a yearly growth rate (> −1)');
    if (required(value.source, `${path}.source`, 'the source written in the file\'s 来源 column (a text)') && (typeof value.source !== 'string' || value.source === '' || /[,"\r\n]/.test(value.source))) {
      problem(`${path}.source`, `expected a non-empty text without commas, quotes or line breaks (it is a CSV column), found ${show(value.source)}`);
    }
  }

  // Indicators: one model for each indicator of the framework, with the fields its value kind needs.
  const kinds = new Map<string, ValueKind>();
  if (publication && framework) for (const code of framework.indicators) if (publication.indicators[code]) kinds.set(code, publication.indicators[code].kind);
  /** Months of the year an indicator is generated in (undefined: every period). */
  const surveyMonths = (code: string) => publication?.indicators[code]?.survey?.months;
  if (required(json.indicators, 'indicators', 'a model for each indicator of the framework') && !isObject(json.indicators)) {
    problem('indicators', `expected {"<indicator>": {…}}, found ${show(json.indicators)}`);
  }
  const indicators = isObject(json.indicators) ? json.indicators : {};
  if (framework && isObject(json.indicators)) {
    for (const code of framework.indicators) {
      const kind = kinds.get(code);
      if (indicators[code] === undefined) problem(`indicators.${code}`, `missing: a model for the indicator "${code}" of the framework${kind ? ` (${KIND_WORD[kind]}: ${HINT[kind]})` : ''}`);
    }
  }
  const nonAdditive = [...kinds.values()].some((k) => k !== 'count' && k !== 'amount');
  for (const [code, value] of Object.entries(indicators)) {
    const path = `indicators.${code}`;
    if (framework && !framework.indicators.includes(code)) {
      problem(path, `"${code}" is not an indicator of framework "${framework.id}"`);
      continue;
    }
    if (!isObject(value)) {
      problem(path, `expected an object, found ${show(value)}`);
      continue;
    }
    const kind = kinds.get(code);
    if (!kind) continue; // not known without publication.json and the framework, or not declared there (reported above)
    const node = framework!.byCode.get(code);
    const denominator = node?.type === 'indicator' ? node.denominator : undefined;
    unknownFields(value, path, FIELDS[kind], ` for ${KIND_WORD[kind]}`);
    const season = (at: unknown) => {
      if (at === undefined) return;
      if (!Array.isArray(at) || at.length !== perYear) {
        problem(`${path}.season`, `expected ${perYear} factors, one per ${quarterly ? 'quarter' : 'month'}, found ${Array.isArray(at) ? at.length : show(at)}`);
        return;
      }
      at.forEach((x, i) => number(x, `${path}.season.${i}`, { min: 0 }));
      if (at.every(isNumber) && at.every((x) => x === 0)) problem(`${path}.season`, 'the factors are all 0');
    };
    if (kind === 'count' || (kind === 'amount' && value.events === undefined)) {
      const what = kind === 'count' ? 'a count' : 'an amount without "events"';
      if (required(value.perYear, `${path}.perYear`, `${what} needs its events per year${denominator ? ` per ${denominator.scale} ${denominator.code}` : ' per region'} (a number ≥ 0)`)) number(value.perYear, `${path}.perYear`, { min: 0 });
      regionsOf(value.regions, `${path}.regions`, { min: 0 }, 'a factor (≥ 0)');
      number(value.trend, `${path}.trend`, { above: -1 });
      season(value.season);
    }
    if (kind === 'amount') {
      if (required(value.meanPerEvent, `${path}.meanPerEvent`, 'an amount needs the mean amount of one event (a number > 0)')) number(value.meanPerEvent, `${path}.meanPerEvent`, { above: 0 });
      number(value.sigma, `${path}.sigma`, { min: 0 });
      number(value.decimals, `${path}.decimals`, { integer: true, min: 0, max: 12 });
      if (value.events !== undefined) {
        for (const field of ['perYear', 'trend', 'season'] as const) {
          if (value[field] !== undefined) problem(`${path}.${field}`, `not used with "events": the events are those of "${String(value.events)}"; give either "events" or "perYear"`);
        }
        regionsOf(value.regions, `${path}.regions`, { min: 0 }, 'a factor on the amount per event (≥ 0)');
        if (typeof value.events !== 'string' || kinds.get(value.events) !== 'count') {
          problem(`${path}.events`, `${show(value.events)} is not a count indicator of the framework (${[...kinds].filter(([, k]) => k === 'count').map(([c]) => c).join(', ') || 'it has none'})`);
        } else {
          const own = surveyMonths(code);
          const theirs = surveyMonths(value.events);
          const missing = theirs && (own ?? Array.from({ length: 12 }, (_, i) => i + 1)).filter((m) => !theirs.includes(m) && (!quarterly || m % 3 === 0));
          if (missing?.length) problem(`${path}.events`, `"${value.events}" is a survey with no value in month${missing.length === 1 ? '' : 's'} ${missing.join(', ')}, where "${code}" needs its events`);
        }
      }
    }
    if (kind === 'share-0-100' || kind === 'share-0-1' || kind === 'rate') {
      const top = kind === 'share-0-100' ? 100 : kind === 'share-0-1' ? 1 : undefined;
      if (required(value.level, `${path}.level`, `${KIND_WORD[kind]} needs its level (a number${top ? ` within 0–${top}` : ' ≥ 0'})`)) number(value.level, `${path}.level`, { min: 0, max: top });
      regionsOf(value.regions, `${path}.regions`, {}, 'an offset');
      number(value.trend, `${path}.trend`);
      number(value.spread, `${path}.spread`, { min: 0 });
      number(value.decimals, `${path}.decimals`, { integer: true, min: 0, max: 12 });
    }
  }

  // The weight of a total's shares and rates.
  if (json.totalWeight !== undefined || (nonAdditive && totals.length)) {
    if (json.totalWeight === undefined) problem('totalWeight', `missing: the denominator that weighs the parts' shares and rates in a total (one of ${denominatorCodes.join(', ') || 'publication.json\'s denominators, which has none'})`);
    else if (typeof json.totalWeight !== 'string' || (publication && !denominatorCodes.includes(json.totalWeight))) {
      problem('totalWeight', `${show(json.totalWeight)} is not a denominator of publication.json (${denominatorCodes.join(', ') || 'none'})`);
    }
  }

  // Flags, on values that are generated.
  const flagAllowed = (flag: string) => !publication || publication.flags.some((f) => f.flag === flag);
  const generatedIn = (code: string, period: string) => !surveyMonths(code) || surveyMonths(code)!.includes(monthOfYear(period));
  if (json.flags !== undefined) {
    if (!Array.isArray(json.flags)) problem('flags', `expected a list of {"region": …, "month": …, "indicator": …, "flag": …}, found ${show(json.flags)}`);
    else
      json.flags.forEach((f: unknown, i) => {
        const path = `flags.${i}`;
        if (!isObject(f)) {
          problem(path, `expected {"region": …, "month": …, "indicator": …, "flag": …}, found ${show(f)}`);
          return;
        }
        unknownFields(f, path, ['region', 'month', 'indicator', 'flag']);
        const region = f.region;
        if (typeof region !== 'string' || (publication && !isLeaf(region))) {
          problem(`${path}.region`, `${show(region)} is not a part of a total in publication.json (a total's flag follows from its parts')`);
        }
        const month = f.month;
        const monthOk = typeof month === 'string' && periodShape.test(month) && (!months || months.includes(month));
        if (!monthOk) problem(`${path}.month`, `${show(month)} is not ${months ? `a generated period (${months[0]} to ${months.at(-1)})` : periodWord}`);
        const indicator = f.indicator;
        const indicatorOk = typeof indicator === 'string' && (!framework || framework.indicators.includes(indicator));
        if (!indicatorOk) problem(`${path}.indicator`, `${show(indicator)} is not an indicator of the framework`);
        else if (monthOk && publication && !generatedIn(indicator as string, month as string)) {
          problem(path, `"${indicator as string}" has no value in ${month as string}: it is a survey of months ${surveyMonths(indicator as string)!.join(', ')}`);
        }
        if (f.flag !== 'estimated' && f.flag !== 'provisional') problem(`${path}.flag`, `expected "estimated" or "provisional", found ${show(f.flag)}`);
        else if (!flagAllowed(f.flag)) problem(`${path}.flag`, `"${f.flag}" is not among publication.json's flags (${publication!.flags.map((x) => x.flag).join(', ') || 'none'})`);
      });
  }
  if (json.provisionalInLastMonth !== undefined) {
    if (!Array.isArray(json.provisionalInLastMonth)) problem('provisionalInLastMonth', `expected a list of indicator codes, found ${show(json.provisionalInLastMonth)}`);
    else {
      if (json.provisionalInLastMonth.length && !flagAllowed('provisional')) problem('provisionalInLastMonth', '"provisional" is not among publication.json\'s flags');
      json.provisionalInLastMonth.forEach((code: unknown, i) => {
        if (typeof code !== 'string' || (framework && !framework.indicators.includes(code))) problem(`provisionalInLastMonth.${i}`, `${show(code)} is not an indicator of the framework`);
        else if (months && publication && !generatedIn(code, months.at(-1)!)) {
          problem(`provisionalInLastMonth.${i}`, `"${code}" has no value in the last period ${months.at(-1)}: it is a survey of months ${surveyMonths(code)!.join(', ')}`);
        }
      });
    }
  }
}

/** Reads a data folder's publication.json, its one framework file and its synthetic.json, checked. @throws ConfigurationError listing every problem. */
export function readConfiguration(dataDir: string): Configuration {
  const { configuration, problems } = checkConfiguration(dataDir);
  if (!configuration) throw new ConfigurationError(dataDir, problems);
  return configuration;
}

/** One generated file: its path relative to the output folder, and its bytes. */
interface OutputFile {
  readonly name: string;
  readonly text: string;
}

/**
 * The SYNTHETIC denominator files and monthly input files of a checked
 * configuration, in memory.
 */
function generate({ publication, framework, model }: Configuration): OutputFile[] {
  const source = randomLcg(model.seed);
  const poisson = randomPoisson.source(source);
  const normal = randomNormal.source(source)(0, 1);
  const quarterly = publication.periods === 'quarterly';
  // Months, or quarters: every period of the input files.
  const months = periodRange(model.months.from, model.months.to);
  const perYear = periodsPerYear(months[0]);
  const totals = publication.regions.totals;
  const totalCodes = new Set(totals.map((t) => t.region));
  const leaves = [...new Set(totals.flatMap((t) => t.of))];
  const files: OutputFile[] = [];
  const csv = (lines: string[]) => `\uFEFF${lines.map((l) => `${l}\r\n`).join('')}`;

  // Denominators: each leaf grows by its yearly rate; a total is the sum of its parts.
  const denominator = new Map<string, number>(); // `code region year`
  for (const [code, spec] of Object.entries(publication.denominators)) {
    const m = model.denominators[code];
    const name = framework.denominators.find((d) => d.code === code)?.name.zh ?? code;
    const lines = [`地区代码,年份,${name},来源`];
    for (let year = m.firstYear; year <= m.lastYear; year++) {
      for (const region of leaves) denominator.set(`${code} ${region} ${year}`, Math.round(m.base[region] * (1 + (m.growth?.[region] ?? 0)) ** (year - m.firstYear)));
      for (const total of totals) denominator.set(`${code} ${total.region} ${year}`, total.of.reduce((s, r) => s + denominator.get(`${code} ${r} ${year}`)!, 0));
      for (const region of [...totalCodes, ...leaves]) lines.push(`${region},${year},${denominator.get(`${code} ${region} ${year}`)},${m.source}`);
    }
    files.push({ name: spec.file, text: csv(lines) });
  }
  const den = (code: string, region: string, month: string) => denominator.get(`${code} ${region} ${month.slice(0, 4)}`)!;

  // Leaf values, in integer units of 10^-decimals.
  const cells = new Map<string, { units: number; flag: '' | 'estimated' | 'provisional' }>(); // `region month code`
  const decimalsOf = new Map<string, number>();
  // One draw of an event's amount per amount indicator, made once (its normal deviates come in pairs).
  const amountDraws = new Map<string, () => number>();
  for (const code of framework.indicators) {
    const params = model.indicators[code];
    if (publication.indicators[code].kind === 'amount') amountDraws.set(code, eventAmount(source, params.meanPerEvent!, params.sigma ?? DEFAULT_AMOUNT_SIGMA));
  }
  months.forEach((month, index) => {
    // The period's last month (its survey month) and its place in the year (0 to perYear − 1).
    const m = Number(periodLastMonth(month).slice(5, 7));
    const inYear = ((m / (12 / perYear)) | 0) - 1;
    const years = index / perYear;
    /** The expected events of a count (or of an amount's events) in a region this period. */
    const lambda = (code: string, params: IndicatorModel, region: string) => {
      const node = framework.byCode.get(code);
      const per = node?.type === 'indicator' && node.denominator ? den(node.denominator.code, region, month) / node.denominator.scale : 1;
      const season = params.season ? params.season[inYear] / (params.season.reduce((a, b) => a + b, 0) / perYear) : 1;
      return (params.perYear! / perYear) * per * (params.regions?.[region] ?? 1) * (1 + (params.trend ?? 0)) ** years * season;
    };
    // Amounts whose events are a count's come after the period's other indicators, once those counts are drawn.
    const order = [
      ...framework.indicators.filter((c) => model.indicators[c].events === undefined),
      ...framework.indicators.filter((c) => model.indicators[c].events !== undefined),
    ];
    for (const code of order) {
      const spec = publication.indicators[code];
      const params = model.indicators[code];
      if (spec.survey && !spec.survey.months.includes(m)) continue;
      for (const region of leaves) {
        if (spec.kind === 'count') {
          decimalsOf.set(code, 0);
          cells.set(`${region} ${month} ${code}`, { units: poisson(lambda(code, params, region))(), flag: '' });
        } else if (spec.kind === 'amount') {
          const decimals = params.decimals ?? 2;
          const events = params.events !== undefined ? cells.get(`${region} ${month} ${params.events}`)!.units : poisson(lambda(code, params, region))();
          const factor = params.events !== undefined ? (params.regions?.[region] ?? 1) : 1;
          decimalsOf.set(code, decimals);
          cells.set(`${region} ${month} ${code}`, { units: amountUnits(events, amountDraws.get(code)!, factor, decimals), flag: '' });
        } else {
          const decimals = params.decimals ?? 2;
          const top = spec.kind === 'share-0-100' ? 100 : spec.kind === 'share-0-1' ? 1 : Infinity;
          const x = params.level! + (params.regions?.[region] ?? 0) + (params.trend ?? 0) * years + (params.spread ?? 0) * normal();
          decimalsOf.set(code, decimals);
          cells.set(`${region} ${month} ${code}`, { units: Math.round(Math.min(top, Math.max(0, x)) * 10 ** decimals), flag: '' });
        }
      }
    }
  });
  for (const f of model.flags ?? []) cells.get(`${f.region} ${f.month} ${f.indicator}`)!.flag = f.flag;
  for (const code of model.provisionalInLastMonth ?? []) for (const region of leaves) cells.get(`${region} ${months.at(-1)!} ${code}`)!.flag = 'provisional';

  // Totals: counts and amounts add up; shares and rates are the parts' means weighted by `totalWeight`, rounded half up.
  for (const month of months) {
    for (const total of totals) {
      for (const code of framework.indicators) {
        const parts = total.of.map((r) => cells.get(`${r} ${month} ${code}`));
        if (parts.some((p) => p === undefined)) continue;
        const list = parts as { units: number; flag: '' | 'estimated' | 'provisional' }[];
        const flag = list.some((c) => c.flag === 'provisional') ? 'provisional' : list.some((c) => c.flag === 'estimated') ? 'estimated' : '';
        let units: number;
        const kind = publication.indicators[code].kind;
        if (kind === 'count' || kind === 'amount') units = list.reduce((s, c) => s + c.units, 0);
        else {
          const weights = total.of.map((r) => den(model.totalWeight!, r, month));
          units = divHalfUp(list.reduce((s, c, i) => s + c.units * weights[i], 0), weights.reduce((a, b) => a + b, 0));
        }
        cells.set(`${total.region} ${month} ${code}`, { units, flag });
      }
    }
  }

  const word = (flag: '' | 'estimated' | 'provisional') => (flag === '' ? '' : publication.flags.find((f) => f.flag === flag)!.words[0]);
  for (const month of months) {
    const lines = [quarterly ? '地区代码,季度,指标代码,数值,标记' : '地区代码,月份,指标代码,数值,标记'];
    for (const region of [...totalCodes, ...leaves]) {
      for (const code of framework.indicators) {
        const cell = cells.get(`${region} ${month} ${code}`);
        if (cell) lines.push(`${region},${month},${code},${decimalText(cell.units, decimalsOf.get(code)!)},${word(cell.flag)}`);
      }
    }
    files.push({ name: `input/SYNTHETIC-${month}.csv`, text: csv(lines) });
  }
  return files;
}

/**
 * Writes the files into `outDir`, replacing its SYNTHETIC input files: each
 * file is written beside its place first and renamed into it only when all
 * are written, so a failed write leaves the folder as it was.
 */
function writeAll(outDir: string, files: readonly OutputFile[]): void {
  const suffix = `.generating-${process.pid}`;
  const written: string[] = [];
  try {
    for (const file of files) {
      const path = join(outDir, file.name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path + suffix, file.text);
      written.push(path + suffix);
    }
  } catch (error) {
    for (const path of written) rmSync(path, { force: true });
    throw new OutputError(`cannot write the SYNTHETIC files into ${outDir} (nothing was changed): ${(error as Error).message}`);
  }
  const names = new Set(files.map((f) => f.name));
  const inputDir = join(outDir, 'input');
  for (const f of readdirSync(inputDir)) if (/^SYNTHETIC-\d{4}-(\d{2}|Q[1-4])\.csv$/.test(f) && !names.has(`input/${f}`)) rmSync(join(inputDir, f));
  for (const file of files) renameSync(join(outDir, file.name) + suffix, join(outDir, file.name));
}

/**
 * Generates the SYNTHETIC denominator files and monthly input files of the
 * index in `dataDir` (into `dataDir` itself, or `outDir`), from its
 * configuration. Returns the files written, relative to the output folder.
 *
 * @throws ConfigurationError listing every problem of the configuration (then nothing is written).
 * @throws OutputError when the files cannot be written (then nothing is changed).
 */
export function generateFromConfiguration(dataDir: string, outDir = dataDir): string[] {
  const files = generate(readConfiguration(dataDir));
  writeAll(outDir, files);
  return files.map((f) => f.name);
}
