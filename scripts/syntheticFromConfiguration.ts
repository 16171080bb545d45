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
 * Used for the fictional example: node --conditions=pingan-source
 * scripts/generate-sample-data.ts --config examples/shifan-county
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomLcg, randomNormal, randomPoisson } from 'd3-random';
import { frameworkFromJson, periodLastMonth, periodRange, periodsPerYear, publicationFromJson, type Framework, type Publication } from '@pingan/core';

/** The model of `synthetic.json`. */
export interface SyntheticModel {
  readonly seed: number;
  /** The first and last period: months `YYYY-MM`, or quarters `YYYY-Qn` for a quarterly index. */
  readonly months: { readonly from: string; readonly to: string };
  /** Per denominator: leaf regions' first-year values and yearly growth rates; the totals are sums. */
  readonly denominators: Record<string, { firstYear: number; lastYear: number; base: Record<string, number>; growth: Record<string, number>; source: string }>;
  /** The denominator that weighs shares when a total's share is the mean of its parts'. */
  readonly totalWeight: string;
  /**
   * Counts: `perYear` events per `scale` units of the indicator's denominator
   * (the framework's scale), a factor per region, a yearly trend and a
   * seasonal factor per period of the year (twelve, or four for quarters). Shares and rates: `level` plus a region offset, a
   * yearly trend and normal noise of sd `spread`, with `decimals`.
   */
  readonly indicators: Record<
    string,
    { perYear?: number; level?: number; regions?: Record<string, number>; trend?: number; season?: number[]; spread?: number; decimals?: number }
  >;
  readonly flags?: { region: string; month: string; indicator: string; flag: 'estimated' | 'provisional' }[];
  /** Indicators whose values in the last month are provisional. */
  readonly provisionalInLastMonth?: string[];
}

const problem = (file: string, message: string) => new Error(`${file}: ${message}`);


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

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

/** Reads a data folder's publication.json, its one framework file and its synthetic.json. */
export function readConfiguration(dataDir: string): { publication: Publication; framework: Framework; model: SyntheticModel } {
  const publication = publicationFromJson(readJson(join(dataDir, 'publication.json')));
  const frameworks = readdirSync(join(dataDir, 'framework')).filter((f) => f.endsWith('.json'));
  if (frameworks.length !== 1) throw problem(join(dataDir, 'framework'), `expected one framework file, found ${frameworks.length}`);
  const framework = frameworkFromJson(readJson(join(dataDir, 'framework', frameworks[0])));
  const model = readJson(join(dataDir, 'synthetic.json')) as SyntheticModel;
  return { publication, framework, model };
}

/**
 * Generates the SYNTHETIC denominator files and monthly input files of the
 * index in `dataDir` (into `dataDir` itself, or `outDir`), from its
 * configuration. Returns the files written, relative to the output folder.
 */
