import { ValidationError, type ValidationIssue } from '../framework/frameworkError.ts';
import type { Framework } from '../framework/defineFramework.ts';
import { PublicationSchema, type Publication, type ValueKind } from './schema.ts';

const issuePath = (path: readonly PropertyKey[]) => (path.length ? path.map(String).join('.') : '(root)');

/**
 * Validates a publication configuration (the parsed JSON of publication.json)
 * and fills its defaults. Every problem is reported at once, each at its
 * path inside the document (`releaseCalendar.releases.2.at`).
 *
 * @throws ValidationError listing every problem.
 * @example
 * const publication = publicationFromJson(JSON.parse(readFileSync('data/publication.json', 'utf8')));
 * publication.periods; // 'monthly'
 */
export function publicationFromJson(json: unknown): Publication {
  const parsed = PublicationSchema.safeParse(json);
  if (!parsed.success) {
    throw new ValidationError('the publication configuration', parsed.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message })));
  }
  return parsed.data;
}

/** Whether a value kind is a share (0–100 or 0–1). */
const isShare = (kind: ValueKind) => kind === 'share-0-100' || kind === 'share-0-1';

/**
 * What a publication configuration and a framework say differently: an
 * indicator of the framework whose value kind is not declared (or a declared
 * one the framework does not have), a denominator without a file (or a file
 * for a denominator the framework does not use), a share that the framework
 * divides by a denominator, a flag word given twice, a denominator
 * finer than the periods, and a calendar period of the other frequency. Each problem names its path in the configuration.
 *
 * @example
 * publicationProblems(publication, framework);
 * // [{ path: 'indicators', message: 'the framework's indicator "arson" has no declared value kind …' }]
 */
export function publicationProblems(publication: Publication, framework: Framework): ValidationIssue[] {
  const problems: ValidationIssue[] = [];
  const declared = new Set(Object.keys(publication.indicators));
  for (const indicator of framework.indicators) {
    if (!declared.has(indicator)) {
      problems.push({ path: 'indicators', message: `the framework's indicator "${indicator}" has no declared value kind (add "${indicator}": {"kind": …})` });
    }
  }
  for (const [indicator, spec] of Object.entries(publication.indicators)) {
    const node = framework.byCode.get(indicator);
    if (!node || node.type !== 'indicator') {
      problems.push({ path: `indicators.${indicator}`, message: `"${indicator}" is not an indicator of framework "${framework.id}"` });
      continue;
    }
    if (isShare(spec.kind) && node.denominator) {
      problems.push({ path: `indicators.${indicator}.kind`, message: `a share (${spec.kind}) is not divided by a denominator, but the framework divides "${indicator}" by "${node.denominator.code}"` });
    }
    if (spec.survey && publication.periods === 'quarterly') {
      const notQuarterEnd = spec.survey.months.filter((m) => m % 3 !== 0);
      if (notQuarterEnd.length) problems.push({ path: `indicators.${indicator}.survey.months`, message: `with quarterly periods a survey is dated by the last month of its quarter (3, 6, 9, 12), not ${notQuarterEnd.join(', ')}` });
    }
  }
  const frameworkDenominators = new Set(framework.denominators.map((d) => d.code));
  for (const denominator of frameworkDenominators) {
    if (!Object.hasOwn(publication.denominators, denominator)) {
      problems.push({ path: 'denominators', message: `the framework's denominator "${denominator}" has no file (add "${denominator}": {"file": …, "frequency": …})` });
    }
  }
  for (const [denominator, spec] of Object.entries(publication.denominators)) {
    if (!frameworkDenominators.has(denominator)) problems.push({ path: `denominators.${denominator}`, message: `"${denominator}" is not a denominator of framework "${framework.id}"` });
    if (publication.periods === 'quarterly' && spec.frequency === 'monthly') {
      problems.push({ path: `denominators.${denominator}.frequency`, message: 'a monthly denominator cannot serve quarterly periods: give it per quarter or per year' });
    }
  }
  // The calendar's periods are the index's: quarters for a quarterly index, months otherwise.
  const periodShape = publication.periods === 'quarterly' ? /^\d{4}-Q[1-4]$/ : /^\d{4}-(0[1-9]|1[0-2])$/;
  publication.releaseCalendar.releases.forEach((release, i) => {
    if (!periodShape.test(release.period)) {
      const path = `releaseCalendar.releases.${i}.period`;
      if (publication.periods === 'quarterly') problems.push({ path, message: `"${release.period}" is not a quarter (YYYY-Qn), but "periods" is "quarterly"` });
      else problems.push({ path, message: `"${release.period}" is not a month (YYYY-MM), but "periods" is "monthly"` });
    }
  });
  const wordAt = new Map<string, number>();
  publication.flags.forEach((flag, i) => {
    flag.words.forEach((word, j) => {
      const key = word.toLowerCase();
      const first = wordAt.get(key);
      if (first !== undefined) problems.push({ path: `flags.${i}.words.${j}`, message: `the flag word "${word}" is already given in flags.${first}` });
      else wordAt.set(key, i);
    });
  });
  return problems;
}

