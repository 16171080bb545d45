/**
 * The release calendar kept with the data (`data/release-calendar.json`): who
 * publishes the index, how to reach them, and when each coming month is due.
 * The site shows the next due date from here (never a date computed in code)
 * and, in the reader's browser, says so when that moment has passed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { dataDir } from './framework.ts';

const Text = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM');
/** A moment with its UTC offset, e.g. "2026-12-15T09:30:00+08:00": unambiguous in any reader's time zone. */
const Moment = z.iso.datetime({ offset: true, local: false, message: 'expected a date and time with its UTC offset, e.g. 2026-12-15T09:30:00+08:00' });

export const ReleaseCalendarSchema = z
  .object({
    publisher: z.object({ name: Text, contact: Text }).strict(),
    releases: z
      .array(z.object({ month: Month, at: Moment }).strict())
      .min(1)
      .superRefine((entries, ctx) => {
        entries.forEach((e, i) => {
          if (i === 0) return;
          const prev = entries[i - 1];
          if (e.month <= prev.month) ctx.addIssue({ code: 'custom', path: [i, 'month'], message: `months must increase: ${e.month} comes after ${prev.month}` });
          if (Date.parse(e.at) <= Date.parse(prev.at)) ctx.addIssue({ code: 'custom', path: [i, 'at'], message: `dates must increase: ${e.at} is not after ${prev.at}` });
        });
      }),
  })
  .strict();
export type ReleaseCalendar = z.output<typeof ReleaseCalendarSchema>;
export interface ScheduledRelease {
  /** The data month that release will publish, YYYY-MM. */
  month: string;
  /** When, with its UTC offset. */
  at: string;
  /** The publisher's calendar day, YYYY-MM-DD (the date part of `at`). */
  day: string;
}

export function calendarFile(): string {
  return join(dataDir(), 'release-calendar.json');
}

/** Parses and checks a calendar; every problem at once, each with its JSON path. */
export function parseReleaseCalendar(text: string, file = 'release-calendar.json'): ReleaseCalendar {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`pingan site: ${file} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = ReleaseCalendarSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`pingan site: ${file} is not a valid release calendar:\n${issues.join('\n')}`);
  }
  return parsed.data;
}

let cache: { file: string; calendar: ReleaseCalendar } | undefined;
/** The data folder's release calendar (an error when it is missing or invalid: the site never guesses a date). */
export function loadReleaseCalendar(): ReleaseCalendar {
  const file = calendarFile();
  if (cache?.file === file) return cache.calendar;
  if (!existsSync(file)) throw new Error(`pingan site: no release calendar at ${file} (see data/README.md)`);
  const calendar = parseReleaseCalendar(readFileSync(file, 'utf8'), file);
  cache = { file, calendar };
  return calendar;
}

/** The first scheduled release of a month after `latestMonth`, or null when the calendar has none. */
export function nextScheduledRelease(calendar: ReleaseCalendar, latestMonth: string): ScheduledRelease | null {
  const next = calendar.releases.find((r) => r.month > latestMonth);
  return next ? { month: next.month, at: next.at, day: next.at.slice(0, 10) } : null;
}
