import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calendarFile, loadReleaseCalendar, nextScheduledRelease, parseReleaseCalendar } from '../src/lib/releaseCalendar.ts';
import { latestRevisionDir } from './releaseFiles.ts';

// The data folder beside the site (astro.config.ts sets the same default for builds; vitest may run from the root).
process.env.PINGAN_DATA_DIR ??= join(import.meta.dirname, '..', '..', 'data');

const releases = join(import.meta.dirname, '..', '..', 'data', 'releases');

/** The latest release in data/releases: its month and its manifest's publication date. */
function latestRelease(): { month: string; date: string } {
  const month = readdirSync(releases).filter((n) => /^\d{4}-\d{2}$/.test(n)).sort().at(-1)!;
  return { month, date: JSON.parse(readFileSync(join(latestRevisionDir(releases, month), 'manifest.json'), 'utf8')).date };
}

describe('release calendar (data/publication.json, releaseCalendar)', () => {
  it('schedules the next release after the latest published one', () => {
    const calendar = loadReleaseCalendar();
    const latest = latestRelease();
    const next = nextScheduledRelease(calendar, latest.month);
    expect(next, `the calendar has no month after ${latest.month}`).not.toBeNull();
    expect(next!.month > latest.month).toBe(true);
    // After the whole publication day of the latest release, in any time zone.
    expect(Date.parse(next!.at)).toBeGreaterThan(Date.parse(`${latest.date}T23:59:59+14:00`));
    expect(next!.day).toBe(next!.at.slice(0, 10));
    expect(calendarFile()).toMatch(/data[\\/]publication\.json$/);
  });

  it('names its publisher and contact in both languages', () => {
    const { publisher } = loadReleaseCalendar();
    for (const lang of ['zh', 'en'] as const) {
      expect(publisher.name[lang].length).toBeGreaterThan(3);
      expect(publisher.contact[lang].length).toBeGreaterThan(10);
    }
  });

  /** Xiangtan's publication configuration with another release calendar. */
  const withCalendar = (releaseCalendar: unknown) =>
    JSON.stringify({ ...JSON.parse(readFileSync(calendarFile(), 'utf8')), releaseCalendar });

  it('reports every problem at once, each at its JSON path', () => {
    const bad = withCalendar({
      publisher: { name: { zh: '某', en: 'X' }, contact: { zh: '某', en: '' } },
      releases: [
        { period: '2025-11', at: '2026-12-15T09:30:00+08:00' },
        { period: '2025-11', at: '2026-12-01T09:30:00+08:00' },
        { period: '2025-13', at: '2027-01-15' },
      ],
    });
    let message = '';
    try {
      parseReleaseCalendar(bad, 'cal.json');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('cal.json is not a valid publication configuration');
    expect(message).toContain('releaseCalendar.publisher.contact.en');
    expect(message).toContain('releaseCalendar.releases.2.period');
    expect(message).toContain('releaseCalendar.releases.2.at');
    expect(message).toMatch(/releaseCalendar\.releases\.1\.period: periods must increase/);
    expect(message).toMatch(/releaseCalendar\.releases\.1\.at: moments must increase/);
    expect(() => parseReleaseCalendar('{', 'cal.json')).toThrow(/cal\.json is not JSON/);
  });

  it('has no next release when the calendar ends before it', () => {
    const calendar = parseReleaseCalendar(withCalendar({ publisher: { name: { zh: '甲', en: 'A' }, contact: { zh: '乙', en: 'B' } }, releases: [{ period: '2025-11', at: '2026-12-15T09:30:00+08:00' }] }));
    expect(nextScheduledRelease(calendar, '2025-11')).toBeNull();
    expect(nextScheduledRelease(calendar, '2025-10')).toEqual({ month: '2025-11', at: '2026-12-15T09:30:00+08:00', day: '2026-12-15' });
  });
});
