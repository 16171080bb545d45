/**
 * The last `kept` values stored for each indicator, keyed by a count's mean and dispersion (a ring
 * per indicator): a month's level and changes ask for the same few distributions again and again.
 *
 * @example
 * const cache = new RecentByCount<string>(2, 2);
 * cache.set(0, 4.4, 1, 'a');
 * cache.get(0, 4.4, 1); // 'a'
 * cache.get(1, 4.4, 1); // undefined (another indicator's)
 */
export class RecentByCount<T> {
  private readonly means: Float64Array;
  private readonly dispersions: Float64Array;
  private readonly values: (T | undefined)[];
  private readonly next: Int32Array;
  private readonly kept: number;
  constructor(indicators: number, kept: number) {
    this.kept = kept;
    this.means = new Float64Array(indicators * kept).fill(Number.NaN);
    this.dispersions = new Float64Array(indicators * kept).fill(Number.NaN);
    this.values = new Array<T | undefined>(indicators * kept).fill(undefined);
    this.next = new Int32Array(indicators);
  }
  /** The value stored for indicator i's count of this mean and dispersion, if it is still kept. */
  get(i: number, mean: number, dispersion: number): T | undefined {
    for (let at = i * this.kept; at < (i + 1) * this.kept; at++) if (this.means[at] === mean && this.dispersions[at] === dispersion) return this.values[at];
    return undefined;
  }
  /** Stores value in place of indicator i's oldest, and returns it. */
  set(i: number, mean: number, dispersion: number, value: T): T {
    const at = i * this.kept + this.next[i];
    this.next[i] = (this.next[i] + 1) % this.kept;
    this.means[at] = mean;
    this.dispersions[at] = dispersion;
    this.values[at] = value;
    return value;
  }
}
