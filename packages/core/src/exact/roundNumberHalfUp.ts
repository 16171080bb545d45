import { Exact, roundHalfUp } from './decimal.ts';

/**
 * A float64 published as `roundHalfUp(new Exact(x), decimals)` gives it (the
 * shortest decimal that reads back as x, rounded half up, away from zero on
 * a tie, to `decimals` places; negative zero written as zero), but from
 * that decimal's text, without decimal.js: a release of a nationwide panel
 * rounds a third of a million interval ends, and decimal.js's parsing and
 * rounding were a fifth of its time. Where `String(x)` has an exponent (below
 * 1e-6 or from 1e21 in size) or x is not finite, it is decimal.js's answer.
 *
 * @example
 * roundNumberHalfUp(2.345, 2); // '2.35' (the decimal 2.345, though the double is 2.34499…)
 * roundNumberHalfUp(-0.004, 2); // '0.00'
 * roundNumberHalfUp(99.995, 2); // '100.00'
 * roundNumberHalfUp(7, 1); // '7.0'
 */
export function roundNumberHalfUp(x: number, decimals: number): string {
  const shortest = String(x);
  if (shortest.includes('e') || !Number.isFinite(x)) return roundHalfUp(new Exact(x), decimals);
  const negative = shortest.startsWith('-');
  const magnitude = negative ? shortest.slice(1) : shortest;
  const point = magnitude.indexOf('.');
  const whole = point < 0 ? magnitude : magnitude.slice(0, point);
  const fraction = point < 0 ? '' : magnitude.slice(point + 1);
  let digits = whole + fraction.slice(0, decimals).padEnd(decimals, '0');
  // Half up on the magnitude: the first dropped digit decides (5 or more rounds away from zero).
  if (fraction.length > decimals && fraction.charCodeAt(decimals) >= 53) digits = incremented(digits);
  const text = decimals > 0 ? `${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}` : digits;
  return negative && /[1-9]/.test(digits) ? `-${text}` : text;
}

/** A string of decimal digits plus one ('0.99' has no point here: '099' → '100'). */
function incremented(digits: string): string {
  const out = digits.split('');
  let at = out.length - 1;
  while (at >= 0 && out[at] === '9') out[at--] = '0';
  if (at < 0) return `1${out.join('')}`;
  out[at] = String.fromCharCode(out[at].charCodeAt(0) + 1);
  return out.join('');
}
