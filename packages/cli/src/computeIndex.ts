import { bandOf, buildExact, buildIndex, canonicalJson, Exact, exactAt, exactInputs, flagNames, monthUncertainty, panelFromObservations, periodDistance, periodFrequency, periodsPerYear, publishChange, roundHalfUp, shiftPeriod, uncertaintyLookback, ValidationError, type ExactPanel, type Framework, type IndexResult, type MonthUncertainty, type Observation, type Provenance } from '@pingan/core';
import { RELEASE_FORMAT, releaseWarning, UNCERTAINTY_MODEL, type InputCell, type PublishedAggregate, type PublishedIndicator, type PublishedMonth, type PublishedRegion, type PublishedUncertainty } from '@pingan/core/release';
import { DataInvalidError, UsageError } from './issues.ts';
import { nextReleaseDate } from './publication.ts';
import { sha256Hex, type FileInfo, type Region } from './readInputs.ts';
import { denominatorObservations, type InputObservation, type ValidatedData } from './validateData.ts';
import { t } from './i18n/t.ts';
import { coreDataIssues } from './computable.ts';

/**
 * How many periods before the published period its computation reads: what
 * the framework's windows, carried values and the year-on-year change need,
 * plus the noise model's baseline and the early warning's history
 * (`uncertaintyLookback`: 63 months for Xiangtan's 12-month windows). For a
 * quarterly index (`perYear` 4) it is counted in quarters: a framework's
 * windows and carries are stated in periods, the baseline and the chart
 * history in months and converted (36 months are 12 quarters).
 */
export function lookbackMonths(framework: Framework, perYear = 12): number {
  return uncertaintyLookback(framework, perYear);
}

/**
 * The release's uncertainty settings: the bootstrap's and rank intervals' replicates and seed
 * (fixed, so releases are byte-deterministic), and the analytic intervals' distributions:
 * `lattice`, rare counts by their exact distribution (release uncertainty model 2).
 */
export const RELEASE_UNCERTAINTY = { draws: 1000, seed: 1, distribution: 'lattice' } as const;

/** The published figures and input cells, as the release format's one schema in @pingan/core declares them. */
export type { PublishedAggregate, PublishedIndicator, PublishedMonth, PublishedRegion, InputCell } from '@pingan/core/release';
export type Names = PublishedMonth['framework']['name'];
export type PublishedBand = NonNullable<PublishedAggregate['band']>;
export type Changes = PublishedAggregate['change'];

export interface MonthComputation {
  readonly month: string;
  /** The months read: from month − `lookbackMonths` (or the first month with data) to month. */
  readonly periods: readonly string[];
  readonly framework: Framework;
  readonly result: IndexResult;
  readonly exact: ExactPanel;
  readonly published: PublishedMonth;
  readonly cells: readonly InputCell[];
  readonly provenance: Provenance;
  /** SHA-256 over the release format, the uncertainty model, the provenance hash and the regions' names: equal hashes mean equal releases. */
  readonly inputHash: string;
  /** The input files with rows in the months read. */
  readonly inputFiles: readonly FileInfo[];
  /** The framework file that was read (default or `--framework`), with its SHA-256. */
  readonly frameworkFile: FileInfo | null;
  /** The framework file, the regions file and the denominator files, with their SHA-256. */
  readonly referenceFiles: readonly FileInfo[];
  /** Regions whose index is missing this month. */
  readonly missingIndex: readonly string[];
  /** The day the next period is due by publication.json's release calendar (the manifest's `nextRelease`); null when the calendar has no date for it. */
  readonly nextRelease: string | null;
  /** The month's intervals, verdicts, rank intervals and early warnings. */
  readonly uncertainty: MonthUncertainty;
}

const exactText = (x: number) => new Exact(x).toString();

function at(panel: ExactPanel, unit: string, period: string, code: string): { value: InstanceType<typeof Exact> | null; flags: number } {
  const u = panel.units.indexOf(unit);
  const p = panel.periods.indexOf(period);
  const c = panel.codes.indexOf(code);
  if (u < 0 || p < 0 || c < 0) return { value: null, flags: 0 };
  const i = (p * panel.units.length + u) * panel.codes.length + c;
  return { value: exactAt(panel.values, i), flags: panel.flags[i] };
}

