import { type z } from 'zod';

/**
 * Release files' JSON: keys in the order the schema declares them (every
 * object the CLI writes is built in that order), 2-space indentation and a
 * trailing newline, so the same figures always give the same bytes.
 *
 * @example
 * releaseJsonText({ a: 1 }); // '{\n  "a": 1\n}\n'
 */
export function releaseJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Checks `value` against a release file's schema and returns its text
 * (`releaseJsonText`); throws a `TypeError` naming the file and each path
 * that does not fit. This is how the CLI writes: nothing the readers would
 * refuse is ever written.
 *
 * @example
 * writeThrough(WithdrawalSchema, 'withdrawn.json', { month: '2025-10', revision: 1, date: '2025-12-01', reason: 'no data' });
 */
export function writeThrough<S extends z.ZodType>(schema: S, file: string, value: z.input<S>): string {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 8).map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new TypeError(`${file} would not match the release format:\n${problems.join('\n')}`);
  }
  return releaseJsonText(value);
}
