/**
 * Sorts order[0 … n − 1] (indices into `variance`) by variance, largest first, keeping the order
 * of equal ones: what `Array.prototype.sort` with the comparator (x, y) ⇒ variance[y] − variance[x]
 * gives (a stable sort), without an array or a closure per call. A NaN variance (which such a
 * comparator calls equal to everything) leaves the order to that very sort.
 *
 * @example
 * const order = Int32Array.of(0, 1, 2, 3);
 * byVarianceDescending(order, Float64Array.of(1, 4, 1, 9), 4);
 * Array.from(order); // [3, 1, 0, 2]: 9, 4, then the two 1s in their order
 */
export function byVarianceDescending(order: Int32Array, variance: Float64Array, n: number): void {
  for (let t = 0; t < n; t++) {
    if (variance[order[t]] !== variance[order[t]]) {
      const sorted = Array.from(order.subarray(0, n)).sort((x, y) => variance[y] - variance[x]);
      order.set(sorted);
      return;
    }
  }
  for (let t = 1; t < n; t++) {
    const moving = order[t];
    const v = variance[moving];
    let at = t;
    while (at > 0 && variance[order[at - 1]] < v) {
      order[at] = order[at - 1];
      at--;
    }
    order[at] = moving;
  }
}