export function generateFromConfiguration(dataDir: string, outDir = dataDir): string[] {
  const { publication, framework, model } = readConfiguration(dataDir);
  const modelFile = join(dataDir, 'synthetic.json');
  if (!publication.synthetic) throw problem(join(dataDir, 'publication.json'), 'generated data are SYNTHETIC: set "synthetic": true');
  const source = randomLcg(model.seed);
  const poisson = randomPoisson.source(source);
  const normal = randomNormal.source(source)(0, 1);
  const quarterly = publication.periods === 'quarterly';
  const periodShape = quarterly ? /^\d{4}-Q[1-4]$/ : /^\d{4}-(0[1-9]|1[0-2])$/;
  for (const end of ['from', 'to'] as const) {
    if (!periodShape.test(model.months[end])) throw problem(modelFile, `months.${end}: "${model.months[end]}" is not a ${quarterly ? 'quarter YYYY-Qn' : 'month YYYY-MM'} (publication.json says "periods": "${publication.periods}")`);
  }
  if (model.months.to < model.months.from) throw problem(modelFile, `months ${model.months.from} to ${model.months.to}: the end is not after the start`);
  // Months, or quarters: every period of the input files.
  const months = periodRange(model.months.from, model.months.to);
  const perYear = periodsPerYear(months[0]);
  const totals = publication.regions.totals;
  const totalCodes = new Set(totals.map((t) => t.region));
  const leaves = [...new Set(totals.flatMap((t) => t.of))];
  const written: string[] = [];

  // Denominators: each leaf grows by its yearly rate; a total is the sum of its parts.
  const denominator = new Map<string, number>(); // `code region year`
  for (const [code, spec] of Object.entries(publication.denominators)) {
    const m = model.denominators[code];
    if (!m) throw problem(modelFile, `denominators.${code}: no model for this denominator of publication.json`);
    if (spec.frequency !== 'annual') throw problem(modelFile, `denominators.${code}: only annual denominators are generated`);
    const name = framework.denominators.find((d) => d.code === code)?.name.zh ?? code;
    const lines = [`地区代码,年份,${name},来源`];
    for (let year = m.firstYear; year <= m.lastYear; year++) {
      for (const region of leaves) {
        if (m.base[region] === undefined) throw problem(modelFile, `denominators.${code}.base: no value for region ${region}`);
        denominator.set(`${code} ${region} ${year}`, Math.round(m.base[region] * (1 + (m.growth[region] ?? 0)) ** (year - m.firstYear)));
      }
      for (const total of totals) denominator.set(`${code} ${total.region} ${year}`, total.of.reduce((s, r) => s + denominator.get(`${code} ${r} ${year}`)!, 0));
      for (const region of [...totalCodes, ...leaves]) lines.push(`${region},${year},${denominator.get(`${code} ${region} ${year}`)},${m.source}`);
    }
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, spec.file), `\uFEFF${lines.map((l) => `${l}\r\n`).join('')}`);
    written.push(spec.file);
  }
  const den = (code: string, region: string, month: string) => {
    const value = denominator.get(`${code} ${region} ${month.slice(0, 4)}`);
    if (value === undefined) throw problem(modelFile, `denominators.${code}: no value for ${region} in ${month.slice(0, 4)}`);
    return value;
  };

  // Leaf values, in integer units of 10^-decimals.
  const cells = new Map<string, { units: number; flag: '' | 'estimated' | 'provisional' }>(); // `region month code`
  const decimalsOf = new Map<string, number>();
  months.forEach((month, index) => {
    // The period's last month (its survey month) and its place in the year (0 to perYear − 1).
    const m = Number(periodLastMonth(month).slice(5, 7));
    const inYear = ((m / (12 / perYear)) | 0) - 1;
    const years = index / perYear;
    for (const code of framework.indicators) {
      const node = framework.byCode.get(code);
      const spec = publication.indicators[code];
      const params = model.indicators[code];
      if (node?.type !== 'indicator' || !spec) throw problem(join(dataDir, 'publication.json'), `indicators.${code}: no declared value kind`);
      if (!params) throw problem(modelFile, `indicators.${code}: no model for this indicator`);
      if (spec.survey && !spec.survey.months.includes(m)) continue;
      for (const region of leaves) {
        if (spec.kind === 'count') {
          if (params.perYear === undefined || !node.denominator) throw problem(modelFile, `indicators.${code}: a count needs "perYear" and a denominator in the framework`);
          if (params.season && params.season.length !== perYear) throw problem(modelFile, `indicators.${code}.season: expected ${perYear} factors, one per ${quarterly ? 'quarter' : 'month'}, found ${params.season.length}`);
          const season = params.season ? params.season[inYear] / (params.season.reduce((a, b) => a + b, 0) / perYear) : 1;
          const lambda = (params.perYear / perYear) * (den(node.denominator.code, region, month) / node.denominator.scale) * (params.regions?.[region] ?? 1) * (1 + (params.trend ?? 0)) ** years * season;
          decimalsOf.set(code, 0);
          cells.set(`${region} ${month} ${code}`, { units: poisson(lambda)(), flag: '' });
        } else if (spec.kind === 'share-0-100' || spec.kind === 'share-0-1' || spec.kind === 'rate') {
          if (params.level === undefined) throw problem(modelFile, `indicators.${code}: a ${spec.kind} needs "level"`);
          const decimals = params.decimals ?? 2;
          const top = spec.kind === 'share-0-100' ? 100 : spec.kind === 'share-0-1' ? 1 : Infinity;
          const x = params.level + (params.regions?.[region] ?? 0) + (params.trend ?? 0) * years + (params.spread ?? 0) * normal();
          decimalsOf.set(code, decimals);
          cells.set(`${region} ${month} ${code}`, { units: Math.round(Math.min(top, Math.max(0, x)) * 10 ** decimals), flag: '' });
        } else {
          throw problem(modelFile, `indicators.${code}: value kind ${spec.kind} is not generated`);
        }
      }
    }
  });
  for (const f of model.flags ?? []) {
    const cell = cells.get(`${f.region} ${f.month} ${f.indicator}`);
    if (!cell) throw problem(modelFile, `flags: no value for ${f.region} ${f.month} ${f.indicator}`);
    cell.flag = f.flag;
  }
  for (const code of model.provisionalInLastMonth ?? []) for (const region of leaves) cells.get(`${region} ${months.at(-1)!} ${code}`)!.flag = 'provisional';

  // Totals: counts add up; shares and rates are the parts' means weighted by `totalWeight`, rounded half up.
  for (const month of months) {
    for (const total of totals) {
      for (const code of framework.indicators) {
        const parts = total.of.map((r) => cells.get(`${r} ${month} ${code}`));
        if (parts.some((p) => p === undefined)) continue;
        const list = parts as { units: number; flag: '' | 'estimated' | 'provisional' }[];
        const flag = list.some((c) => c.flag === 'provisional') ? 'provisional' : list.some((c) => c.flag === 'estimated') ? 'estimated' : '';
        let units: number;
        if (publication.indicators[code].kind === 'count') units = list.reduce((s, c) => s + c.units, 0);
        else {
          const weights = total.of.map((r) => den(model.totalWeight, r, month));
          units = divHalfUp(list.reduce((s, c, i) => s + c.units * weights[i], 0), weights.reduce((a, b) => a + b, 0));
        }
        cells.set(`${total.region} ${month} ${code}`, { units, flag });
      }
    }
  }

  const word = (flag: '' | 'estimated' | 'provisional') => {
    if (flag === '') return '';
    const spec = publication.flags.find((f) => f.flag === flag);
    if (!spec) throw problem(join(dataDir, 'publication.json'), `flags: the model uses "${flag}", which publication.json does not allow`);
    return spec.words[0];
  };
  const inputDir = join(outDir, 'input');
  mkdirSync(inputDir, { recursive: true });
  for (const f of readdirSync(inputDir)) if (/^SYNTHETIC-\d{4}-(\d{2}|Q[1-4])\.csv$/.test(f)) rmSync(join(inputDir, f));
  for (const month of months) {
    const lines = [quarterly ? '地区代码,季度,指标代码,数值,标记' : '地区代码,月份,指标代码,数值,标记'];
    for (const region of [...totalCodes, ...leaves]) {
      for (const code of framework.indicators) {
        const cell = cells.get(`${region} ${month} ${code}`);
        if (cell) lines.push(`${region},${month},${code},${decimalText(cell.units, decimalsOf.get(code)!)},${word(cell.flag)}`);
      }
    }
    const name = `input/SYNTHETIC-${month}.csv`;
    writeFileSync(join(outDir, name), `\uFEFF${lines.map((l) => `${l}\r\n`).join('')}`);
    written.push(name);
  }
  return written;
}
