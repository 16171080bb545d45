import { PinganError } from '../errors/pinganError.ts';

/** One problem found in a framework or a data set, and where. */
export interface ValidationIssue {
  /** Where: a framework path such as `nodes[3] (homicide).weight`, or `row 12, column value`. */
  path: string;
  message: string;
}

/**
 * Thrown when a framework or data set is invalid (code `invalid`). `issues`
 * lists every problem found, not just the first; the message lists them one
 * per line.
 */
export class ValidationError extends PinganError {
  readonly issues: readonly ValidationIssue[];
  constructor(what: string, issues: readonly ValidationIssue[]) {
    super('invalid', `${what} has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'ValidationError';
    this.issues = issues;
  }
}