/**
 * Checks a publication configuration against a framework and throws when
 * they disagree (see `publicationProblems`).
 *
 * @throws ValidationError listing every problem.
 * @example
 * checkPublication(publication, framework); // throws when an indicator has no declared kind
 */
export function checkPublication(publication: Publication, framework: Framework): void {
  const problems = publicationProblems(publication, framework);
  if (problems.length) throw new ValidationError('the publication configuration', problems);
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** The month number (year × 12 + month − 1) of a period's last month. */
function lastMonth(period: string): number {
  const m = MONTH.exec(period);
  if (m) return Number(m[1]) * 12 + Number(m[2]) - 1;
  const q = QUARTER.exec(period);
  if (q) return Number(q[1]) * 12 + Number(q[2]) * 3 - 1;
  throw new ValidationError('a period', [{ path: period, message: 'expected a period YYYY-MM or YYYY-Qn' }]);
}

/**
 * The period after `period`, at its own frequency (month or quarter).
 *
 * @example
 * nextPeriod('2025-12'); // '2026-01'
 * nextPeriod('2025-Q4'); // '2026-Q1'
 */
export function nextPeriod(period: string): string {
  const q = QUARTER.exec(period);
  if (q) return q[2] === '4' ? `${Number(q[1]) + 1}-Q1` : `${q[1]}-Q${Number(q[2]) + 1}`;
  const month = lastMonth(period) + 1;
  return `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/**
 * The day a period's figures are due, `YYYY-MM-DD`, and where that comes
 * from: the standing rule of the release calendar (`regular`) when it has
 * one, otherwise the calendar's announced moment for that period (its date
 * as the publisher wrote it); null when the calendar says nothing about the
 * period, so that no date is ever made up.
 *
 * @example
 * dueDay(publication.releaseCalendar, '2025-11'); // { day: '2025-12-15', from: 'regular' } with {"regular": {"day": 15, "monthsAfter": 1}}
 * dueDay({ publisher, releases: [] }, '2025-11'); // null
 */
export function dueDay(calendar: Publication['releaseCalendar'], period: string): { day: string; from: 'regular' | 'releases' } | null {
  if (calendar.regular) {
    const month = lastMonth(period) + calendar.regular.monthsAfter;
    const day = `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-${String(calendar.regular.day).padStart(2, '0')}`;
    return { day, from: 'regular' };
  }
  const listed = calendar.releases.find((r) => r.period === period);
  return listed ? { day: listed.at.slice(0, 10), from: 'releases' } : null;
}

/**
 * The first announced release of a period after `latest` (what the site
 * shows as the next release), or null when the calendar lists none.
 *
 * @example
 * nextAnnouncedRelease(publication.releaseCalendar, '2025-10'); // { period: '2025-11', at: '2026-12-15T09:30:00+08:00', day: '2026-12-15' }
 */
export function nextAnnouncedRelease(calendar: Publication['releaseCalendar'], latest: string): { period: string; at: string; day: string } | null {
  const next = calendar.releases.find((r) => r.period > latest);
  return next ? { period: next.period, at: next.at, day: next.at.slice(0, 10) } : null;
}

