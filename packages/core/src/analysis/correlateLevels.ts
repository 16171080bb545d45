import { PinganError } from '../errors/pinganError.ts';
import type { Framework } from '../framework/defineFramework.ts';
import type { Panel } from '../panel/panel.ts';
import { correlateColumns, type CorrelateOptions, type CorrelationTable } from './correlateColumns.ts';

export interface CorrelateLevelsOptions extends CorrelateOptions {
  /**
   * Keep only the correlations that follow the tree; the others become `NaN`.
   * Between two different levels, each node is kept only against its own
   * ancestor at the higher level (COINr's `get_corr(withparent = TRUE)`,
   * which matches through the lineage, so indicators against pillars of
   * their sub-pillar's pillar, say). Within one level, only siblings (nodes
   * sharing a parent, and each node with itself) are kept.
   */
  withinParent?: boolean;
}

/**
 * The codes at one COINr level of the framework, in file order: level 1 is
 * the indicators, `framework.levels` the index.
 *
 * @example
 * codesAtLevel(fw, 1); // fw.indicators
 * codesAtLevel(fw, fw.levels); // [fw.root]
 */
export function codesAtLevel(framework: Framework, level: number): string[] {
  if (!Number.isInteger(level) || level < 1 || level > framework.levels) {
    throw new PinganError('invalid-argument', `level must be an integer from 1 to ${framework.levels}, got ${level}`);
  }
  return framework.nodes.filter((node) => node.level === level).map((node) => node.code);
}

/** The ancestor of `code` at exactly `level`, or undefined (also when the tree skips that level). */
function ancestorAt(framework: Framework, code: string, level: number): string | undefined {
  let node = framework.byCode.get(code);
  while (node && node.level < level) {
    node = node.parent === null ? undefined : framework.byCode.get(node.parent);
  }
  return node && node.level === level ? node.code : undefined;
}

/**
 * Correlates every node of level `levelA` (rows) with every node of level
 * `levelB` (columns), across units of the aggregated panel (one period, or
 * all periods pooled), as COINr's `get_corr(coin, dset = "Aggregated",
 * Levels = c(levelA, levelB))` with `pval = 0` (no significance filter).
 * Levels follow COINr: indicators are 1, the index is `framework.levels`.
 * `aggregated` must hold every code of both levels (the output of
 * `aggregate`).
 *
 * @example
 * // Indicators against their pillar, Spearman, 2025 only:
 * const t = correlateLevels(fw, aggregated, 1, 2, { method: 'spearman', period: '2025', withinParent: true });
 * t.rows; // the indicators
 * t.columns; // the level-2 aggregates
 * t.values[0]; // e.g. [0.93, NaN] — the first indicator only against its own pillar
 */
export function correlateLevels(
  framework: Framework,
  aggregated: Panel,
  levelA: number,
  levelB: number,
  options: CorrelateLevelsOptions = {},
): CorrelationTable {
  const rows = codesAtLevel(framework, levelA);
  const columns = codesAtLevel(framework, levelB);
  const table = correlateColumns(aggregated, rows, columns, options);
  if (!options.withinParent) return table;
  const keep: (a: string, b: string) => boolean =
    levelA === levelB
      ? (a, b) => a === b || framework.byCode.get(a)?.parent === framework.byCode.get(b)?.parent
      : levelA < levelB
        ? (a, b) => ancestorAt(framework, a, levelB) === b
        : (a, b) => ancestorAt(framework, b, levelA) === a;
  table.values.forEach((row, i) => {
    row.forEach((_, j) => {
      if (!keep(rows[i], columns[j])) row[j] = Number.NaN;
    });
  });
  return table;
}
