import { PinganError } from '../errors/pinganError.ts';
import type { Decimal } from 'decimal.js';
import type { Panel } from '../panel/panel.ts';
import { toExact } from './decimal.ts';
import { exactAt, joinPacked, packExact, type PackedExact } from './packedExact.ts';

/**
 * A panel of exact decimal values, laid out as `Panel` (cell index
 * `(p * units.length + u) * codes.length + c`), its values packed (see
 * `PackedExact`): read one with `exactAt(panel.values, i)` or `getExact`.
 * Plain data: it survives a structured clone, to a worker and back.
 */
export interface ExactPanel {
  readonly units: readonly string[];
  readonly periods: readonly string[];
  readonly codes: readonly string[];
  readonly values: PackedExact;
  readonly flags: Uint8Array;
}

/**
 * A float panel converted cell by cell to exact decimals (each double by
 * its shortest text; NaN as missing).
 *
 * @example
 * exactAt(toExactPanel(createPanel({ units: ['A'], periods: ['2025'], codes: ['x'], values: [0.1] })).values, 0)?.toString(); // '0.1'
 */
export function toExactPanel(panel: Panel): ExactPanel {
  return {
    units: panel.units,
    periods: panel.periods,
    codes: panel.codes,
    values: packExact(Array.from(panel.values, toExact)),
    flags: panel.flags,
  };
}

/**
 * An exact panel as float64 (for comparison with the float path).
 *
 * @example
 * fromExactPanel(toExactPanel(p)).values; // same as p.values
 */
export function fromExactPanel(panel: ExactPanel): Panel {
  return {
    units: panel.units,
    periods: panel.periods,
    codes: panel.codes,
    values: Float64Array.from({ length: panel.values.length }, (_, i) => exactAt(panel.values, i)?.toNumber() ?? Number.NaN),
    flags: panel.flags,
  };
}

/**
 * One cell of an exact panel by its unit, period and code; `null` when the
 * value is missing. Throws on a name the panel does not have.
 *
 * @example
 * getExact(exact, 'X', '2025-10', 'index')?.toFixed(2); // e.g. '87.25'
 */
export function getExact(panel: ExactPanel, unit: string, period: string, code: string): Decimal | null {
  const u = panel.units.indexOf(unit);
  const p = panel.periods.indexOf(period);
  const c = panel.codes.indexOf(code);
  if (u < 0) throw new PinganError('unknown-code', `no unit "${unit}" in the exact panel`);
  if (p < 0) throw new PinganError('unknown-code', `no period "${period}" in the exact panel`);
  if (c < 0) throw new PinganError('unknown-code', `no column "${code}" in the exact panel`);
  return exactAt(panel.values, (p * panel.units.length + u) * panel.codes.length + c);
}

/**
 * Exact panels over consecutive blocks of periods, with the same units and
 * codes, joined into one.
 *
 * @example
 * joinExactPeriods([january, february]).periods; // ['2025-01', '2025-02']
 */
export function joinExactPeriods(panels: readonly ExactPanel[]): ExactPanel {
  if (panels.length === 0) throw new PinganError('invalid-argument', 'joinExactPeriods: no panels to join');
  const [head] = panels;
  for (const panel of panels) {
    if (panel.units.join('\u0000') !== head.units.join('\u0000') || panel.codes.join('\u0000') !== head.codes.join('\u0000')) {
      throw new PinganError('invalid-argument', 'joinExactPeriods: the panels differ in units or codes');
    }
  }
  const flags = new Uint8Array(panels.reduce((n, panel) => n + panel.flags.length, 0));
  let offset = 0;
  for (const panel of panels) {
    flags.set(panel.flags, offset);
    offset += panel.flags.length;
  }
  return {
    units: head.units,
    periods: panels.flatMap((panel) => panel.periods),
    codes: head.codes,
    values: joinPacked(panels.map((panel) => panel.values)),
    flags,
  };
}
