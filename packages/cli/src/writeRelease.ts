import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { appendToChain, CHAIN_FILE, ManifestSchema, parseInputsCsv, RELEASE_FORMAT, revisionsJsonText, UNCERTAINTY_MODEL, WithdrawalSchema, writeThrough, type CellChange, type ChainEntry, type InputCell, type Manifest, type RevisionEntry } from '@pingan/core/release';
import type { MonthComputation } from './computeIndex.ts';
import { replaceFileDurably, syncFolder, writeFileDurably } from './durableFs.ts';
import { CliError, ExitCode, UsageError } from './issues.ts';
import { sha256Hex } from './readInputs.ts';
import { readChain, verifyAndRepair, writeChain } from './releaseStore.ts';
import { inputsCsv, releaseCsv, releaseJson } from './releaseFiles.ts';
import { CLI_NAME, CLI_VERSION } from './version.ts';
import { because } from './i18n/reason.ts';
import { t } from './i18n/t.ts';

export type { CellChange, Manifest, RevisionEntry };

/** Test hooks: throw from one to simulate a crash at that point. */
export interface ReleaseHooks {
  /** After each file is written into the temporary directory. */
  readonly afterWrite?: (file: string) => void;
  /** Just before the temporary directory is renamed into place. */
  readonly beforeCommit?: () => void;
  /** After the rename, before the revision is added to chain.json. */
  readonly beforeChain?: () => void;
}

export interface WriteReleaseOptions {
  /** The releases directory (`DATA/releases` by default on the command line). */
  readonly outDir: string;
  /** The release date, `YYYY-MM-DD`, written into the manifest. */
  readonly today: string;
  readonly hooks?: ReleaseHooks;
  /** The data-quality warnings of the month, written into release.json's `notes`. */
  readonly notes?: readonly string[];
}

export interface ReleaseOutcome {
  readonly month: string;
  /** `released`: the first revision; `revised`: a new revision beside the old; `unchanged`: nothing written. */
  readonly status: 'released' | 'revised' | 'unchanged';
  readonly revision: number;
  /** The revision's directory. */
  readonly path: string;
  readonly changes: readonly CellChange[];
  /** What an interrupted earlier run had left and this run repaired. */
  readonly repaired: readonly string[];
}

/** The files of a revision directory, in the order they are written. */
export const RELEASE_FILES = ['release.json', 'release.csv', 'inputs.csv', 'manifest.json'] as const;

function ioError(what: string, error: unknown, renaming = false): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  if (renaming && (code === 'ENOTEMPTY' || code === 'EEXIST')) {
    return new CliError(ExitCode.ReleaseFailed, because`release conflict: ${what} already exists (another run wrote it?); nothing was overwritten`);
  }
  return new CliError(ExitCode.ReleaseFailed, because`cannot write ${what}: ${(error as Error).message}`);
}

