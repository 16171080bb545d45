import * as z from 'zod/mini';
import { LocalizedText } from '../framework/schema.ts';

/**
 * The publication configuration of one index (one file per index, beside its
 * framework): everything the pipeline and the site need that is not the
 * indicator tree. The framework says how the index is computed; this says
 * what is published, for where, from which files, on which calendar.
 * Field-by-field documentation: data/README.md (section "publication.json").
 */

const code = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'codes start with a letter and use only letters, digits, "_", "." and "-"'));
const nonEmpty = z.string().check(z.minLength(1));

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** An absolute http(s) address: scheme, host (with an optional port), then an optional path; no spaces. */
const HTTP_URL = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[^\s]*)?$/;

/** A data period: a month `YYYY-MM` or a quarter `YYYY-Qn`. */
export const PeriodText = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, 'expected a period YYYY-MM (a month) or YYYY-Qn (a quarter)'));

/** How a value of an indicator is given in the input files: declared, never inferred from a unit or a code. */
export const ValueKind = z.enum(['count', 'amount', 'share-0-100', 'share-0-1', 'rate'], {
  error: 'kind must be "count" (whole, ≥ 0), "amount" (≥ 0, fractions allowed), "share-0-100", "share-0-1" or "rate" (≥ 0)',
});
export type ValueKind = z.output<typeof ValueKind>;

const IndicatorSpec = z.strictObject({
  /** How the input files give the value. */
  kind: ValueKind,
  /** A survey indicator: collected only in these months of the year (a value in another month is an error; a scheduled month without one is missing). */
  survey: z.optional(
    z.strictObject({
      months: z.array(z.int().check(z.gte(1), z.lte(12))).check(
        z.minLength(1),
        z.refine((months) => months.every((m, i) => i === 0 || m > months[i - 1]), 'months must increase'),
      ),
    }),
  ),
});

const DenominatorSpec = z.strictObject({
  /** The CSV file (relative to the data folder): region, period (year, quarter or month, by `frequency`), value, source. */
  file: nonEmpty,
  /** How often the denominator is given: a year's figure serves every period of that year, a quarter's every month of it. */
  frequency: z.enum(['annual', 'quarterly', 'monthly'], { error: 'frequency must be "annual", "quarterly" or "monthly"' }),
});

/** Words of the input files' flag column, and the flag of @pingan/core each one sets. */
const FlagSpec = z.strictObject({
  flag: z.enum(['estimated', 'provisional'], { error: 'flag must be "estimated" or "provisional" (the flags @pingan/core carries)' }),
  /** The words accepted in the flag column for it (compared without case), e.g. ["估计", "estimated"]. */
  words: z.array(nonEmpty).check(z.minLength(1)),
  /** Its label on the site and in the documentation. */
  label: LocalizedText,
});

/** A moment with its UTC offset, e.g. "2026-12-15T09:30:00+08:00": unambiguous in any reader's time zone. */
const Moment = z.iso.datetime({ offset: true, local: false, error: 'expected a date and time with its UTC offset, e.g. 2026-12-15T09:30:00+08:00' });

const ReleaseCalendarSpec = z.strictObject({
  publisher: z.strictObject({ name: LocalizedText, contact: LocalizedText }),
  /**
   * The standing rule, when there is one: a period's figures are due on day
   * `day` of the `monthsAfter`-th month after the period ends. Manifests
   * record the next period's date by this rule as `nextRelease`.
   */
  regular: z.optional(z.strictObject({ day: z.int().check(z.gte(1), z.lte(28)), monthsAfter: z.int().check(z.gte(0), z.lte(12)) })),
  /** The announced moments of coming releases, periods and moments both increasing. The site shows the next one from here. */
  releases: z.array(z.strictObject({ period: PeriodText, at: Moment })).check(
    z.superRefine((entries, ctx) => {
      entries.forEach((e, i) => {
        if (i === 0) return;
        const prev = entries[i - 1];
        if (e.period <= prev.period) ctx.issues.push({ code: 'custom', input: e.period, path: [i, 'period'], message: `periods must increase: ${e.period} comes after ${prev.period}` });
        if (Date.parse(e.at) <= Date.parse(prev.at)) ctx.issues.push({ code: 'custom', input: e.at, path: [i, 'at'], message: `moments must increase: ${e.at} is not after ${prev.at}` });
      });
    }),
  ),
});

