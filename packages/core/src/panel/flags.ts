import { PinganError } from '../errors/pinganError.ts';
/**
 * Bit flags carried by every cell of a panel. A cell's flags travel with it
 * through every verb, and an aggregate carries the union of its children's
 * flags, so that an imputed survey value is still visible in the index.
 *
 * @example
 * const f = Flag.Estimated | Flag.Imputed;
 * hasFlag(f, Flag.Imputed); // true
 * flagNames(f); // ['estimated', 'imputed']
 */
export const Flag = {
  None: 0,
  /** The publisher marked the observation as an estimate. */
  Estimated: 1,
  /** The publisher marked the observation as provisional (may be revised). */
  Provisional: 2,
  /** The value was filled in by `impute`. */
  Imputed: 4,
  /** The value was changed by `treat` (winsorised or log-transformed). */
  Treated: 8,
  /** A goalpost or target cap was applied during normalisation. */
  Capped: 16,
  /**
   * An aggregate computed from only some of its children (the others were
   * missing and their weights were shared among the rest).
   */
  Partial: 32,
} as const;

export type FlagName = 'estimated' | 'provisional' | 'imputed' | 'treated' | 'capped' | 'partial';

const FLAG_BITS: readonly (readonly [FlagName, number])[] = [
  ['estimated', Flag.Estimated],
  ['provisional', Flag.Provisional],
  ['imputed', Flag.Imputed],
  ['treated', Flag.Treated],
  ['capped', Flag.Capped],
  ['partial', Flag.Partial],
];

/**
 * Whether `flags` has every bit of `flag` set.
 *
 * @example
 * hasFlag(Flag.Imputed | Flag.Treated, Flag.Treated); // true
 */
export function hasFlag(flags: number, flag: number): boolean {
  return (flags & flag) === flag;
}

/**
 * The names of the flags set in `flags`, in a fixed order.
 *
 * @example
 * flagNames(Flag.Provisional | Flag.Imputed); // ['provisional', 'imputed']
 */
export function flagNames(flags: number): FlagName[] {
  return FLAG_BITS.filter(([, bit]) => (flags & bit) !== 0).map(([name]) => name);
}

/**
 * The flag bit for a flag name.
 *
 * @example
 * flagFromName('estimated'); // 1
 */
export function flagFromName(name: FlagName): number {
  const entry = FLAG_BITS.find(([n]) => n === name);
  if (!entry) throw new PinganError('invalid-argument', `unknown flag "${String(name)}"`);
  return entry[1];
}
