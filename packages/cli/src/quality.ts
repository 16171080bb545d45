import { Exact, weightWarnings } from '@pingan/core';
import { quoteValue, type Issue } from './issues.ts';
import { DEFAULT_CHECKS } from './publication.ts';
import type { DataSet, DenominatorRow } from './readInputs.ts';
import type { IndicatorKind, InputObservation } from './validateData.ts';
import { because } from './i18n/reason.ts';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const place = (o: InputObservation) => ({ file: o.file, line: o.line, column: o.column, ...(o.text !== null ? { value: o.text } : {}), month: o.period });

/**
 * The checks a statistics office runs before publication, as warnings
 * (problems with `--strict`), each at the cell it concerns:
 * - a total (publication.json's `regions.totals`) that differs from the sum
 *   of its parts, for counts and amounts;
 * - a value far from its own series: robust z-score |x − median| / (1.4826
 *   MAD) above `checks.outlierScore` (the scale is at least √median for
 *   counts and amounts, 1 point for shares of 100, 0.01 for shares of 1, so
 *   rare events are not flagged);
 * - a share of 100 between 0 and 1 whose series is otherwise in percent;
 * - a denominator that differs from the period a year before by more than
 *   `checks.denominatorChange`;
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
  const children = new Map<string, readonly string[]>((data.publication?.regions.totals ?? []).map((t) => [t.region, t.of]));
  for (const o of observations) {
    const kids = children.get(o.unit);
    const kind = kinds.get(o.code);
    if (!kids || o.text === null || (kind !== 'count' && kind !== 'amount')) continue;
    const parts = kids.map((k) => byCell.get(`${o.period} ${k} ${o.code}`));
    if (parts.some((p) => p === undefined || p.text === null)) continue;
    const sum = parts.reduce((acc, p) => acc.plus(p!.text!), new Exact(0));
    if (!sum.equals(o.text)) {
      warnings.push({ ...place(o), reason: because`${o.unit} ${o.code} ${o.period} is ${o.text}, but its divisions (${kids.join(', ')}) sum to ${sum.toFixed()}` });
    }
  }

  // Values against their own history.
  for (const list of series.values()) {
    const values = list.map((o) => o.value!);
    const kind = kinds.get(list[0].code);
    for (const o of list) {
      const others = values.filter((_, i) => list[i] !== o);
      if (kind === 'share-0-100' && o.value! > 0 && o.value! <= 1 && (others.length === 0 || median(others) > 10)) {
        warnings.push({ ...place(o), reason: because`share ${quoteValue(o.text!)} of ${o.unit} ${o.code} ${o.period} looks like a fraction: shares are percentages (${new Exact(o.text!).times(100).toFixed()} for ${o.text})` });
        continue;
      }
      if (others.length < 6) continue;
      const m = median(others);
      const mad = median(others.map((v) => Math.abs(v - m)));
      const floor = kind === 'share-0-100' ? 1 : kind === 'share-0-1' ? 0.01 : kind === 'rate' ? Math.max(Math.abs(m) * 0.05, 1e-9) : Math.sqrt(Math.max(m, 1));
      const score = Math.abs(o.value! - m) / Math.max(1.4826 * mad, floor);
      if (score > checks.outlierScore) {
        warnings.push({
          ...place(o),
          reason: because`${o.unit} ${o.code} ${o.period} is ${quoteValue(o.text!)}, far from its series (median ${m}, robust z-score ${score.toPrecision(3)} > ${checks.outlierScore})`,
        });
      }
    }
  }

  // Denominators against the same period a year before.
  const byKey = new Map<string, DenominatorRow>(data.denominators.map((row) => [`${row.denominator} ${row.region} ${row.period}`, row]));
  for (const now of data.denominators) {
    const year = Number(now.period.slice(0, 4));
    const before = byKey.get(`${now.denominator} ${now.region} ${String(year - 1).padStart(4, '0')}${now.period.slice(4)}`);
    if (!before) continue;
    const change = now.value / before.value - 1;
    if (Math.abs(change) > checks.denominatorChange) {
      warnings.push({
        file: now.file,
        line: now.line,
        column: now.column,
        value: String(now.value),
        reason: because`${now.denominator} ${now.value} of ${now.region} in ${now.period} differs from ${before.period}'s ${before.value} by ${(change * 100).toFixed(1)}% (more than ${(checks.denominatorChange * 100).toFixed(0)}%)`,
      });
    }
  }

  // Weights as the framework gives them.
  if (data.frameworkDocument !== undefined && data.frameworkFile) {
    const file = data.frameworkShown ?? data.frameworkFile.file;
    for (const w of weightWarnings(data.frameworkDocument)) warnings.push({ file, reason: because`${w.path}: ${w.message}` });
  }
  return warnings;
}
