/**
 * What went wrong, as a stable code a program can branch on:
 * - `invalid`: a framework or data set failed validation (`ValidationError`, with every issue);
 * - `unknown-code`: a unit, period, indicator, node or column that is not there (`UnknownCodeError`);
 * - `invalid-argument`: an argument of the wrong shape or range (lengths that differ, a non-positive size);
 * - `out-of-domain`: a value outside a method's domain (a geometric mean over a score ≤ 0, the log of 0);
 * - `cancelled`: an analysis stopped by its signal.
 */
export type ErrorCode = 'invalid' | 'unknown-code' | 'invalid-argument' | 'out-of-domain' | 'cancelled';

/**
 * The one error class the library throws (or a subclass of it): `code` says
 * what kind of problem it is, the message says where and what.
 *
 * @example
 * try {
 *   equalWeights(0);
 * } catch (error) {
 *   error instanceof PinganError && error.code; // 'invalid-argument'
 * }
 */
export class PinganError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PinganError';
    this.code = code;
  }
}

/**
 * A unit, period, indicator, node or column that is not there, with the
 * kind of thing and the code asked for.
 *
 * @example
 * new UnknownCodeError('unit', 'Z', 'no unit "Z" in the panel').code; // 'unknown-code'
 */
export class UnknownCodeError extends PinganError {
  readonly kind: string;
  readonly unknown: string;
  constructor(kind: string, unknown: string, message: string) {
    super('unknown-code', message);
    this.name = 'UnknownCodeError';
    this.kind = kind;
    this.unknown = unknown;
  }
}
