/**
 * n copies of a term t added one by one from 0 (not n t: the roundings
 * differ), as a walk over n months of one term adds them, remembered per
 * call site and n: `latticeIntervals` asks for the same few sums again and
 * again (a unit's population is often the same for years, so its terms
 * are), and gives the walk's numbers, bit for bit, without the walk. Each
 * sum is the loop itself the first time; the memory is one value per site
 * and n, so the answer never depends on what was asked before.
 *
 * @example
 * const sums = new RepeatedSums(1, 16);
 * sums.sum(0, 0.1, 3); // 0.30000000000000004 (0.1 + 0.1 + 0.1)
 * sums.sum(0, 0.1, 10); // 0.9999999999999999, where 10 × 0.1 is 1
 */
export class RepeatedSums {
  private readonly width: number;
  private readonly terms: Float64Array;
  private readonly sums: Float64Array;
  /** `sites` independent memories, each for n from 0 to `most`. */
  constructor(sites: number, most: number) {
    this.width = most + 1;
    this.terms = new Float64Array(sites * this.width).fill(Number.NaN);
    this.sums = new Float64Array(sites * this.width);
  }
  /** t + t + … + t (n terms; 0 for n = 0), remembered at `site`. */
  sum(site: number, t: number, n: number): number {
    if (n >= this.width) return addUp(t, n);
    const at = site * this.width + n;
    if (this.terms[at] === t) return this.sums[at];
    const sum = addUp(t, n);
    this.terms[at] = t;
    this.sums[at] = sum;
    return sum;
  }
}

function addUp(t: number, n: number): number {
  let sum = 0;
  for (let k = 0; k < n; k++) sum += t;
  return sum;
}
