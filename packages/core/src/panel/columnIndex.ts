/**
 * The column of `code` in a panel's `codes`, or -1: looked up first at
 * `k`, where it is when the panel's first columns are the framework's
 * indicators in order (as every stage of a build makes them) and `code`
 * is the k-th indicator, so that a stage finds its columns without a
 * search through every code per indicator.
 *
 * @example
 * columnIndex(['a', 'b', 'c'], 'b', 1); // 1 (one comparison)
 * columnIndex(['pop', 'a', 'b'], 'b', 1); // 2 (searched)
 * columnIndex(['a'], 'z', 0); // -1
 */
export function columnIndex(codes: readonly string[], code: string, k: number): number {
  return codes[k] === code ? k : codes.indexOf(code);
}
