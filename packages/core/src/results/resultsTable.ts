import type { Framework } from '../framework/defineFramework.ts';
import { UnknownCodeError } from '../errors/pinganError.ts';
import { crossSection, type Panel } from '../panel/panel.ts';
import { competitionRanks } from './competitionRanks.ts';

export interface ResultsTableOptions {
  /** The period to tabulate (default: the panel's last). */
  readonly period?: string;
  /** The columns, in order (default: every aggregate, the index first, then each level down). */
  readonly codes?: readonly string[];
  /** `scores` (default) or `ranks` in the columns, as COINr's `use`. */
  readonly use?: 'scores' | 'ranks';
  /** Round scores to this many decimals (COINr's `nround`); full precision when absent. */
  readonly decimals?: number;
}

/** One unit's row: its code, its rank on the first column, then one entry per column. */
export type ResultsRow = { readonly unit: string; readonly rank: number } & Readonly<Record<string, number | string>>;

/**
 * COINr's `get_results`: a table of units with their scores (or ranks) at
 * the chosen columns, sorted by the first column (highest first), with the
 * rank on that column (ties share the best rank; a missing score gets rank
 * `NaN` and comes last). Ranks and order use full precision; `decimals`
 * rounds only the scores shown.
 *
 * @example
 * const scores = createPanel({ units: ['A', 'B', 'C'], periods: ['2025'], codes: ['index'], values: [50, 80, 65.256] });
 * resultsTable(scores, fw, { codes: ['index'], decimals: 1 });
 * // [{ unit: 'B', rank: 1, index: 80 }, { unit: 'C', rank: 2, index: 65.3 }, { unit: 'A', rank: 3, index: 50 }]
 */
export function resultsTable(panel: Panel, framework: Framework, options: ResultsTableOptions = {}): ResultsRow[] {
  const period = options.period ?? panel.periods[panel.periods.length - 1];
  const codes =
    options.codes ??
    [...framework.aggregates].sort((a, b) => {
      const la = framework.byCode.get(a)?.level ?? 0;
      const lb = framework.byCode.get(b)?.level ?? 0;
      return lb - la || framework.aggregates.indexOf(a) - framework.aggregates.indexOf(b);
    });
  for (const code of codes) if (!panel.codes.includes(code)) throw new UnknownCodeError('code', code, `resultsTable: no column "${code}" in the panel`);
  const columns = codes.map((code) => crossSection(panel, period, code));
  const ranks = columns.map((column) => competitionRanks(column));
  const order = panel.units.map((_, u) => u);
  const first = ranks[0] ?? [];
  order.sort((a, b) => (first[a] === first[b] ? a - b : Number.isNaN(first[a]) ? 1 : Number.isNaN(first[b]) ? -1 : first[a] - first[b]));
  const round = (v: number) => (options.decimals === undefined || v !== v ? v : Number(v.toFixed(options.decimals)));
  return order.map((u) => {
    const row: Record<string, number | string> = { unit: panel.units[u], rank: first[u] ?? Number.NaN };
    codes.forEach((code, k) => {
      row[code] = options.use === 'ranks' ? ranks[k][u] : round(columns[k][u]);
    });
    return row as ResultsRow;
  });
}