/**
 * What a month's release reads: the periods from month − `lookbackMonths`
 * (or the first with data) to the month (its windows, the year-on-year
 * comparison and the noise model's baseline), their input observations, and
 * those with the denominators. `pingan warnings` charts the same months, so
 * both list the same warnings.
 */
export function monthSlice(valid: ValidatedData, framework: Framework, target: string): { periods: string[]; inputs: InputObservation[]; observations: Observation[] } {
  const first = valid.months[0];
  // A year back: 12 months or 4 quarters.
  const lookback = lookbackMonths(framework, periodsPerYear(target));
  const start = periodDistance(first, target) > lookback ? shiftPeriod(target, -lookback) : first;
  const periods = Array.from({ length: periodDistance(start, target) + 1 }, (_, i) => shiftPeriod(start, i));
  const inSlice = new Set(periods);
  const inputs = valid.observations.filter((o) => inSlice.has(o.period));
  return { periods, inputs, observations: [...inputs, ...denominatorObservations(valid, periods)] };
}

/** The month's build: its slice (`monthSlice`) and the index built on it. */
function monthBuild(valid: ValidatedData, framework: Framework, target: string) {
  const { periods, inputs, observations } = monthSlice(valid, framework, target);
  try {
    return { periods, inputs, observations, result: buildIndex(framework, panelFromObservations(framework, observations, { units: valid.units, periods })) };
  } catch (error) {
    if (error instanceof ValidationError) throw new DataInvalidError(coreDataIssues(error.issues, valid.observations));
    throw error;
  }
}

/**
 * What a release of the month is made from, as one hash: the build's
 * provenance (framework, inputs, options, library version) and the regions,
 * with the release format and the uncertainty model (the same figures in a
 * new format, or with intervals from a new model, are a new revision).
 */
function inputHashOf(valid: ValidatedData, result: IndexResult): string {
  const regionsByCode = new Map<string, Region>(valid.data.regions.map((r) => [r.code, r]));
  const regions = valid.units.map((u) => regionsByCode.get(u)!);
  return sha256Hex(canonicalJson({ format: RELEASE_FORMAT, uncertaintyModel: UNCERTAINTY_MODEL, provenance: result.provenance.hash, regions }));
}

/**
 * The input hash a release of each month would have now (`computeIndex`'s,
 * without computing the figures): a published month whose latest revision
 * has another rests on inputs that have changed since, and
 * `pingan release --all` would revise it.
 *
 * @example
 * currentInputHash(valid, '2025-05') === manifest.inputHash; // false after an edit to a month 2025-05 reads
 */
export function currentInputHash(valid: ValidatedData, month: string): string {
  // Not refused for --strict's warnings (issues then, but the months were computed): a month must only have an index.
  if (!valid.framework || valid.publishable.length === 0) throw new DataInvalidError(valid.issues);
  return inputHashOf(valid, monthBuild(valid, valid.framework, askedPeriod(valid, month, 'index')).result);
}

/**
 * The period a command asks for (default: the data's last), or a usage error
 * that says why there is none: not of the data's kind (a month where the
 * index is quarterly), outside the data, or, where an index is asked for,
 * before the first period whose windows are full (that period has inputs but
 * no index, so a table of it would be all dashes).
 */
export function askedPeriod(valid: ValidatedData, period: string | undefined, need: 'data' | 'index'): string {
  if (valid.months.length === 0) throw new UsageError(need === 'index' ? t`there is no data to compute` : t`there is no data to chart`);
  const first = valid.months[0];
  const last = valid.months[valid.months.length - 1];
  const target = period ?? last;
  if (periodFrequency(target) !== periodFrequency(first)) {
    throw new UsageError(periodFrequency(first) === 'quarter' ? t`"${target}" is not a quarter (expected YYYY-Qn, e.g. 2025-Q3: publication.json says "periods": "quarterly")` : t`"${target}" is not a month (expected YYYY-MM)`);
  }
  if (target < first || target > last) throw new UsageError(t`no data for ${target}: the data covers ${first} to ${last}`);
  if (need === 'index' && !valid.publishable.includes(target)) throw new UsageError(t`${target} has no index: the first month whose windows are full is ${valid.publishable[0]}`);
  return target;
}