function revisionsIn(monthDir: string): number[] {
  if (!existsSync(monthDir)) return [];
  return readdirSync(monthDir)
    .map((name) => /^r([1-9]\d*)$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null && statSync(join(monthDir, m[0])).isDirectory())
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

function readManifest(monthDir: string, revision: number): Manifest {
  const file = join(monthDir, `r${revision}`, 'manifest.json');
  try {
    return ManifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new CliError(ExitCode.ReleaseFailed, because`cannot read ${file}: ${(error as Error).message}`);
  }
}

function readCells(file: string): InputCell[] {
  return parseInputsCsv(readFileSync(file, 'utf8'));
}

/** The input cells that differ between two revisions' inputs, by month, region and indicator. */
export function diffCells(before: readonly InputCell[], after: readonly InputCell[]): CellChange[] {
  const key = (c: InputCell) => `${c.month}\u0000${c.region}\u0000${c.indicator}`;
  const old = new Map(before.map((c) => [key(c), c]));
  const now = new Map(after.map((c) => [key(c), c]));
  const keys = [...new Set([...old.keys(), ...now.keys()])].sort();
  const changes: CellChange[] = [];
  for (const k of keys) {
    const a = old.get(k);
    const b = now.get(k);
    const valueA = a?.value ?? null;
    const valueB = b?.value ?? null;
    const flagA = a?.flag ?? '';
    const flagB = b?.flag ?? '';
    if (a && b && valueA === valueB && flagA === flagB) continue;
    const cell = (b ?? a)!;
    changes.push({
      region: cell.region,
      indicator: cell.indicator,
      month: cell.month,
      before: valueA,
      after: valueB,
      ...(flagA !== flagB ? { flagBefore: flagA, flagAfter: flagB } : {}),
    });
  }
  return changes;
}

function whatChanged(previous: Manifest, now: MonthComputation): Manifest['changed'] {
  const p = previous.provenance;
  const n = now.provenance;
  const out: Manifest['changed'] = [];
  if (p.dataHash !== n.dataHash) out.push('data');
  if (p.frameworkHash !== n.frameworkHash) out.push('framework');
  if (p.optionsHash !== n.optionsHash) out.push('options');
  if (p.library !== n.library || p.libraryVersion !== n.libraryVersion) out.push('library');
  if ((previous.format ?? 1) !== RELEASE_FORMAT) out.push('format');
  if ((previous.format ?? 1) === RELEASE_FORMAT && (previous.uncertaintyModel ?? 1) !== UNCERTAINTY_MODEL) out.push('uncertainty');
  if (out.length === 0 && previous.inputHash !== now.inputHash) out.push('regions');
  return out;
}

/** What each uncertainty model changed from the one before (the reason of a revision that brings it). */
const MODEL_CHANGES: Readonly<Record<number, string>> = {
  2: "the intervals of rare counts follow their exact Poisson or negative binomial distributions instead of a normal; a count's expected level takes Kerman's neutral prior count 1/3 (was Jeffreys' 1/2), and its over-dispersion is used only where Pearson's dispersion test rejects the Poisson at 5% (was: whenever above 1)",
  3: "the same noise model, computed faster: a figure whose count lattice is washed out by its normal part (its sd at least the largest lattice step) or finer than 0.1 of its sd takes a Cornish-Fisher quantile from its cumulants instead of its whole distribution (within 2% of the interval's width of the exact computation on the sample history); lattice-dominated figures are computed exactly as before",
  4: "the same noise model, computed faster and closer to its exact distribution: a figure dominated by rare counts builds only its one to four leading components exactly and takes the rest by its Edgeworth expansion from its first four cumulants; a capped score is enumerated only where a value its counts can take (probability at least 1e-10) reaches the cap, instead of wherever the mean plus or minus 7.5 sd did (fewer censored-normal fallbacks), and its enumeration is binned to 1/256 of its sd; every interval end within 2% of the interval's width (or 0.005) of the exact computation at 16 times the resolution on the sample history, where model 3 was up to 11% off",
  5: "the same intervals; a change's verdict (up, down, broadly unchanged) is read off its interval as published, rounded to the framework's decimals, so that it agrees with the numbers shown: an interval published as -2.48 to 0.00, or 0.00 to 0.00, holds zero and is broadly unchanged (model 4 read the unrounded interval, where a bound of -0.001, or a rounding residue of -1e-15 in the change of a score capped in both months, gave down or up)",
  6: "the same intervals and verdicts; the rank intervals and the probability that a region is safer than the next are drawn to match each region's published interval of the index (a split normal: its value the median, the interval's ends its 5th and 95th percentiles) instead of a normal distribution of its standard error, which ranked a small district whose index hangs on a rare count too surely",
};

/**
 * Why the pipeline writes a new revision when the reason is not (only) an
 * edit of the cells both revisions read: a new release format, a new
 * uncertainty model, or a longer or shorter span of months read. Undefined otherwise.
 */
function revisionReason(previous: Manifest, now: MonthComputation): string | undefined {
  const reasons: string[] = [];
  const format = previous.format ?? 1;
  if (format !== RELEASE_FORMAT) {
    const level = Math.round(now.uncertainty.level * 100);
    reasons.push(
      `release format ${RELEASE_FORMAT} (was ${format}): adds each figure's ${level}% interval, the verdicts of its changes (上升 up / 下降 down / 基本持平 broadly unchanged), the districts' rank intervals and the month's early warnings; the published values are recomputed from the same rules`,
    );
  }
  const model = previous.uncertaintyModel ?? 1;
  if (format === RELEASE_FORMAT && model !== UNCERTAINTY_MODEL) {
    const what: string[] = [];
    for (let m = model + 1; m <= UNCERTAINTY_MODEL; m++) if (MODEL_CHANGES[m]) what.push(MODEL_CHANGES[m]);
    reasons.push(
      `uncertainty model ${UNCERTAINTY_MODEL} (was ${model}): ${what.join('; then ')}; only the intervals, verdicts, rank intervals and neighbour probabilities change, the published values, ranks and flags are the same`,
    );
  }
  const from = now.periods[0];
  if (previous.months.from !== from) reasons.push(`reads the months from ${from} (was ${previous.months.from}) for the noise model's baseline; cells of months only one revision read are not listed as changes`);
  return reasons.length ? reasons.join('; ') : undefined;
}

/** The cells of the months both revisions read, so a longer lookback does not list every newly read cell as a change. */
function commonMonths(cells: readonly InputCell[], from: string): InputCell[] {
  return cells.filter((c) => c.month >= from);
}

/** Brings revisions.json up to date with the revision directories (after a new revision). */
function syncRevisions(monthDir: string, month: string): void {
  const manifests = revisionsIn(monthDir).map((r) => readManifest(monthDir, r));
  const content = revisionsJsonText(month, manifests);
  const file = join(monthDir, 'revisions.json');
  if (existsSync(file) && readFileSync(file, 'utf8') === content) return;
  try {
    replaceFileDurably(file, content);
  } catch (error) {
    throw ioError(file, error);
  }
}

/**
 * Refuses to write a chain entry dated before the chain's latest: the chain
 * records releases in the order they were published, so a date earlier than
 * the one before it (a wrong --today, a clock set back) would make the
 * published history read out of order.
 */
function refuseBackdating(last: ChainEntry | undefined, today: string): void {
  if (last && today < last.date) {
    const what = last.kind === 'revision' ? `${last.month} r${last.revision}` : `${last.month} withdrawn`;
    throw new UsageError(t`the date ${today} is before ${last.date}, the date of the latest release in ${CHAIN_FILE} (${what}): releases are dated in the order they are published (check --today or the clock)`);
  }
}

/**
 * Writes a month's release as `OUT/MONTH/rN/` (release.json, release.csv,
 * inputs.csv, manifest.json) and `OUT/MONTH/revisions.json`, and adds it to
 * `OUT/chain.json`. The month's published files are first verified against
 * the chain and their manifests (`ReleasesTamperedError` otherwise, before
 * anything is written). Releases are immutable: when the latest revision
 * has the same input hash nothing is written; otherwise a new revision is
 * written beside the old ones, listing the input cells that changed. The
 * revision is built in a temporary directory inside OUT, every file synced
 * to the disk, and renamed into place, so an interrupted run leaves no
 * partial release.
 */
export function writeRelease(computation: MonthComputation, options: WriteReleaseOptions): ReleaseOutcome {
  const { month } = computation;
  const { outDir, today, hooks = {} } = options;
  const notes = options.notes ?? [];
  const monthDir = join(outDir, month);
  const { verification, repaired } = existsSync(outDir) ? verifyAndRepair(outDir, { month }) : { verification: undefined, repaired: [] };
  const verified = verification?.months.find((m) => m.month === month);
  const existing = revisionsIn(monthDir);
  const latest = existing.length ? existing[existing.length - 1] : 0;
  const previous = latest ? readManifest(monthDir, latest) : null;
  const withdrawn = verified?.withdrawal !== null && verified?.withdrawal !== undefined;
  if (previous && previous.inputHash === computation.inputHash && !withdrawn) {
    syncRevisions(monthDir, month);
    return { month, status: 'unchanged', revision: latest, path: join(monthDir, `r${latest}`), changes: [], repaired };
  }
  refuseBackdating(verification?.chain.entries.at(-1), today);
  const revision = latest + 1;
  const commonFrom = previous && previous.months.from > computation.periods[0] ? previous.months.from : computation.periods[0];
  const changes = previous ? diffCells(commonMonths(readCells(join(monthDir, `r${latest}`, 'inputs.csv')), commonFrom), commonMonths(computation.cells, commonFrom)) : [];
  const reason = previous ? revisionReason(previous, computation) : undefined;
  const content: Record<(typeof RELEASE_FILES)[number], string> = {
    'release.json': releaseJson(computation.published, revision, today, notes),
    'release.csv': releaseCsv(computation.published),
    'inputs.csv': inputsCsv(computation.cells),
    'manifest.json': '',
  };
  const reference = computation.referenceFiles;
  const fw = computation.frameworkFile;
  const manifest: Manifest = {
    format: RELEASE_FORMAT,
    month,
    revision,
    date: today,
    nextRelease: computation.nextRelease,
    inputHash: computation.inputHash,
    uncertaintyModel: UNCERTAINTY_MODEL,
    previous: previous ? { revision: latest, inputHash: previous.inputHash } : null,
    changed: previous ? whatChanged(previous, computation) : [],
    ...(reason !== undefined ? { reason } : {}),
    changes,
    framework: { id: computation.framework.id, version: computation.framework.version, file: fw?.file ?? null, sha256: fw?.sha256 ?? null },
    provenance: { ...computation.provenance },
    months: { from: computation.periods[0], to: month },
    inputs: computation.inputFiles.map((f) => ({ file: f.file, sha256: f.sha256 })),
    reference: reference.map((f) => ({ file: f.file, sha256: f.sha256 })),
    files: (['release.json', 'release.csv', 'inputs.csv'] as const).map((file) => ({ file, sha256: sha256Hex(content[file]) })),
    software: { cli: { name: CLI_NAME, version: CLI_VERSION }, library: { name: computation.provenance.library, version: computation.provenance.libraryVersion } },
  };
  content['manifest.json'] = writeThrough(ManifestSchema, 'manifest.json', manifest);

  let tmp: string;
  try {
    mkdirSync(outDir, { recursive: true });
    tmp = mkdtempSync(join(outDir, `.tmp-${month}-`));
  } catch (error) {
    throw ioError(outDir, error);
  }
  const target = latest === 0 ? monthDir : join(monthDir, `r${revision}`);
  let renaming = false;
  try {
    const revisionDir = latest === 0 ? join(tmp, `r${revision}`) : tmp;
    mkdirSync(revisionDir, { recursive: true });
    for (const file of RELEASE_FILES) {
      writeFileDurably(join(revisionDir, file), content[file]);
      hooks.afterWrite?.(file);
    }
    if (latest === 0) {
      writeFileDurably(join(tmp, 'revisions.json'), revisionsJsonText(month, [manifest]));
      hooks.afterWrite?.('revisions.json');
      syncFolder(revisionDir);
    }
    syncFolder(tmp);
    hooks.beforeCommit?.();
    renaming = true;
    renameSync(tmp, target);
    syncFolder(latest === 0 ? outDir : monthDir);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    if (error instanceof CliError) throw error;
    if ((error as NodeJS.ErrnoException).code) throw ioError(target, error, renaming);
    throw error;
  }
  hooks.beforeChain?.();
  try {
    writeChain(outDir, appendToChain(readChain(outDir), { kind: 'revision', month, revision, date: today, inputHash: manifest.inputHash, sha256: sha256Hex(content['manifest.json']) }));
  } catch (error) {
    throw ioError(join(outDir, 'chain.json'), error);
  }
  if (latest > 0) syncRevisions(monthDir, month);
  return { month, status: latest === 0 ? 'released' : 'revised', revision, path: join(monthDir, `r${revision}`), changes, repaired };
}

/**
 * Marks a published month withdrawn: `OUT/MONTH/withdrawn.json` names its
 * latest revision, the date and the reason, and is added to the chain; the
 * site then shows the month as withdrawn rather than current. Nothing is
 * deleted. Returns false when the month is already withdrawn at its latest
 * revision.
 */
export function withdrawRelease(outDir: string, month: string, options: { today: string; reason: string }): boolean {
  const monthDir = join(outDir, month);
  const { verification } = verifyAndRepair(outDir, { month });
  const verified = verification.months.find((m) => m.month === month);
  if (!verified) throw new CliError(ExitCode.Usage, because`${month} has no release in ${outDir} to withdraw`);
  const latest = verified.revisions[verified.revisions.length - 1];
  if (verified.withdrawal?.revision === latest.revision) return false;
  refuseBackdating(verification.chain.entries.at(-1), options.today);
  const text = writeThrough(WithdrawalSchema, 'withdrawn.json', { month, revision: latest.revision, date: options.today, reason: options.reason });
  try {
    replaceFileDurably(join(monthDir, 'withdrawn.json'), text);
    writeChain(outDir, appendToChain(readChain(outDir), { kind: 'withdrawal', month, revision: latest.revision, date: options.today, inputHash: latest.manifest.inputHash, sha256: sha256Hex(text) }));
  } catch (error) {
    throw ioError(join(monthDir, 'withdrawn.json'), error);
  }
  return true;
}
