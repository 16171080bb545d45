import { PinganError } from '../errors/pinganError.ts';
import type { Panel } from '../panel/panel.ts';
import { columnValues } from './columnValues.ts';
import type { CorrelationMethod } from './correlation.ts';
import { pearson } from './pearson.ts';
import { averageRanks } from './ranks.ts';
import { spearman } from './spearman.ts';

/** A correlation matrix with named rows and columns: `values[i][j]` correlates `rows[i]` with `columns[j]`. */
export interface CorrelationTable {
  readonly rows: string[];
  readonly columns: string[];
  readonly values: number[][];
}

export interface CorrelateOptions {
  /** `'pearson'` (default) or `'spearman'`. */
  method?: CorrelationMethod;
  /** Correlate across units in this period; without it, unit-periods of all periods are pooled. */
  period?: string;
}

/**
 * Correlates each of `codesA` with each of `codesB` across units (in one
 * period, or pooled over all periods), over pairwise-complete observations
 * as R's `cor(A, B, use = "pairwise.complete.obs")`. An entry is `NaN` where
 * fewer than two pairs remain or a column is constant.
 *
 * @example
 * const p = createPanel({ units: ['A', 'B', 'C'], periods: ['2025'], codes: ['x', 'y'], values: [1, 2, 2, 4, 3, 5] });
 * correlateColumns(p, ['x'], ['x', 'y']).values; // [[1, 0.9819…]]
 */
export function correlateColumns(
  panel: Panel,
  codesA: readonly string[],
  codesB: readonly string[],
  options: CorrelateOptions = {},
): CorrelationTable {
  const method = options.method ?? 'pearson';
  if (method !== 'pearson' && method !== 'spearman') {
    throw new PinganError('invalid-argument', `unknown correlation method "${String(method)}" (expected "pearson" or "spearman")`);
  }
  const columns = new Map<string, Float64Array>();
  // For Spearman, a column without gaps is ranked once and reused.
  const ranked = new Map<string, Float64Array | null>();
  const get = (code: string): Float64Array => {
    let column = columns.get(code);
    if (!column) {
      column = columnValues(panel, code, options.period);
      columns.set(code, column);
    }
    return column;
  };
  const ranksOf = (code: string): Float64Array | null => {
    if (!ranked.has(code)) {
      const column = get(code);
      ranked.set(code, column.some((v) => v !== v) ? null : averageRanks(column));
    }
    return ranked.get(code) ?? null;
  };
  const values = codesA.map((a) =>
    codesB.map((b) => {
      if (method === 'pearson') return pearson(get(a), get(b));
      const ra = ranksOf(a);
      const rb = ranksOf(b);
      return ra && rb ? pearson(ra, rb) : spearman(get(a), get(b));
    }),
  );
  return { rows: [...codesA], columns: [...codesB], values };
}
