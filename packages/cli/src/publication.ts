import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Issue } from './issues.ts';
import { parseJsonStrict } from './strictJson.ts';

/** The publication configuration file of a data directory. */
export const PUBLICATION_FILE = 'publication.json';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * publication.json: how the index is published. `timeZone` (IANA) dates the
 * releases and decides when a month is over; `surveys` declares the months
 * in which each survey indicator is collected (a value in another month is
 * an error; a scheduled month without one is missing); `checks` sets the
 * thresholds of the data-quality warnings.
 */
export const PublicationSchema = z.strictObject({
  timeZone: z.string().refine(isTimeZone, { error: (i) => `"${String(i.input)}" is not an IANA time zone (such as "Asia/Shanghai")` }),
  surveys: z.record(z.string().min(1), z.strictObject({ months: z.array(z.number().int().min(1).max(12)).min(1) })).default({}),
  checks: z
    .strictObject({
      /** A value whose robust z-score against its own series (median and MAD) exceeds this is reported. */
      outlierScore: z.number().positive().default(8),
      /** A population that differs from the year before by more than this share is reported. */
      populationChange: z.number().positive().default(0.2),
    })
    .prefault({}),
});
export type Publication = z.output<typeof PublicationSchema>;

/** The defaults of `checks` when publication.json sets none. */
export const DEFAULT_CHECKS: Publication['checks'] = PublicationSchema.shape.checks.parse({});

/** Reads DATA/publication.json; problems are returned as issues naming the file and the path inside it. */
export function readPublication(dataDir: string, issues: Issue[]): Publication | undefined {
  let text: string;
  try {
    text = readFileSync(join(dataDir, PUBLICATION_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    issues.push({ file: PUBLICATION_FILE, reason: code === 'ENOENT' ? 'file not found: it sets the index\'s time zone (e.g. {"timeZone": "Asia/Shanghai"})' : `cannot read the file (${code ?? String(error)})` });
    return undefined;
  }
  const json = parseJsonStrict(text);
  if (!json.ok) {
    json.problems.forEach((p) => issues.push({ file: PUBLICATION_FILE, line: p.line, column: p.column, reason: p.message }));
    return undefined;
  }
  const parsed = PublicationSchema.safeParse(json.value);
  if (!parsed.success) {
    parsed.error.issues.forEach((i) => issues.push({ file: PUBLICATION_FILE, reason: `${i.path.join('.') || '(root)'}: ${i.message}` }));
    return undefined;
  }
  return parsed.data;
}

/**
 * Today's date, `YYYY-MM-DD`, in the index's time zone (never the
 * machine's), so the release date and the "month not over" cut-off are
 * the same on every machine.
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}
