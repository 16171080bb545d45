import { localise } from './i18n/reason.ts';
import { t } from './i18n/t.ts';

/**
 * One problem found in the data, and where: a file (relative to the data
 * directory, with "/"), the line (1-based, the header is line 1) and column
 * (the 1-based number of the CSV field) when the problem has a place, the
 * offending value, and the reason.
 */
export interface Issue {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly value?: string;
  readonly reason: string;
  /** The month a problem or warning concerns, when it concerns one (to list a warning in that month's release notes). */
  readonly month?: string;
}

/** The most characters of a value a message quotes. */
export const MAX_QUOTED = 80;

/**
 * A value as a message quotes it: in double quotes, at most 80 characters
 * (then "…" and the full length), with control characters, quotes and
 * backslashes escaped, so a NUL byte or a 10 MB cell cannot garble a report.
 *
 * @example
 * quoteValue('a\u0000b'); // '"a\\u0000b"'
 */
export function quoteValue(value: string): string {
  const cut = value.length > MAX_QUOTED ? value.slice(0, MAX_QUOTED) : value;
  // Control characters are matched on purpose: they are what must not reach a terminal or a log unescaped.
  // eslint-disable-next-line no-control-regex
  const escaped = cut.replace(/[\u0000-\u001f\u007f-\u009f"\\\u2028\u2029]/g, (c) =>
    c === '"' ? '\\"' : c === '\\' ? '\\\\' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `"${escaped}"${value.length > MAX_QUOTED ? `… (${value.length} characters)` : ''}`;
}

/**
 * `file:line:column: reason`, or `file: reason` for a problem without a
 * place in the file, in English: the form release notes and JSON keep,
 * whatever the locale.
 */
export function formatIssue(issue: Issue): string {
  let place = issue.file;
  if (issue.line !== undefined) place += `:${issue.line}`;
  if (issue.line !== undefined && issue.column !== undefined) place += `:${issue.column}`;
  return `${place}: ${issue.reason}`;
}

/** `file:line:column: reason` as printed on the terminal: the same place, the reason in the user's language (LC_ALL, LC_MESSAGES, LANG). */
export function printIssue(issue: Issue): string {
  return formatIssue({ ...issue, reason: localise(issue.reason) });
}

/** Issues in file, line, column order (stable for equal places). */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => {
      const x = a.issue;
      const y = b.issue;
      if (x.file !== y.file) return x.file < y.file ? -1 : 1;
      const l = (x.line ?? 0) - (y.line ?? 0);
      if (l !== 0) return l;
      const c = (x.column ?? 0) - (y.column ?? 0);
      return c !== 0 ? c : a.i - b.i;
    })
    .map(({ issue }) => issue);
}

/** Exit codes of `pingan`. */
export const ExitCode = {
  Ok: 0,
  /** The data has problems (each one is reported). */
  DataInvalid: 1,
  /** The command line is wrong (unknown command or option, bad month, …). */
  Usage: 2,
  /** A release could not be written (conflict with a concurrent run, or an I/O error). */
  ReleaseFailed: 3,
  /** The published releases differ from their chain and manifests (a file edited or deleted): nothing is written or read. */
  ReleasesTampered: 4,
} as const;

/**
 * An error that ends the command with a given exit code. Its message is
 * English (JSON output keeps it); `printed` is what the terminal shows, in
 * the user's language: by default the message's lines translated by the
 * reason catalog, or a text the thrower composed itself.
 */
export class CliError extends Error {
  readonly exitCode: number;
  readonly issues: readonly Issue[];
  readonly #printed: (() => string) | undefined;
  constructor(exitCode: number, message: string, issues: readonly Issue[] = [], printed?: () => string) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.issues = issues;
    this.#printed = printed;
  }

  /** The message as the terminal shows it, in the user's language. */
  printed(): string {
    return this.#printed ? this.#printed() : localise(this.message);
  }
}

/** Thrown when the data has problems; `issues` lists every one of them. */
export class DataInvalidError extends CliError {
  constructor(issues: readonly Issue[]) {
    const n = issues.length;
    super(ExitCode.DataInvalid, `the data has ${n} problem${n === 1 ? '' : 's'}:\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`, issues, () =>
      [t`the data has ${n} problem${n === 1 ? '' : 's'}:`, ...issues.map((i) => `  ${printIssue(i)}`)].join('\n'),
    );
    this.name = 'DataInvalidError';
  }
}

/** A usage error (exit code 2). */
export class UsageError extends CliError {
  constructor(message: string) {
    super(ExitCode.Usage, message);
    this.name = 'UsageError';
  }
}
