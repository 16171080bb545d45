import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dueDay, nextPeriod, PublicationSchema, type Publication } from '@pingan/core';
import type { Issue } from './issues.ts';
import { parseJsonStrict } from './strictJson.ts';
import { because } from './i18n/reason.ts';

export type { Publication } from '@pingan/core';

/**
 * The publication configuration file of a data directory: the index's and
 * the place's names, regions and totals, denominators and their files,
 * value kinds and survey months, flags, periods, time zone, release
 * calendar, map, whether the data are synthetic, the site's address
 * (schema: @pingan/core's `PublicationSchema`; documented in data/README.md).
 */
export const PUBLICATION_FILE = 'publication.json';

/** The defaults of `checks` when publication.json sets none. */
export const DEFAULT_CHECKS: Publication['checks'] = { outlierScore: 8, denominatorChange: 0.2 };

/** Reads DATA/publication.json; problems are returned as issues naming the file and the path inside it. */
export function readPublication(dataDir: string, issues: Issue[]): Publication | undefined {
  let text: string;
  try {
    text = readFileSync(join(dataDir, PUBLICATION_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    issues.push({
      file: PUBLICATION_FILE,
      reason: code === 'ENOENT' ? because`file not found: every data folder has one (names, regions, denominators, value kinds, calendar; see data/README.md)` : because`cannot read the file (${code ?? String(error)})`,
    });
    return undefined;
  }
  const json = parseJsonStrict(text);
  if (!json.ok) {
    json.problems.forEach((p) => issues.push({ file: PUBLICATION_FILE, line: p.line, column: p.column, reason: p.message }));
    return undefined;
  }
  const parsed = PublicationSchema.safeParse(json.value);
  if (!parsed.success) {
    parsed.error.issues.forEach((i) => issues.push({ file: PUBLICATION_FILE, reason: because`${i.path.map(String).join('.') || '(root)'}: ${i.message}` }));
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

/**
 * The day the period after `period` is due, from publication.json's release
 * calendar (its standing rule, else its announced moment for that period),
 * or null when the calendar has no date for it: a date is never made up.
 */
export function nextReleaseDate(calendar: Publication['releaseCalendar'], period: string): string | null {
  return dueDay(calendar, nextPeriod(period))?.day ?? null;
}
