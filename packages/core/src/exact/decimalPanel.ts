import type { Decimal } from 'decimal.js';
import type { ExactPanel } from './exactPanel.ts';
import { packExact, unpackExact } from './packedExact.ts';

/**
 * The working form of an exact panel inside the exact path: one decimal.js
 * object per cell, for arithmetic. Results are packed (`ExactPanel`) as
 * soon as a step is done, so that millions of objects never pile up.
 */
export interface DecimalPanel {
  readonly units: readonly string[];
  readonly periods: readonly string[];
  readonly codes: readonly string[];
  readonly values: readonly (Decimal | null)[];
  readonly flags: Uint8Array;
}

/** The panel with its decimals packed. */
export function packPanel(panel: DecimalPanel): ExactPanel {
  return { units: panel.units, periods: panel.periods, codes: panel.codes, values: packExact(panel.values), flags: panel.flags };
}

/** The panel with its decimals as objects again. */
export function unpackPanel(panel: ExactPanel): DecimalPanel {
  return { units: panel.units, periods: panel.periods, codes: panel.codes, values: unpackExact(panel.values), flags: panel.flags };
}
