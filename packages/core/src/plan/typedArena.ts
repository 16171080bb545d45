import { PinganError } from '../errors/pinganError.ts';

/** How many elements of each kind a `TypedArena` holds. */
export interface ArenaSize {
  readonly float64?: number;
  readonly int32?: number;
  /** Elements of one byte: uint8 and int8 alike. */
  readonly bytes?: number;
}

/**
 * Many small typed arrays over one `ArrayBuffer`: each typed array made
 * apart gets a backing store of its own outside the JS heap (allocated,
 * zeroed, tracked and freed one by one), which costs more than the work on
 * a small array; views into one buffer cost one such store in all. The
 * buffer holds the float64 elements first, then the int32, then the bytes (uint8 and int8)
 * (so each kind is aligned), and each `float64`, `int32`, `uint8` or `int8` call
 * takes the next elements of its kind, all zero. For working arrays only:
 * an array handed out to a caller that may transfer its `buffer` must have
 * a buffer of its own.
 *
 * @example
 * const arena = new TypedArena({ float64: 3, int32: 4, bytes: 2 });
 * const weights = arena.float64(3); // Float64Array [0, 0, 0]
 * const starts = arena.int32(2); // Int32Array [0, 0]
 * const columns = arena.int32(2).fill(-1); // Int32Array [-1, -1]
 * const signs = arena.int8(2); // Int8Array [0, 0]
 * weights.buffer === columns.buffer; // true
 * arena.int32(1); // throws a PinganError: the arena's 4 int32 elements are taken
 */
export class TypedArena {
  private readonly buffer: ArrayBuffer;
  private float64At: number;
  private readonly float64End: number;
  private int32At: number;
  private readonly int32End: number;
  private uint8At: number;
  private readonly uint8End: number;

  constructor(size: ArenaSize) {
    this.float64At = 0;
    this.float64End = 8 * (size.float64 ?? 0);
    this.int32At = this.float64End;
    this.int32End = this.int32At + 4 * (size.int32 ?? 0);
    this.uint8At = this.int32End;
    this.uint8End = this.uint8At + (size.bytes ?? 0);
    this.buffer = new ArrayBuffer(this.uint8End);
  }

  /** The next `n` float64 elements. */
  float64(n: number): Float64Array {
    const at = this.float64At;
    this.float64At = this.take(at, 8 * n, this.float64End, 'float64');
    return new Float64Array(this.buffer, at, n);
  }

  /** The next `n` int32 elements. */
  int32(n: number): Int32Array {
    const at = this.int32At;
    this.int32At = this.take(at, 4 * n, this.int32End, 'int32');
    return new Int32Array(this.buffer, at, n);
  }

  /** The next `n` uint8 elements. */
  uint8(n: number): Uint8Array {
    const at = this.uint8At;
    this.uint8At = this.take(at, n, this.uint8End, 'byte');
    return new Uint8Array(this.buffer, at, n);
  }

  /** The next `n` int8 elements (taken from the bytes, as `uint8`). */
  int8(n: number): Int8Array {
    const at = this.uint8At;
    this.uint8At = this.take(at, n, this.uint8End, 'byte');
    return new Int8Array(this.buffer, at, n);
  }

  private take(at: number, bytes: number, end: number, kind: string): number {
    if (at + bytes > end) throw new PinganError('invalid-argument', `TypedArena: not enough ${kind} elements left for ${bytes} bytes`);
    return at + bytes;
  }
}
