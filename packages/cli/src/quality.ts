import { Exact, weightWarnings } from '@pingan/core';
import { quoteValue, type Issue } from './issues.ts';
import { DEFAULT_CHECKS } from './publication.ts';
import { POPULATION_FILE, type DataSet } from './readInputs.ts';
import type { IndicatorKind, InputObservation } from './validateData.ts';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const place = (o: InputObservation) => ({ file: o.file, line: o.line, column: o.column, ...(o.text !== null ? { value: o.text } : {}), month: o.period });

/**
 * The checks a statistics office runs before publication, as warnings
 * (problems with `--strict`), each at the cell it concerns:
 * - a total (a region with divisions in regions.csv) that differs from the
 *   sum of its divisions, for counts;
 * - a value far from its own series: robust z-score |x − median| / (1.4826
 *   MAD) above `checks.outlierScore` (the scale is at least √median for
 *   counts and 1 point for shares, so rare events are not flagged);
 * - a share between 0 and 1 whose series is otherwise in percent;
 * - a population that differs from the year before by more than
 *   `checks.populationChange`;
 * - framework weights given as shares that do not sum to 1, a missing
 *   sibling weight, a weight where AHP decides (`weightWarnings`).
 */
export function qualityWarnings(data: DataSet, observations: readonly InputObservation[], kinds: ReadonlyMap<string, IndicatorKind>): Issue[] {
  const checks = data.publication?.checks ?? DEFAULT_CHECKS;
  const warnings: Issue[] = [];
  const series = new Map<string, InputObservation[]>();
  const byCell = new Map<string, InputObservation>();
  for (const o of observations) {
    byCell.set(`${o.period} ${o.unit} ${o.code}`, o);
    if (o.value === null) continue;
    const key = `${o.unit} ${o.code}`;
    const list = series.get(key);
    if (list) list.push(o);
    else series.set(key, [o]);
  }

  // Totals against the sum of their parts.
  const children = new Map<string, string[]>();
  for (const r of data.regions) if (r.parent !== null) children.set(r.parent, [...(children.get(r.parent) ?? []), r.code]);
  for (const o of observations) {
    const kids = children.get(o.unit);
    const kind = kinds.get(o.code);
    if (!kids || o.text === null || (kind !== 'count' && kind !== 'fractionalCount')) continue;
    const parts = kids.map((k) => byCell.get(`${o.period} ${k} ${o.code}`));
    if (parts.some((p) => p === undefined || p.text === null)) continue;
    const sum = parts.reduce((acc, p) => acc.plus(p!.text!), new Exact(0));
    if (!sum.equals(o.text)) {
      warnings.push({ ...place(o), reason: `${o.unit} ${o.code} ${o.period} is ${o.text}, but its divisions (${kids.join(', ')}) sum to ${sum.toFixed()}` });
    }
  }

  // Values against their own history.
  for (const list of series.values()) {
    const values = list.map((o) => o.value!);
    const kind = kinds.get(list[0].code);
    for (const o of list) {
      const others = values.filter((_, i) => list[i] !== o);
      if (kind === 'share' && o.value! > 0 && o.value! <= 1 && (others.length === 0 || median(others) > 10)) {
        warnings.push({ ...place(o), reason: `share ${quoteValue(o.text!)} of ${o.unit} ${o.code} ${o.period} looks like a fraction: shares are percentages (${new Exact(o.text!).times(100).toFixed()} for ${o.text})` });
        continue;
      }
      if (others.length < 6) continue;
      const m = median(others);
      const mad = median(others.map((v) => Math.abs(v - m)));
      const floor = kind === 'share' ? 1 : Math.sqrt(Math.max(m, 1));
      const score = Math.abs(o.value! - m) / Math.max(1.4826 * mad, floor);
      if (score > checks.outlierScore) {
        warnings.push({
          ...place(o),
          reason: `${o.unit} ${o.code} ${o.period} is ${quoteValue(o.text!)}, far from its series (median ${m}, robust z-score ${score.toPrecision(3)} > ${checks.outlierScore})`,
        });
      }
    }
  }

  // Population against the year before.
  const byRegion = new Map<string, DataSet['population'][number][]>();
  for (const p of data.population) byRegion.set(p.region, [...(byRegion.get(p.region) ?? []), p]);
  for (const rows of byRegion.values()) {
    const sorted = [...rows].sort((a, b) => a.year - b.year);
    for (let i = 1; i < sorted.length; i++) {
      const before = sorted[i - 1];
      const now = sorted[i];
      if (now.year !== before.year + 1) continue;
      const change = now.population / before.population - 1;
      if (Math.abs(change) > checks.populationChange) {
        const line = Number(now.where.split(':')[1]);
        warnings.push({
          file: POPULATION_FILE,
          line,
          column: 3,
          value: String(now.population),
          reason: `population ${now.population} of ${now.region} in ${now.year} differs from ${before.year}'s ${before.population} by ${(change * 100).toFixed(1)}% (more than ${(checks.populationChange * 100).toFixed(0)}%)`,
        });
      }
    }
  }

  // Weights as the framework gives them.
  if (data.frameworkDocument !== undefined && data.frameworkFile) {
    const file = data.frameworkShown ?? data.frameworkFile.file;
    for (const w of weightWarnings(data.frameworkDocument)) warnings.push({ file, reason: `${w.path}: ${w.message}` });
  }
  return warnings;
}
