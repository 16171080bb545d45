import { PinganError } from '../errors/pinganError.ts';
import type { Decimal } from 'decimal.js';
import { Exact } from './decimal.ts';

/**
 * Exact decimals packed digit for digit into typed arrays: decimal.js's
 * sign, exponent and base-1e7 digit words of each value. A nationwide panel
 * of 6.5 million decimals takes about 180 MB this way instead of over 2 GB
 * of objects; the garbage collector has nothing to trace in it; and it
 * crosses to a worker and back by moving four buffers.
 */
export interface PackedExact {
  readonly length: number;
  /** 1 or −1; 0 marks a missing value. */
  readonly signs: Int8Array;
  readonly exponents: Int32Array;
  /** Value i's words are `words[offsets[i]]` up to `words[offsets[i + 1]]` (none for a missing value). */
  readonly offsets: Int32Array;
  readonly words: Int32Array;
}

/** The tag decimal.js looks for (`toStringTag` on its prototype) to take an object as one of its values. */
const TAG = (new Exact(0) as unknown as { toStringTag: string }).toStringTag;

/**
 * Packs exact decimals (`null` for missing); `unpackExact` and `exactAt`
 * give them back, equal digit for digit. Infinite or NaN values are refused:
 * no step of the exact path makes them.
 *
 * @example
 * const packed = packExact([new Exact('12.5'), null]);
 * packed.length; // 2
 * exactAt(packed, 0)?.toString(); // '12.5'
 */
export function packExact(values: readonly (Decimal | null)[]): PackedExact {
  const n = values.length;
  const signs = new Int8Array(n);
  const exponents = new Int32Array(n);
  const offsets = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = total;
    const value = values[i];
    if (value === null) continue;
    // decimal.js keeps no digits (d = null) for ±Infinity and NaN.
    if (!value.d) throw new PinganError('invalid-argument', `packExact: value ${i} is ${value.toString()}, not a finite decimal`);
    if (Math.abs(value.e) > 2 ** 31 - 1) throw new PinganError('invalid-argument', `packExact: value ${i} has an exponent beyond ±2³¹`);
    signs[i] = value.s;
    exponents[i] = value.e;
    total += value.d.length;
  }
  offsets[n] = total;
  const words = new Int32Array(total);
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (value === null) continue;
    const d = value.d;
    let w = offsets[i];
    for (let k = 0; k < d.length; k++) words[w++] = d[k];
  }
  return { length: n, signs, exponents, offsets, words };
}

/**
 * Value `i` of a packed array as an `Exact` decimal, or `null` when missing.
 * It is rebuilt from its sign, exponent and words without parsing text:
 * decimal.js takes any object tagged as a Decimal (as it does a value from
 * another copy of the library) and copies its fields.
 *
 * @example
 * exactAt(packExact([null, new Exact('-0.125')]), 1)?.toString(); // '-0.125'
 */
export function exactAt(packed: PackedExact, i: number): Decimal | null {
  if (!Number.isInteger(i) || i < 0 || i >= packed.length) throw new PinganError('invalid-argument', `exactAt: no value ${i} in ${packed.length}`);
  const s = packed.signs[i];
  if (s === 0) return null;
  const d = Array.from(packed.words.subarray(packed.offsets[i], packed.offsets[i + 1]));
  return new Exact({ s, e: packed.exponents[i], d, toStringTag: TAG } as unknown as Decimal);
}

/**
 * Every value of a packed array as an `Exact` decimal (`null` where missing).
 *
 * @example
 * unpackExact(packExact([new Exact(1).div(3), null])).map(String); // ['0.333333333333333333333333', 'null']
 */
export function unpackExact(packed: PackedExact): (Decimal | null)[] {
  const values: (Decimal | null)[] = new Array(packed.length);
  for (let i = 0; i < packed.length; i++) values[i] = exactAt(packed, i);
  return values;
}

/**
 * Packed arrays one after the other, as one.
 *
 * @example
 * joinPacked([packExact([new Exact(1)]), packExact([null, new Exact(2)])]).length; // 3
 */
export function joinPacked(parts: readonly PackedExact[]): PackedExact {
  const n = parts.reduce((sum, part) => sum + part.length, 0);
  const total = parts.reduce((sum, part) => sum + part.words.length, 0);
  const signs = new Int8Array(n);
  const exponents = new Int32Array(n);
  const offsets = new Int32Array(n + 1);
  const words = new Int32Array(total);
  let at = 0;
  let wordsAt = 0;
  for (const part of parts) {
    signs.set(part.signs, at);
    exponents.set(part.exponents, at);
    for (let i = 0; i < part.length; i++) offsets[at + i] = part.offsets[i] + wordsAt;
    words.set(part.words, wordsAt);
    at += part.length;
    wordsAt += part.words.length;
  }
  offsets[n] = total;
  return { length: n, signs, exponents, offsets, words };
}
