import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { periodFrequency } from '@pingan/core';
import { CHAIN_FILE, chainFromReleases, verifyReleases } from '@pingan/core/release';
import { askedPeriod, computeIndex, type Changes, type MonthComputation, type PublishedMonth } from './computeIndex.ts';
import { localised, t } from './i18n/t.ts';
import { because, localise } from './i18n/reason.ts';
import { CliError, DataInvalidError, ExitCode, formatIssue, printIssue, UsageError, type Issue } from './issues.ts';
import { stableJson } from './json.ts';
import { PUBLICATION_FILE, readPublication, todayIn } from './publication.ts';
import { readInputs } from './readInputs.ts';
import { releaseChecks, staleMonths, staleWarnings } from './releaseChecks.ts';
import { releaseStore, ReleasesTamperedError, removeTemporary, verifyAndRepair, writeChain } from './releaseStore.ts';
import { parseJsonStrict } from './strictJson.ts';
import { textTable } from './textTable.ts';
import { validateData, type ValidatedData } from './validateData.ts';
import { withdrawRelease, writeRelease, type ReleaseHooks, type ReleaseOutcome } from './writeRelease.ts';
import { tunedFrameworkNotice } from './tunedNotice.ts';

/** What a command prints and how it ends. */
export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CommonOptions {
  /** The data directory (default `data`). */
  readonly dataDir: string;
  /** Today's date, `YYYY-MM-DD`. */
  readonly today: string;
  readonly json: boolean;
  /** A framework file to use instead of `DATA/framework/*.json` (`--framework`). */
  readonly frameworkFile?: string;
  /** Data-quality warnings are problems (`--strict`). */
  readonly strict?: boolean;
}

/**
 * Today's date as `YYYY-MM-DD` in the index's time zone (DATA/publication.json's
 * `timeZone`), never the machine's. Where publication.json has other
 * problems, its time zone alone is read (the run then reports those problems
 * with every other one); a usage error when there is no data folder or no
 * time zone to read (then give --data, or --today).
 */
