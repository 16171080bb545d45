import { PinganError } from '../errors/pinganError.ts';
import { defineFramework, type Framework } from '../framework/defineFramework.ts';
import type { FrameworkDocument } from '../framework/schema.ts';
import { selectPeriods, type Panel } from '../panel/panel.ts';
import { aggregateDecimals } from './aggregateExact.ts';
import { packPanel, type DecimalPanel } from './decimalPanel.ts';
import { joinExactPeriods, type ExactPanel } from './exactPanel.ts';
import { normaliseDecimals } from './normaliseExact.ts';
import { buildExact, decimalInputs, poolsPeriods, windowReach, type ExactSource } from './publish.ts';

/**
 * A block of periods of the exact build that can be computed on its own, in
 * a worker for instance: plain data, which survives a structured clone.
 */
export interface ExactPart {
  /** The framework's validated document (`framework.document`). */
  readonly framework: FrameworkDocument;
  /** The block's raw data, preceded by the `context` periods its trailing windows read. */
  readonly raw: Panel;
  /** The treated indicators over the same periods as `raw`. */
  readonly treated: Panel;
  /** How many leading periods only feed windows; the part's result leaves them out. */
  readonly context: number;
}

/**
 * Splits the exact build into at most `parts` blocks of consecutive periods
 * that can be computed apart, each carrying the earlier periods its trailing
 * windows read. `null` when a step pools periods (an index to a base period,
 * or scores against the whole panel), so that the build cannot be split.
 *
 * @example
 * const parts = splitExact(buildIndex(fw, panel), 2);
 * parts?.map((p) => p.raw.periods.length - p.context); // [60, 60] for 120 months
 */
export function splitExact(result: ExactSource, parts: number): ExactPart[] | null {
  if (!Number.isInteger(parts) || parts < 1) throw new PinganError('invalid-argument', `splitExact: parts must be a positive integer, got ${parts}`);
  const { framework } = result;
  if (poolsPeriods(framework)) return null;
  const periods = result.raw.periods;
  const n = Math.max(1, Math.min(parts, periods.length));
  const reach = windowReach(framework);
  return Array.from({ length: n }, (_, i) => {
    const start = Math.floor((i * periods.length) / n);
    const end = Math.floor(((i + 1) * periods.length) / n);
    const from = Math.max(0, start - reach);
    const slice = periods.slice(from, end);
    return { framework: framework.document, raw: selectPeriods(result.raw, slice), treated: selectPeriods(result.treated, slice), context: start - from };
  });
}

/**
 * Computes one part of `splitExact`: what a worker does with it. The result
 * is plain data, and its buffers can be transferred back.
 *
 * @example
 * const block = buildExactPart(splitExact(result, 2)![1]);
 * block.periods; // the second half of the periods
 */
export function buildExactPart(part: ExactPart): ExactPanel {
  return computePart(defineFramework(part.framework), part);
}

/**
 * `buildExact` split into blocks of periods that run side by side: every
 * block but the first goes to `runPart` (a worker, typically, that answers
 * with `buildExactPart`), while the calling thread computes the first. The
 * result is the same, digit for digit, as `buildExact(result)`, which is
 * what runs when the build cannot be split (see `splitExact`). Internal:
 * callers use `buildExact(result, { parts, run })`.
 */
export async function runExactParts(
  result: ExactSource,
  parts: number,
  runPart: (part: ExactPart) => Promise<ExactPanel>,
): Promise<ExactPanel> {
  const split = splitExact(result, parts);
  if (!split || split.length === 1) return buildExact(result);
  // The other blocks are sent off first, so they run while this thread computes the first one.
  const others = split.slice(1).map((part) => runPart(part));
  for (const other of others) other.catch(() => undefined);
  const first = computePart(result.framework, split[0]);
  return joinExactPeriods([first, ...(await Promise.all(others))]);
}

function computePart(framework: Framework, part: ExactPart): ExactPanel {
  const source: ExactSource = { framework, raw: part.raw, treated: part.treated };
  if (part.context === 0) return buildExact(source);
  // The window periods are needed for the rates, not for the scores.
  const inputs = decimalInputs(source);
  const skip = part.context * inputs.units.length * inputs.codes.length;
  const kept: DecimalPanel = { ...inputs, periods: inputs.periods.slice(part.context), values: inputs.values.slice(skip), flags: inputs.flags.slice(skip) };
  return packPanel(aggregateDecimals(normaliseDecimals(kept, framework), framework));
}

/**
 * The exact build of periods `start` to `end` (exclusive) alone, reading
 * the `reach` earlier periods its trailing windows need: the same cells,
 * digit for digit, as those periods of `buildExact(result)` when no step
 * pools periods (see `splitExact`).
 *
 * @example
 * exactBlock(result, 5, 6, windowReach(result.framework)).periods; // [result.raw.periods[5]]
 */
export function exactBlock(result: ExactSource, start: number, end: number, reach: number): ExactPanel {
  const from = Math.max(0, start - reach);
  const slice = result.raw.periods.slice(from, end);
  return computePart(result.framework, { framework: result.framework.document, raw: selectPeriods(result.raw, slice), treated: selectPeriods(result.treated, slice), context: start - from });
}
