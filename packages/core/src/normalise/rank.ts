import { PinganError } from '../errors/pinganError.ts';
/**
 * Ranks of one cross-section, as COINr's `n_rank`, i.e. R's
 * `rank(x, ties.method = "min", na.last = "keep")`: the lowest value ranks 1,
 * higher values rank higher, tied values share the lowest rank of their group
 * ("sport" ranking: 1, 2, 2, 4), and a missing value stays missing. With
 * `direction` -1 the values are multiplied by -1 first, so the lowest value
 * ranks highest.
 *
 * @example
 * rank([10, 30, 20, 30, Number.NaN]); // Float64Array [1, 3, 2, 3, NaN]
 * // higher is worse: -10, -30, -20, -30 → the two 30s tie at rank 1
 * rank([10, 30, 20, 30], -1); // Float64Array [4, 1, 3, 1]
 */
export function rank(x: ArrayLike<number>, direction: 1 | -1 = 1): Float64Array {
  const src = x instanceof Float64Array ? x : Float64Array.from(x);
  const out = new Float64Array(src.length);
  rankInto(src, out, direction);
  return out;
}

/**
 * The kernel of {@link rank}: writes min-ranks into `out` (which may be
 * `src`) and returns how many values are present.
 *
 * @example
 * const out = new Float64Array(3);
 * rankInto(new Float64Array([5, Number.NaN, 1]), out, 1); // 2; out [2, NaN, 1]
 */
export function rankInto(src: Float64Array, out: Float64Array, direction: number): number {
  const n = src.length;
  let present = 0;
  for (let i = 0; i < n; i++) if (src[i] === src[i]) present++;
  const keys = new Float64Array(present);
  const positions = new Int32Array(present);
  for (let i = 0, j = 0; i < n; i++) {
    const v = src[i];
    if (v === v) {
      keys[j] = direction * v;
      positions[j++] = i;
    } else {
      out[i] = Number.NaN;
    }
  }
  sortPairs(keys, positions);
  // Walk the sorted values; a run of ties gets the rank of its first member.
  let first = 0;
  for (let j = 0; j < present; j++) {
    if (keys[j] !== keys[first]) first = j;
    out[positions[j]] = first + 1;
  }
  return present;
}

/**
 * Sorts `keys` ascending in place (no `NaN`), moving `positions` along with
 * them. Short arrays use a quicksort (median-of-three pivots, insertion sort
 * for short runs, heapsort if the recursion gets deep, so never O(n²));
 * arrays of `RADIX_THRESHOLD` or more keys use a branch-free LSD radix sort
 * on the keys' IEEE 754 bit patterns, several times faster on long
 * cross-sections. Ties end up in no particular order; -0 sorts just before 0.
 * Returns `keys`.
 *
 * @example
 * const keys = new Float64Array([3, 1, 2]);
 * const positions = new Int32Array([0, 1, 2]);
 * sortPairs(keys, positions); // keys [1, 2, 3], positions [1, 2, 0]
 */
export function sortPairs(keys: Float64Array, positions: Int32Array, method: 'auto' | 'quick' | 'heap' | 'radix' = 'auto'): Float64Array {
  const n = keys.length;
  if (n !== positions.length) throw new PinganError('invalid-argument', `sortPairs: ${n} keys but ${positions.length} positions`);
  if (n < 2) return keys;
  if (method === 'radix' || (method === 'auto' && n >= RADIX_THRESHOLD)) radixSort(keys, positions);
  else if (method === 'heap') heapsort(keys, positions, 0, n - 1);
  else quicksort(keys, positions, 0, n - 1, 2 * Math.ceil(Math.log2(n)));
  return keys;
}

/** From this many keys on, `sortPairs` uses the radix sort. */
export const RADIX_THRESHOLD = 16384;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LOW = LITTLE_ENDIAN ? 0 : 1;
const HIGH = LITTLE_ENDIAN ? 1 : 0;
const DIGIT_BITS = [0, 11, 22, 0, 11, 22];

