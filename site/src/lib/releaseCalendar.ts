/**
 * The release calendar of the index's publication configuration
 * (`data/publication.json`, its `releaseCalendar`): who publishes the index,
 * how to reach them, and when each coming period is due. The site shows the
 * next due date from here (never a date computed in code) and, in the
 * reader's browser, says so when that moment has passed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { PublicationSchema, type Publication } from '@pingan/core';
import { publicationFile } from './publication.ts';

export interface ReleaseCalendar {
  publisher: Publication['releaseCalendar']['publisher'];
  /** The announced releases: the data month (or quarter) and the moment, with its UTC offset. */
  releases: { month: string; at: string }[];
}
export interface ScheduledRelease {
  /** The data month that release will publish, YYYY-MM. */
  month: string;
  /** When, with its UTC offset. */
  at: string;
  /** The publisher's calendar day, YYYY-MM-DD (the date part of `at`). */
  day: string;
}

export function calendarFile(): string {
  return publicationFile();
}

/** Parses and checks a publication configuration and returns its calendar; every problem at once, each with its JSON path. */
export function parseReleaseCalendar(text: string, file = 'publication.json'): ReleaseCalendar {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`pingan site: ${file} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = PublicationSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
    throw new Error(`pingan site: ${file} is not a valid publication configuration:\n${issues.join('\n')}`);
  }
  const { publisher, releases } = parsed.data.releaseCalendar;
  return { publisher, releases: releases.map((r) => ({ month: r.period, at: r.at })) };
}

let cache: { file: string; calendar: ReleaseCalendar } | undefined;
/** The data folder's release calendar (an error when it is missing or invalid: the site never guesses a date). */
export function loadReleaseCalendar(): ReleaseCalendar {
  const file = calendarFile();
  if (cache?.file === file) return cache.calendar;
  if (!existsSync(file)) throw new Error(`pingan site: no publication configuration at ${file} (see data/README.md)`);
  const calendar = parseReleaseCalendar(readFileSync(file, 'utf8'), file);
  cache = { file, calendar };
  return calendar;
}

/** The first scheduled release of a month after `latestMonth`, or null when the calendar has none. */
export function nextScheduledRelease(calendar: ReleaseCalendar, latestMonth: string): ScheduledRelease | null {
  const next = calendar.releases.find((r) => r.month > latestMonth);
  return next ? { month: next.month, at: next.at, day: next.at.slice(0, 10) } : null;
}