export function todayString(dataDir: string, date: Date = new Date()): string {
  if (!existsSync(dataDir)) throw new UsageError(t`no data folder at ${dataDir} (give the folder with --data)`);
  const issues: Issue[] = [];
  const timeZone = readPublication(dataDir, issues)?.timeZone ?? timeZoneAlone(dataDir);
  if (timeZone === undefined) throw new UsageError(`${t`no --today, and the index's time zone cannot be read:`}\n${issues.map((i) => `  ${printIssue({ ...i, file: join(dataDir, i.file) })}`).join('\n')}`);
  return todayIn(timeZone, date);
}

/** publication.json's `timeZone` where the file parses as JSON and the zone is a real one, whatever else is wrong in it. */
function timeZoneAlone(dataDir: string): string | undefined {
  try {
    const parsed = parseJsonStrict(readFileSync(join(dataDir, PUBLICATION_FILE), 'utf8'));
    const zone = parsed.ok ? (parsed.value as { timeZone?: unknown } | null)?.timeZone : undefined;
    if (typeof zone !== 'string') return undefined;
    new Intl.DateTimeFormat('en', { timeZone: zone }); // throws a RangeError for a zone that does not exist
    return zone;
  } catch {
    return undefined;
  }
}

/** Whether `text` is a real calendar date `YYYY-MM-DD`. */
export function isDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const issueJson = (i: Issue) => ({
  file: i.file,
  line: i.line ?? null,
  column: i.column ?? null,
  value: i.value ?? null,
  reason: i.reason,
  message: formatIssue(i),
});

/** Reads and validates a data directory (with the framework file `frameworkFile` instead of `DATA/framework/*.json` when given). */
export function loadData(dataDir: string, today: string, frameworkFile?: string, strict = false): ValidatedData {
  return validateData(readInputs(dataDir, frameworkFile === undefined ? {} : { framework: frameworkFile }), { today, strict });
}

/** Warnings, one `warning: FILE:LINE:COLUMN: REASON` line each. */
function warningLines(warnings: readonly Issue[]): string {
  return warnings.map((w) => `${t`warning: ${printIssue(w)}`}\n`).join('');
}

/** The result of a command that stops because the data is invalid (exit code 1). */
export function problems(valid: ValidatedData, json: boolean): CommandResult {
  const n = valid.issues.length;
  if (json) return { exitCode: ExitCode.DataInvalid, stdout: stableJson({ ok: false, problems: valid.issues.map(issueJson) }), stderr: '' };
  return {
    exitCode: ExitCode.DataInvalid,
    stdout: '',
    stderr: `${valid.issues.map(printIssue).join('\n')}\n${t`${n} problem${n === 1 ? '' : 's'} in ${valid.data.dataDir}; nothing was computed or written`}\n`,
  };
}

function summary(valid: ValidatedData) {
  return {
    files: valid.data.inputs.length,
    rows: valid.data.records.length,
    regions: valid.units.length,
    months: valid.months.length ? { from: valid.months[0], to: valid.months[valid.months.length - 1] } : null,
  };
}

/**
 * `pingan validate`: every problem in the data, or a summary when there is
 * none, with what `release --all` would find in the published releases
 * (`releaseChecks`). Writes nothing.
 */
export function validateCommand(options: CommonOptions): CommandResult {
  const valid = loadData(options.dataDir, options.today, options.frameworkFile, options.strict);
  const releases = releaseChecks(valid, options.dataDir);
  const issues = [
    ...valid.issues,
    ...releases.problems,
    ...(options.strict ? releases.warnings.map((w) => ({ ...w, reason: because`${w.reason} (--strict)` })) : []),
  ];
  const warnings = options.strict ? [] : [...valid.warnings, ...releases.warnings];
  // Refused releases stop a release with exit 4 (as verify does); a problem in the data comes first.
  const exitCode = valid.issues.length ? ExitCode.DataInvalid : issues.length ? (releases.problems.length ? ExitCode.ReleasesTampered : ExitCode.DataInvalid) : ExitCode.Ok;
  const s = summary(valid);
  const publishable = valid.publishable.length ? { from: valid.publishable[0], to: valid.publishable[valid.publishable.length - 1] } : null;
  if (options.json) {
    return {
      exitCode,
      stdout: stableJson({ ok: issues.length === 0, problems: issues.map(issueJson), warnings: warnings.map(issueJson), ...s, publishable }),
      stderr: '',
    };
  }
  const n = issues.length;
  const warningText = warningLines(warnings);
  if (n > 0) {
    return { exitCode, stdout: `${issues.map(printIssue).join('\n')}\n${warningText}${t`${n} problem${n === 1 ? '' : 's'} in ${options.dataDir}`}\n`, stderr: '' };
  }
  const months = s.months ? t`${s.months.from} to ${s.months.to}` : t`no months`;
  const index = publishable ? t`; an index for ${publishable.from} to ${publishable.to}` : '';
  const nw = warnings.length;
  const w = nw ? t`; ${nw} warning${nw === 1 ? '' : 's'} (--strict makes them problems)` : '';
  return { exitCode, stdout: `${warningText}${t`ok: ${s.files} input files, ${s.rows} rows, ${s.regions} regions, ${months}${index}${w}`}\n`, stderr: '' };
}

const signed = (v: string | null) => (v === null ? '—' : v.startsWith('-') ? v : `+${v}`);

/**
 * The month's table as text: index, band, the sub-indices under the index,
 * and the changes, under the index's name (publication.json's `name`; the
 * framework's when there is no configuration).
 */
export function formatMonth(published: PublishedMonth, indexName: { readonly zh: string; readonly en: string } = published.framework.name): string {
  const first = published.regions[0];
  const subs = first ? first.aggregates.filter((a) => a.parent !== null && a.parent === first.aggregates[0].code) : [];
  // A quarterly index compares with the previous quarter and the same quarter a year before.
  const quarterly = periodFrequency(published.month) === 'quarter';
  const header = [t`Region`, t`Index`, t`Band`, ...subs.map((s) => localised(s.name)), quarterly ? t`QoQ` : t`MoM`, quarterly ? t`YoY (same quarter)` : t`YoY`];
  const rows = published.regions.map((r) => {
    const index = r.aggregates[0];
    const change: Changes = index.change;
    return [
      `${r.code} ${localised(r.name)}`,
      index.value ?? '—',
      index.band ? localised(index.band.name) : '—',
      ...subs.map((s) => r.aggregates.find((a) => a.code === s.code)?.value ?? '—'),
      signed(change.mom),
      signed(change.yoy),
    ];
  });
  const title = `${localised(indexName)} · ${published.month} · ${published.framework.id} ${published.framework.version}`;
  const note = published.note ? `${published.note}\n` : '';
  const flagged = published.regions.filter((r) => r.aggregates[0].flags.length > 0).map((r) => `${r.code} (${r.aggregates[0].flags.join(', ')})`);
  const flags = flagged.length ? `${t`flags: ${flagged.join('; ')}`}\n` : '';
  return `${title}\n${note}\n${textTable([header, ...rows])}${flags}`;
}

export interface ComputeOptions extends CommonOptions {
  readonly month?: string;
}

/** `pingan compute [MONTH]`: validates, computes and prints the month (default: the latest). */
export function computeCommand(options: ComputeOptions): CommandResult {
  const valid = loadData(options.dataDir, options.today, options.frameworkFile, options.strict);
  if (valid.issues.length) return problems(valid, options.json);
  const computation = computeIndex(valid, options.month);
  const stderr = tunedFrameworkNotice(valid.framework);
  if (options.json) {
    return { exitCode: ExitCode.Ok, stdout: stableJson({ ...computation.published, provenance: computation.provenance, inputHash: computation.inputHash }), stderr };
  }
  return { exitCode: ExitCode.Ok, stdout: formatMonth(computation.published, valid.data.publication?.name), stderr };
}

export interface ReleaseOptions extends CommonOptions {
  /** One month, or every month with an index when `all`. */
  readonly month?: string;
  readonly all: boolean;
  /** The releases directory (default `DATA/releases`). */
  readonly outDir?: string;
  readonly hooks?: ReleaseHooks;
  /** Called after each month (for a progress display). */
  readonly onProgress?: (done: number, total: number, month: string) => void;
}

export type ReleaseReport =
  | ReleaseOutcome
  | { readonly month: string; readonly status: 'skipped'; readonly reason: string }
  | { readonly month: string; readonly status: 'withdrawn'; readonly revision: number; readonly reason: string };

/** The warnings that concern a month's release: those of the months it reads, and those without a month (files, framework). */
function notesFor(valid: ValidatedData, computation: MonthComputation): string[] {
  const months = new Set(computation.periods);
  return valid.warnings.filter((w) => w.month === undefined || months.has(w.month)).map(formatIssue);
}

/**
 * `pingan release MONTH | --all`: validates (the same checks as
 * `validate`), removes the temporary folders of interrupted runs, verifies
 * the published releases against their chain, then computes and writes
 * immutable releases. With `--all`, every month from the first with full
 * windows to the last is released, and a published month the data can no
 * longer compute is withdrawn. A failure part way names the months this run
 * had already written.
 */
export function releaseCommand(options: ReleaseOptions): CommandResult {
  if (options.all === (options.month !== undefined)) throw new UsageError(t`release needs either a MONTH or --all`);
  const valid = loadData(options.dataDir, options.today, options.frameworkFile, options.strict);
  if (valid.issues.length) return problems(valid, options.json);
  const outDir = options.outDir ?? join(options.dataDir, 'releases');
  const removed = removeTemporary(outDir);
  const { verification, repaired } = existsSync(outDir) ? verifyAndRepair(outDir) : { verification: undefined, repaired: [] as string[] };
  const publishable = new Set(valid.publishable);
  const first = valid.publishable[0];
  if (!options.all) askedPeriod(valid, options.month, 'index');
  const months = options.all ? valid.months : [options.month!];
  const reports: ReleaseReport[] = [];
  const written: string[] = [];
  const undated: string[] = [];
  try {
    months.forEach((month, i) => {
      if (!publishable.has(month)) {
        reports.push({ month, status: 'skipped', reason: because`before ${first}, the first month whose windows are full` });
      } else {
        const computation: MonthComputation = computeIndex(valid, month);
        if (computation.missingIndex.length > 0) {
          throw new DataInvalidError([{ file: 'input/', month, reason: because`no index for ${computation.missingIndex.join(', ')} in ${month}, although the data validated` }]);
        }
        const outcome = writeRelease(computation, { outDir, today: options.today, notes: notesFor(valid, computation), ...(options.hooks ? { hooks: options.hooks } : {}) });
        if (computation.nextRelease === null && outcome.status !== 'unchanged') undated.push(month);
        if (outcome.status !== 'unchanged') written.push(`${month} r${outcome.revision}`);
        reports.push(outcome);
      }
      options.onProgress?.(i + 1, months.length, month);
    });
    if (options.all) {
      for (const published of verification?.months ?? []) {
        if (publishable.has(published.month)) continue;
        const latest = published.revisions[published.revisions.length - 1];
        const reason = valid.publishable.length
          ? because`the data no longer computes ${published.month}: it gives an index for ${valid.publishable[0]} to ${valid.publishable[valid.publishable.length - 1]}`
          : because`the data no longer computes ${published.month}`;
        if (withdrawRelease(outDir, published.month, { today: options.today, reason })) {
          written.push(`${published.month} withdrawn`);
          reports.push({ month: published.month, status: 'withdrawn', revision: latest.revision, reason });
        }
      }
    }
  } catch (error) {
    if (written.length === 0 || !(error instanceof CliError)) throw error;
    const wrote = written.join(', ');
    throw new CliError(error.exitCode, `${error.message}\n${because`before this failure the run wrote: ${wrote} (complete and verified; the rest was not written)`}`, error.issues, () =>
      `${error.printed()}\n${t`before this failure the run wrote: ${wrote} (complete and verified; the rest was not written)`}`,
    );
  }
  const housekeeping = [
    ...(undated.length
      ? [
          t`no release date after ${
            undated.length > 3
              ? periodFrequency(undated[0]) === 'quarter'
                ? t`${undated[0]} … ${undated[undated.length - 1]} (${undated.length} quarters)`
                : t`${undated[0]} … ${undated[undated.length - 1]} (${undated.length} months)`
              : undated.join(', ')
          }: ${PUBLICATION_FILE}'s releaseCalendar has no date for the period after (no "regular" rule and no entry in "releases"), so the manifest's nextRelease is null`,
        ]
      : []),
    ...removed.map((name) => t`removed ${join(outDir, name)}: a temporary folder left by an interrupted run`),
  ];
  // A release of one month leaves the other published months as they were: say which of them now rest on changed inputs.
  const stale = options.all || !existsSync(outDir) ? [] : staleMonths(valid, verifyReleases(releaseStore(outDir)), new Set(months));
  const repairs = [...repaired, ...reports.flatMap((r) => (r.status !== 'skipped' && r.status !== 'withdrawn' ? r.repaired : []))];
  if (options.json) {
    return {
      exitCode: ExitCode.Ok,
      stdout: stableJson({ ok: true, outDir, removed, repaired: repairs.map((line) => `repaired ${line}`), warnings: [...valid.warnings, ...staleWarnings(stale)].map(issueJson), stale, undated, releases: reports }),
      stderr: '',
    };
  }
  const lines = reports.map((r) => {
    if (r.status === 'skipped') return t`${r.month}: skipped: ${localise(r.reason)}`;
    if (r.status === 'withdrawn') return t`${r.month}: WITHDRAWN r${r.revision}: ${localise(r.reason)}`;
    if (r.status === 'unchanged') return t`${r.month}: unchanged (r${r.revision}, ${r.path})`;
    if (r.status === 'released') return t`${r.month}: released r${r.revision} → ${r.path}`;
    const n = r.changes.length;
    return t`${r.month}: revised r${r.revision} → ${r.path} (${n} input cell${n === 1 ? '' : 's'} changed)`;
  });
  return { exitCode: ExitCode.Ok, stdout: `${lines.join('\n')}\n`, stderr: `${warningLines([...valid.warnings, ...staleWarnings(stale)])}${[...housekeeping, ...repairs.map((line) => t`repaired ${localise(line)}`)].map((l) => `${l}\n`).join('')}` };
}

/** Turns a thrown error into a command result with its exit code. */
export function errorResult(error: unknown, json: boolean): CommandResult {
  if (error instanceof CliError) {
    if (json) {
      return {
        exitCode: error.exitCode,
        stdout: stableJson({ ok: false, error: error.message, ...(error.issues.length ? { problems: error.issues.map(issueJson) } : {}) }),
        stderr: '',
      };
    }
    return { exitCode: error.exitCode, stdout: '', stderr: `pingan: ${error.printed()}\n` };
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { exitCode: ExitCode.ReleaseFailed, stdout: json ? stableJson({ ok: false, error: String(error) }) : '', stderr: `pingan: ${t`unexpected error: ${message}`}\n` };
}

export interface VerifyOptions {
  /** The releases directory (default `DATA/releases`). */
  readonly outDir: string;
  readonly json: boolean;
  /** Write chain.json for a releases folder that has none yet, after checking every file against its manifest. */
  readonly startChain?: boolean;
  /**
   * A chain head published earlier (the site's downloads page and `verify` print it): the chain
   * must still hold that entry. A chain cut back at its end, with the files of its last entries,
   * verifies by itself; only a head kept elsewhere shows the cut.
   */
  readonly head?: string;
}

/**
 * `pingan verify`: checks every file of every release against its manifest
 * and every manifest against chain.json (exit 4 and every problem when
 * anything differs); with `startChain`, first writes the chain of a folder
 * published before chains existed. Repairs nothing.
 */
export function verifyCommand(options: VerifyOptions): CommandResult {
  const { outDir } = options;
  if (!existsSync(outDir)) throw new UsageError(t`no releases folder at ${outDir}`);
  const store = releaseStore(outDir);
  if (options.startChain) {
    if (existsSync(join(outDir, CHAIN_FILE))) throw new UsageError(t`${join(outDir, CHAIN_FILE)} exists already; a chain is started once`);
    const { chain, problems: found } = chainFromReleases(store);
    if (found.length > 0) throw new ReleasesTamperedError(outDir, found);
    writeChain(outDir, chain);
  }
  const verification = verifyReleases(store, { deep: true });
  const heldHead = options.head === undefined || verification.chain.entries.some((e) => e.hash === options.head);
  const problems = [
    ...verification.problems,
    ...(heldHead
      ? []
      : [{ path: CHAIN_FILE, message: because`has no entry ${options.head!.slice(0, 12)}…, the head given with --head: the chain was cut back or rewritten after that head was published` }]),
    ...verification.temporary.map((name) => ({ path: name, message: because`a temporary folder left by an interrupted run (the next \`pingan release\` removes it)` })),
  ];
  const revisions = verification.months.reduce((n, m) => n + m.revisions.length, 0);
  const withdrawn = verification.months.filter((m) => m.withdrawal !== null).map((m) => m.month);
  const head = verification.chain.entries.at(-1)?.hash ?? null;
  const exitCode = problems.length ? ExitCode.ReleasesTampered : ExitCode.Ok;
  if (options.json) {
    return {
      exitCode,
      stdout: stableJson({ ok: problems.length === 0, outDir, months: verification.months.length, revisions, withdrawn, chainHead: head, problems: problems.map((p) => ({ path: p.path, message: p.message })) }),
      stderr: '',
    };
  }
  if (problems.length) {
    return { exitCode, stdout: '', stderr: `${problems.map((p) => `${outDir}/${p.path}: ${localise(p.message)}`).join('\n')}\n${t`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${outDir}: the releases differ from their chain and manifests`}\n` };
  }
  const started = options.startChain ? t`started ${join(outDir, CHAIN_FILE)}; ` : '';
  const gone = withdrawn.length ? t`, ${withdrawn.length} withdrawn (${withdrawn.join(', ')})` : '';
  const months = verification.months.length;
  return { exitCode, stdout: `${started}${t`ok: ${months} months, ${revisions} revisions${gone}; every file matches its manifest and chain.json (head ${head ?? t`none`})`}\n`, stderr: '' };
}
