/**
 * The full history as two downloads beside the monthly files: every month's
 * latest revision, every region, every aggregate and indicator (raw value,
 * rate, score or index value, band, changes, contributions, flags).
 *
 * - history.csv: each month's release.csv rows, unchanged, behind two columns
 *   (month, revision); the header is the releases' own, so a reader who knows
 *   one monthly file knows this one. Every release.csv must share one header.
 *   Where the data are synthetic, a first column says so on every row: the
 *   file is the one most often opened and passed on by itself, away from the
 *   site's notices and its own name.
 * - history.json: one series per region × code, its points month by month.
 */
import { siteFacts } from './publication.ts';
import { ReleaseSchema, loadReleases, releaseFile, type MonthRelease } from './releases.ts';

const BOM = '\uFEFF';
/** history.csv's first column where the data are synthetic: its header, and its value on every row. */
const SYNTHETIC_COLUMN = { header: '数据 data', value: '合成数据 SYNTHETIC' } as const;

/** The rows of a release.csv (CRLF or LF), without its BOM; header first. */
function csvLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.length > 0);
}

/**
 * history.csv: UTF-8 with a BOM and CRLF, as Excel in China expects (like the monthly files); with
 * `synthetic` (default: the publication's setting), every row begins 合成数据 SYNTHETIC.
 */
export function historyCsv(months: MonthRelease[] = loadReleases(), synthetic: boolean = siteFacts().synthetic): string {
  let header: string | null = null;
  const out: string[] = [];
  const lead = synthetic ? `${SYNTHETIC_COLUMN.value},` : '';
  for (const m of months) {
    const [head, ...rows] = csvLines(releaseFile(m.dir, 'release.csv').toString('utf8'));
    if (header === null) {
      header = head;
      // A quarterly index's history is by quarter.
      out.push(`${synthetic ? `${SYNTHETIC_COLUMN.header},` : ''}${/-Q[1-4]$/.test(m.month) ? '季度 quarter' : '月份 month'},修订 revision,${head}`);
    } else if (head !== header) {
      throw new Error(`pingan site: ${m.dir}/release.csv has the header\n  ${head}\nbut earlier months have\n  ${header}\n(the combined history needs one header)`);
    }
    for (const row of rows) out.push(`${lead}${m.month},${m.manifest.revision},${row}`);
  }
  return `${BOM}${out.join('\r\n')}\r\n`;
}

export interface HistoryPoint {
  month: string;
  revision: number;
  raw?: string | null;
  rate?: string | null;
  value: string | null;
  band?: string | null;
  mom: string | null;
  yoy: string | null;
  flags: string[];
}
export interface HistorySeries {
  region: string;
  code: string;
  type: 'aggregate' | 'indicator';
  points: HistoryPoint[];
}
export interface History {
  note: string;
  framework: { id: string; version: string };
  months: { month: string; revision: number; date: string; provenance: string }[];
  regions: { code: string; name: { zh: string; en: string }; parent: string | null }[];
  codes: { code: string; type: 'aggregate' | 'indicator'; parent: string | null; name: { zh: string; en: string }; unit?: { zh: string; en: string } | null }[];
  series: HistorySeries[];
}

/** history.json: the same figures as history.csv, as series (exact decimal strings, as published). */
export function historyJson(months: MonthRelease[] = loadReleases()): History {
  const series = new Map<string, HistorySeries>();
  const regions = new Map<string, History['regions'][number]>();
  const codes = new Map<string, History['codes'][number]>();
  let note = '';
  let framework = { id: '', version: '' };
  const seriesOf = (region: string, code: string, type: HistorySeries['type']) => {
    const key = `${region}\u0000${code}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = { region, code, type, points: [] }));
    return s;
  };
  for (const m of months) {
    const raw = ReleaseSchema.parse(JSON.parse(releaseFile(m.dir, 'release.json').toString('utf8')));
    note = raw.note ?? note;
    framework = { id: raw.framework.id, version: raw.framework.version };
    for (const r of raw.regions) {
      regions.set(r.code, { code: r.code, name: r.name, parent: r.parent });
      for (const a of r.aggregates) {
        if (!codes.has(a.code)) codes.set(a.code, { code: a.code, type: 'aggregate', parent: a.parent, name: a.name });
        seriesOf(r.code, a.code, 'aggregate').points.push({ month: m.month, revision: raw.revision, value: a.value, band: a.band?.code ?? null, mom: a.change.mom, yoy: a.change.yoy, flags: a.flags });
      }
      for (const i of r.indicators) {
        if (!codes.has(i.code)) codes.set(i.code, { code: i.code, type: 'indicator', parent: i.parent, name: i.name, unit: i.unit });
        seriesOf(r.code, i.code, 'indicator').points.push({ month: m.month, revision: raw.revision, raw: i.raw, rate: i.rate, value: i.score, mom: i.change.mom, yoy: i.change.yoy, flags: i.flags });
      }
    }
  }
  return {
    note,
    framework,
    months: months.map((m) => ({ month: m.month, revision: m.manifest.revision, date: m.manifest.date, provenance: m.manifest.provenance.hash })),
    regions: [...regions.values()],
    codes: [...codes.values()],
    series: [...series.values()],
  };
}