function radixSort(keys: Float64Array, positions: Int32Array): void {
  const n = keys.length;
  const bits = new Uint32Array(keys.buffer, keys.byteOffset, 2 * n);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  let order = new Int32Array(n);
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  let order2 = new Int32Array(n);
  const counts = new Int32Array(6 * 2048);
  for (let i = 0; i < n; i++) {
    // Map the bit pattern to an unsigned key with the same order: flip every
    // bit of a negative number, only the sign bit of a positive one.
    let l = bits[2 * i + LOW];
    let h = bits[2 * i + HIGH];
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else {
      h = (h | 0x80000000) >>> 0;
    }
    lo[i] = l;
    hi[i] = h;
    order[i] = i;
    counts[l & 0x7ff]++;
    counts[2048 + ((l >>> 11) & 0x7ff)]++;
    counts[4096 + (l >>> 22)]++;
    counts[6144 + (h & 0x7ff)]++;
    counts[8192 + ((h >>> 11) & 0x7ff)]++;
    counts[10240 + (h >>> 22)]++;
  }
  for (let pass = 0; pass < 6; pass++) {
    const offset = pass * 2048;
    const shift = DIGIT_BITS[pass];
    const word = pass < 3 ? lo : hi;
    // Every key has the same digit: this pass would not move anything.
    if (counts[offset + ((word[0] >>> shift) & 0x7ff)] === n) continue;
    let sum = 0;
    for (let d = 0; d < 2048; d++) {
      const c = counts[offset + d];
      counts[offset + d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const at = counts[offset + ((word[i] >>> shift) & 0x7ff)]++;
      lo2[at] = lo[i];
      hi2[at] = hi[i];
      order2[at] = order[i];
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
    [order, order2] = [order2, order];
  }
  const sortedKeys = new Float64Array(n);
  const sortedPositions = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    sortedKeys[j] = keys[order[j]];
    sortedPositions[j] = positions[order[j]];
  }
  keys.set(sortedKeys);
  positions.set(sortedPositions);
}

function quicksort(a: Float64Array, b: Int32Array, lo: number, hi: number, depth: number): void {
  while (hi - lo > 16) {
    if (depth-- === 0) {
      heapsort(a, b, lo, hi);
      return;
    }
    const x = a[lo];
    const y = a[(lo + hi) >>> 1];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        const u = b[i];
        b[i] = b[j];
        b[j] = u;
        i++;
        j--;
      }
    }
    // Recurse into the shorter side, loop on the longer one.
    if (j - lo < hi - i) {
      quicksort(a, b, lo, j, depth);
      lo = i;
    } else {
      quicksort(a, b, i, hi, depth);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i];
    const w = b[i];
    let j = i - 1;
    while (j >= lo && a[j] > v) {
      a[j + 1] = a[j];
      b[j + 1] = b[j];
      j--;
    }
    a[j + 1] = v;
    b[j + 1] = w;
  }
}

function heapsort(a: Float64Array, b: Int32Array, lo: number, hi: number): void {
  const n = hi - lo + 1;
  const sift = (root: number, size: number) => {
    for (;;) {
      let child = 2 * root + 1;
      if (child >= size) return;
      if (child + 1 < size && a[lo + child + 1] > a[lo + child]) child++;
      if (!(a[lo + child] > a[lo + root])) return;
      const t = a[lo + root];
      a[lo + root] = a[lo + child];
      a[lo + child] = t;
      const u = b[lo + root];
      b[lo + root] = b[lo + child];
      b[lo + child] = u;
      root = child;
    }
  };
  for (let i = (n >> 1) - 1; i >= 0; i--) sift(i, n);
  for (let end = n - 1; end > 0; end--) {
    const t = a[lo];
    a[lo] = a[lo + end];
    a[lo + end] = t;
    const u = b[lo];
    b[lo] = b[lo + end];
    b[lo + end] = u;
    sift(0, end);
  }
}
