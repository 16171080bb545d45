/** The framework file and the methodology's worked example, read at build time and computed with @pingan/core. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  buildExact,
  buildIndex,
  defineFramework,
  effectiveWeights,
  exactInputs,
  getExact,
  panelFromObservations,
  publishChange,
  roundHalfUp,
  bandOf,
  type Framework,
  type Observation,
} from '@pingan/core';

export function dataDir(): string {
  return resolve(process.env.PINGAN_DATA_DIR ?? join(process.cwd(), '..', 'data'));
}

/** The framework's file name in `<data>/framework/`: the one JSON file there (an index has one framework). */
export function frameworkFileName(): string {
  const dir = join(dataDir(), 'framework');
  const files = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')).sort() : [];
  if (files.length !== 1) {
    throw new Error(`pingan site: expected one framework file (*.json) in ${dir}, found ${files.length === 0 ? 'none' : files.join(', ')}`);
  }
  return files[0];
}

export function frameworkText(): string {
  return readFileSync(join(dataDir(), 'framework', frameworkFileName()), 'utf8');
}

let fw: { dir: string; framework: Framework } | undefined;
export function framework(): Framework {
  if (fw?.dir !== dataDir()) fw = { dir: dataDir(), framework: defineFramework(JSON.parse(frameworkText())) };
  return fw.framework;
}

export function weights(): Record<string, number> {
  return effectiveWeights(framework()) as Record<string, number>;
}

/** The `json worked-example` block of data/methodology/methodology.zh.md, if there is one. */
interface WorkedInput {
  unit: string;
  month: string;
  months: string[];
  population: Record<string, number>;
  inputs: Record<string, { counts?: number[]; value?: number; surveyed?: string }>;
  expected?: { index?: string; groups?: Record<string, string>; change?: { change: string } };
}

export interface WorkedExample {
  unit: string;
  month: string;
  previous: string;
  months: string[];
  population: Record<string, number>;
  rows: { code: string; counts: number[] | null; survey: { value: number; surveyed: string } | null; rate: string; score: string }[];
  groups: Record<string, string>;
  index: string;
  band: { zh: string; en: string } | null;
  change: { change: string; contributions: Record<string, string> } | null;
  /** Whether the library's result equals the figures written in the methodology. */
  matchesDocument: boolean | null;
}

function readWorkedInput(): WorkedInput | null {
  const file = join(dataDir(), 'methodology', 'methodology.zh.md');
  if (!existsSync(file)) return null;
  const m = /```json worked-example\n([\s\S]*?)\n```/.exec(readFileSync(file, 'utf8'));
  return m ? (JSON.parse(m[1]) as WorkedInput) : null;
}

/** Computes the worked example with the library: the same pipeline as a release, for one unit. */
export function workedExample(): WorkedExample | null {
  const input = readWorkedInput();
  if (!input) return null;
  const f = framework();
  // The block's yearly `population` figures are the framework's one denominator (whatever its code).
  if (f.denominators.length !== 1) throw new Error(`pingan site: the methodology's worked example gives one denominator per year, but the framework has ${f.denominators.length}`);
  const denominator = f.denominators[0].code;
  const obs: Observation[] = [];
  input.months.forEach((period, i) => {
    const pop = input.population[period.slice(0, 4)];
    obs.push({ unit: input.unit, period, code: denominator, value: pop });
    for (const [code, spec] of Object.entries(input.inputs)) {
      if (spec.counts) obs.push({ unit: input.unit, period, code, value: spec.counts[i] });
      else if (spec.value !== undefined) obs.push({ unit: input.unit, period, code, value: spec.surveyed === period ? spec.value : null });
    }
  });
  // A survey before the first month is carried forward: add it as its own observation month when it falls outside.
  for (const [code, spec] of Object.entries(input.inputs)) {
    if (spec.value !== undefined && spec.surveyed && !input.months.includes(spec.surveyed)) {
      throw new Error(`pingan site: worked example survey month ${spec.surveyed} of ${code} is outside its months`);
    }
  }
  const result = buildIndex(f, panelFromObservations(f, obs));
  const exact = buildExact(result);
  const d = f.decimals;
  const at = (period: string, code: string) => getExact(exact, input.unit, period, code);
  const rates = exactInputs(result);
  const rateAt = (period: string, code: string) => getExact(rates, input.unit, period, code);
  const previous = input.months[input.months.length - 2];
  const index = at(input.month, f.root);
  const indexText = index === null ? '—' : roundHalfUp(index, d);
  const groups = Object.fromEntries(
    f.nodes.filter((n) => n.type === 'aggregate' && n.parent === f.root).map((n) => {
      const v = at(input.month, n.code);
      return [n.code, v === null ? '—' : roundHalfUp(v, d)];
    }),
  );
  const rows = f.indicators.map((code) => {
    const spec = input.inputs[code] ?? {};
    const score = at(input.month, code);
    return {
      code,
      counts: spec.counts ?? null,
      survey: spec.value !== undefined && spec.surveyed ? { value: spec.value, surveyed: spec.surveyed } : null,
      rate: ((r) => (r === null ? '—' : roundHalfUp(r, 4)))(rateAt(input.month, code)),
      score: score === null ? '—' : roundHalfUp(score, 4),
    };
  });
  const change = publishChange(f, exact, input.unit, previous, input.month);
  const expected = input.expected;
  const matchesDocument = expected?.index
    ? expected.index === indexText && (!expected.change || expected.change.change === change?.change)
    : null;
  const b = bandOf(f, indexText);
  return {
    unit: input.unit,
    month: input.month,
    previous,
    months: input.months,
    population: input.population,
    rows,
    groups,
    index: indexText,
    band: b ? b.name : null,
    change: change ? { change: change.change, contributions: { ...change.contributions } } : null,
    matchesDocument,
  };
}
