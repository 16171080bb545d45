import type { Framework } from './defineFramework.ts';
import type { BandSpec } from './methods.ts';

/**
 * The band a published value falls in: the first band, from the highest
 * down, whose `min` the value reaches; `undefined` for a missing value, a
 * value below every band, or a framework without bands.
 *
 * @example
 * // bands 优 ≥ 90, 良 ≥ 80, 平稳 ≥ 70, 较差 ≥ -∞
 * bandOf(fw, 85.2)?.name.zh; // '良'
 */
export function bandOf(framework: Framework, value: number | string | null | undefined): BandSpec | undefined {
  if (value === null || value === undefined) return undefined;
  const x = typeof value === 'string' ? Number(value) : value;
  if (!Number.isFinite(x)) return undefined;
  return framework.bands.find((band) => x >= band.min);
}