/**
 * Computes the index for one month (default: the latest) from validated
 * data, with the uncertainty of every figure (`monthUncertainty`): the
 * months from month − `lookbackMonths(framework)` to month are read (the
 * windows, the year-on-year comparison and the noise model's baseline), so
 * edits to older months do not change this month's inputs or provenance.
 */
export function computeIndex(valid: ValidatedData, month?: string): MonthComputation {
  if (valid.issues.length > 0 || !valid.framework) throw new DataInvalidError(valid.issues);
  const framework = valid.framework;
  const target = askedPeriod(valid, month, 'index');
  const { periods, inputs, observations, result } = monthBuild(valid, framework, target);
  const perYear = periodsPerYear(target);
  const exact = buildExact(result);
  const rates = exactInputs(result);
  const d = framework.decimals;
  const round = (v: InstanceType<typeof Exact> | null) => (v === null ? null : roundHalfUp(v, d));
  const diff = (a: string | null, b: string | null) => (a === null || b === null ? null : roundHalfUp(new Exact(a).minus(b), d));
  const mom = shiftPeriod(target, -1);
  const yoy = shiftPeriod(target, -perYear);
  const regionsByCode = new Map<string, Region>(valid.data.regions.map((r) => [r.code, r]));
  const band = (value: string | null): PublishedBand | null => {
    const b = value === null ? undefined : bandOf(framework, value);
    return b ? { code: b.code, name: { zh: b.name.zh, en: b.name.en } } : null;
  };
  const rawFlags = (unit: string, code: string) => {
    const u = result.raw.units.indexOf(unit);
    const p = result.raw.periods.indexOf(target);
    const c = result.raw.codes.indexOf(code);
    const i = (p * result.raw.units.length + u) * result.raw.codes.length + c;
    return { value: result.raw.values[i], flags: result.raw.flags[i] };
  };

  const rankUnits = valid.units.filter((u) => {
    const parent = regionsByCode.get(u)!.parent;
    return parent !== null && valid.units.includes(parent);
  });
  const uncertainty = monthUncertainty(result, target, { ...RELEASE_UNCERTAINTY, rankUnits: rankUnits.length > 0 ? rankUnits : valid.units });
  const byUnit = new Map(uncertainty.regions.map((r) => [r.unit, new Map(r.nodes.map((n) => [n.code, n]))]));
  const ranks = new Map(uncertainty.ranking.units.map((r) => [r.unit, { rank: r.rank, lower: r.lower, upper: r.upper }]));
  const nodeUncertainty = (unit: string, code: string): PublishedUncertainty => {
    const n = byUnit.get(unit)?.get(code);
    const changeOf = (c: MonthUncertainty['regions'][number]['nodes'][number]['mom']) => (c ? { lower: c.lower, upper: c.upper, verdict: c.verdict } : null);
    return { interval: n?.interval ? { lower: n.interval.lower, upper: n.interval.upper } : null, mom: changeOf(n?.mom ?? null), yoy: changeOf(n?.yoy ?? null) };
  };

  const givenText = new Map(inputs.filter((o) => o.period === target && o.text !== null).map((o) => [`${o.unit} ${o.code}`, o.text!]));
  const missingIndex: string[] = [];
  const regions: PublishedRegion[] = valid.units.map((unit) => {
    const region = regionsByCode.get(unit)!;
    const published = (period: string, code: string) => round(at(exact, unit, period, code).value);
    const changes = (code: string): Changes => {
      const now = published(target, code);
      return { mom: diff(now, published(mom, code)), yoy: diff(now, published(yoy, code)) };
    };
    const change = (from: string) => publishChange(framework, exact, unit, from, target);
    const momChange = change(mom);
    const yoyChange = change(yoy);
    const aggregates: PublishedAggregate[] = framework.nodes
      .filter((n) => n.type === 'aggregate')
      .sort((a, b) => b.level - a.level)
      .map((node) => {
        const cell = at(exact, unit, target, node.code);
        const value = round(cell.value);
        return {
          code: node.code,
          level: node.level,
          parent: node.parent,
          name: { zh: node.name.zh, en: node.name.en },
          value,
          band: band(value),
          flags: flagNames(cell.flags),
          change: changes(node.code),
          uncertainty: nodeUncertainty(unit, node.code),
        };
      });
    if (aggregates[0]?.value === null) missingIndex.push(unit);
    const indicators: PublishedIndicator[] = framework.indicators.map((code) => {
      const node = framework.byCode.get(code)!;
      if (node.type !== 'indicator') throw new Error(`${code} is not an indicator`);
      const raw = rawFlags(unit, code);
      const score = at(exact, unit, target, code);
      return {
        code,
        parent: node.parent,
        name: { zh: node.name.zh, en: node.name.en },
        unit: node.unit ? { zh: node.unit.zh, en: node.unit.en } : null,
        direction: node.direction,
        // The value exactly as the input file gave it (never a float's rendering of it).
        raw: Number.isNaN(raw.value) ? null : (givenText.get(`${unit} ${code}`) ?? exactText(raw.value)),
        rate: round(at(rates, unit, target, code).value),
        score: round(score.value),
        flags: flagNames(score.flags | raw.flags),
        change: changes(code),
        contribution: { mom: momChange?.contributions[code] ?? null, yoy: yoyChange?.contributions[code] ?? null },
        uncertainty: nodeUncertainty(unit, code),
      };
    });
    const rank = ranks.get(unit);
    return { code: unit, name: { zh: region.name.zh, en: region.name.en }, level: region.level, parent: region.parent, ...(rank ? { rank } : {}), aggregates, indicators };
  });

  const usedFiles = new Set(inputs.map((o) => o.file));
  const inputFiles = valid.data.inputs.filter((f) => usedFiles.has(f.file));
  // Synthetic when publication.json says so, or when an input file is named so.
  const synthetic = valid.data.publication?.synthetic === true || inputFiles.some((f) => /synthetic/i.test(f.file));
  const codeOrder = [...framework.indicators, ...framework.denominators.map((d) => d.code)];
  const unitOrder = new Map(valid.units.map((u, i) => [u, i]));
  const cells: InputCell[] = observations
    .map((o) => ({ region: o.unit, month: o.period, indicator: o.code, value: o.value === null ? null : ('text' in o && typeof o.text === 'string' ? o.text : exactText(o.value)), flag: o.flag ?? '' }))
    .sort((a, b) =>
      a.month !== b.month
        ? a.month < b.month ? -1 : 1
        : a.region !== b.region
          ? unitOrder.get(a.region)! - unitOrder.get(b.region)!
          : codeOrder.indexOf(a.indicator) - codeOrder.indexOf(b.indicator),
    );
  const provenance = result.provenance;
  return {
    month: target,
    periods,
    framework,
    result,
    exact,
    published: {
      month: target,
      framework: { id: framework.id, version: framework.version, name: { zh: framework.name.zh, en: framework.name.en } },
      decimals: d,
      ...(synthetic ? { note: 'Computed from SYNTHETIC input files: not real figures. 由合成数据计算，并非真实数字。' } : {}),
      uncertainty: {
        method: uncertainty.method,
        model: UNCERTAINTY_MODEL,
        level: uncertainty.level,
        draws: uncertainty.draws,
        seed: uncertainty.seed,
        baseline: { from: periods[0], to: target },
        ranking: { code: uncertainty.ranking.code, neighbours: uncertainty.ranking.neighbours.map((n) => ({ ...n })) },
      },
      warnings: {
        chart: { ...uncertainty.chart },
        charted: uncertainty.charted,
        outOfControl: uncertainty.warnings.map(releaseWarning),
      },
      regions,
    },
    cells,
    provenance,
    inputHash: inputHashOf(valid, result),
    inputFiles,
    frameworkFile: valid.data.frameworkFile ?? null,
    referenceFiles: valid.data.reference,
    missingIndex,
    nextRelease: valid.data.publication ? nextReleaseDate(valid.data.publication.releaseCalendar, target) : null,
    uncertainty,
  };
}
