/** Number formats shared by the workbench's panels. */

const formats = new Map<number, Intl.NumberFormat>();

/**
 * A value as published: its shortest decimal form rounded half up (away from
 * zero) to `decimals` places, as core's roundHalfUp(toExact(value)) does;
 * '—' when missing. Intl.NumberFormat reads a string as an exact decimal, so
 * the browser needs no decimal library for this.
 */
export function formatValue(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '—';
  // A value already short enough (a published figure, say) needs no rounding: toFixed only pads it.
  const shortest = String(value);
  if (!/e/i.test(shortest) && (shortest.split('.')[1] ?? '').length <= decimals) return value.toFixed(decimals);
  let format = formats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      roundingMode: 'halfExpand',
      signDisplay: 'negative',
      useGrouping: false,
    });
    formats.set(decimals, format);
  }
  // `format` takes a decimal string (Intl.NumberFormat v3) as an exact value; the types still say number.
  return format.format(String(value) as unknown as number);
}

/** A signed difference with a real minus sign: "+1.20", "−0.35", "0.00". */
export function signed(text: string): string {
  if (text.startsWith('-')) return `−${text.slice(1)}`;
  return Number(text) === 0 ? text : `+${text}`;
}

/**
 * An interval's level as a percentage, as the pages and the workbench name it: "90%" for 0.9.
 *
 * @example
 * levelText(0.9); // '90%'
 * levelText(0.955); // '95.5%'
 */
export function levelText(level: number): string {
  return `${Math.round(level * 1000) / 10}%`;
}

/** A share as a percentage with one decimal: 0.1234 → "12.3%". */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** Three decimals, or '—' when missing (Sobol' indices and their intervals). */
export function fixed3(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3).replace(/^-/, '−') : '—';
}