/** The publication configuration file (publication.json). */
export const PublicationSchema = z.strictObject({
  /** The JSON Schema an editor checks the file against (ignored here). */
  $schema: z.optional(z.string()),
  /** The index's name, e.g. 湘潭市平安指数 / Xiangtan Safety Index. */
  name: LocalizedText,
  /** The place the index is about, and its region code (the region that is the total of all others). */
  place: z.strictObject({ name: LocalizedText, region: nonEmpty }),
  /** Whether the data are SYNTHETIC (made up): then every release and page says so. */
  synthetic: z.boolean(),
  /** The public site's address (absolute http(s) URL), for canonical links and share previews. */
  site: z.strictObject({ url: z.string().check(z.regex(HTTP_URL, 'expected an absolute http(s) URL, e.g. https://pingan.example.org')) }),
  /** The index's IANA time zone: it dates the releases and decides when a period is over, whatever the machine's time zone. */
  timeZone: z.string().check(z.refine(isTimeZone, 'not an IANA time zone (such as "Asia/Shanghai")')),
  /** The periods of the input files and the releases. */
  periods: z._default(z.enum(['monthly', 'quarterly'], { error: 'periods must be "monthly" or "quarterly"' }), 'monthly'),
  regions: z.strictObject({
    /** The CSV of regions (relative to the data folder): code, Chinese name, English name, level, parent. */
    file: z._default(nonEmpty, 'regions.csv'),
    /** A regular expression every region code matches (whole code); GB/T 2260 six digits by default. */
    codePattern: z._default(z.string().check(z.refine(isRegExp, 'not a valid regular expression')), '^\\d{6}$'),
    /** Regions whose counts are the sums of others' (a city of its districts); checked as a data-quality warning. */
    totals: z._default(z.array(z.strictObject({ region: nonEmpty, of: z.array(nonEmpty).check(z.minLength(1)) })), []),
  }),
  /** Every denominator of the framework, by code, with its file and frequency. */
  denominators: z._default(z.record(code, DenominatorSpec), {}),
  /** Every indicator of the framework, by code: how its values are given, and its survey months if it is a survey. */
  indicators: z.record(code, IndicatorSpec),
  /** The flags in use: the words of the flag column and what they mean. An empty list allows no flags. */
  flags: z.array(FlagSpec),
  releaseCalendar: ReleaseCalendarSpec,
  /** The map of the regions: a GeoJSON file (relative to the data folder) whose features carry region codes, and its credit; null for no map. */
  map: z.nullable(
    z.strictObject({
      file: nonEmpty,
      credit: LocalizedText,
      /** Where a feature's region code is: "id" (the feature's id) or the name of one of its properties. */
      regionKey: z._default(nonEmpty, 'id'),
    }),
  ),
  /** Thresholds of the data-quality warnings. */
  checks: z._default(
    z.strictObject({
      /** A value whose robust z-score against its own series (median and MAD) exceeds this is reported. */
      outlierScore: z._default(z.number().check(z.positive()), 8),
      /** A denominator that differs from the year before by more than this share is reported. */
      denominatorChange: z._default(z.number().check(z.positive()), 0.2),
    }),
    { outlierScore: 8, denominatorChange: 0.2 },
  ),
});
export type PublicationInput = z.input<typeof PublicationSchema>;
export type Publication = z.output<typeof PublicationSchema>;
export type DenominatorSpec = z.output<typeof DenominatorSpec>;
export type IndicatorSpec = z.output<typeof IndicatorSpec>;
export type FlagSpec = z.output<typeof FlagSpec>;
export type ReleaseCalendarSpec = z.output<typeof ReleaseCalendarSpec>;
