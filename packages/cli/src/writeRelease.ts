import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shiftPeriod, type Provenance } from '@pingan/core';
import type { InputCell, MonthComputation } from './computeIndex.ts';
import { parseCsv } from './csv.ts';
import { CliError, ExitCode } from './issues.ts';
import { stableJson } from './json.ts';
import { sha256Hex } from './readInputs.ts';
import { inputsCsv, releaseCsv, releaseJson } from './releaseFiles.ts';
import { CLI_NAME, CLI_VERSION } from './version.ts';

/** One input cell that differs from the previous revision. */
export interface CellChange {
  readonly region: string;
  readonly indicator: string;
  readonly month: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly flagBefore?: string;
  readonly flagAfter?: string;
}

export interface RevisionEntry {
  readonly revision: number;
  readonly date: string;
  readonly previousHash: string | null;
  readonly hash: string;
  readonly changes: readonly CellChange[];
}

export interface Manifest {
  readonly month: string;
  readonly revision: number;
  readonly date: string;
  readonly nextRelease: string;
  readonly inputHash: string;
  readonly previous: { readonly revision: number; readonly inputHash: string } | null;
  /** What differs from the previous revision: data, framework, options, library, regions. */
  readonly changed: readonly string[];
  readonly changes: readonly CellChange[];
  readonly framework: { readonly id: string; readonly version: string; readonly file: string | null; readonly sha256: string | null };
  readonly provenance: Provenance;
  readonly months: { readonly from: string; readonly to: string };
  readonly inputs: readonly { readonly file: string; readonly sha256: string }[];
  readonly reference: readonly { readonly file: string; readonly sha256: string }[];
  readonly files: readonly { readonly file: string; readonly sha256: string }[];
  readonly software: { readonly cli: { readonly name: string; readonly version: string }; readonly library: { readonly name: string; readonly version: string } };
}

/** Test hooks: throw from one to simulate a crash at that point. */
export interface ReleaseHooks {
  /** After each file is written into the temporary directory. */
  readonly afterWrite?: (file: string) => void;
  /** Just before the temporary directory is renamed into place. */
  readonly beforeCommit?: () => void;
}

export interface WriteReleaseOptions {
  /** The releases directory (`DATA/releases` by default on the command line). */
  readonly outDir: string;
  /** The release date, `YYYY-MM-DD`, written into the manifest. */
  readonly today: string;
  readonly hooks?: ReleaseHooks;
}

export interface ReleaseOutcome {
  readonly month: string;
  /** `released`: the first revision; `revised`: a new revision beside the old; `unchanged`: nothing written. */
  readonly status: 'released' | 'revised' | 'unchanged';
  readonly revision: number;
  /** The revision's directory. */
  readonly path: string;
  readonly changes: readonly CellChange[];
}

/** The files of a revision directory, in the order they are written. */
export const RELEASE_FILES = ['release.json', 'release.csv', 'inputs.csv', 'manifest.json'] as const;

/** The month's figures are due on the 15th of the following month; the next release is the next month's. */
export function nextReleaseDate(month: string): string {
  return `${shiftPeriod(month, 2)}-15`;
}

function ioError(what: string, error: unknown, renaming = false): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  if (renaming && (code === 'ENOTEMPTY' || code === 'EEXIST')) {
    return new CliError(ExitCode.ReleaseFailed, `release conflict: ${what} already exists (another run wrote it?); nothing was overwritten`);
  }
  return new CliError(ExitCode.ReleaseFailed, `cannot write ${what}: ${(error as Error).message}`);
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
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch (error) {
    throw new CliError(ExitCode.ReleaseFailed, `cannot read ${file}: ${(error as Error).message}`);
  }
}

function readCells(file: string): InputCell[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return parseCsv(text)
    .slice(1)
    .map(({ cells: [region = '', month = '', indicator = '', value = '', flag = ''] }) => ({ region, month, indicator, value: value === '' ? null : value, flag }));
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

function whatChanged(previous: Manifest, now: MonthComputation): string[] {
  const p = previous.provenance;
  const n = now.provenance;
  const out: string[] = [];
  if (p.dataHash !== n.dataHash) out.push('data');
  if (p.frameworkHash !== n.frameworkHash) out.push('framework');
  if (p.optionsHash !== n.optionsHash) out.push('options');
  if (p.library !== n.library || p.libraryVersion !== n.libraryVersion) out.push('library');
  if (out.length === 0 && previous.inputHash !== now.inputHash) out.push('regions');
  return out;
}

/** revisions.json: every revision of the month, rebuilt from the revisions' manifests. */
function revisionsJson(month: string, manifests: readonly Manifest[]): string {
  const revisions: RevisionEntry[] = manifests.map((m) => ({
    revision: m.revision,
    date: m.date,
    previousHash: m.previous?.inputHash ?? null,
    hash: m.inputHash,
    changes: m.changes,
  }));
  return stableJson({ month, revisions });
}

function writeAtomically(dir: string, name: string, content: string): void {
  const tmp = join(dir, `.${name}.tmp-${process.pid}`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, join(dir, name));
  } catch (error) {
    rmSync(tmp, { force: true });
    throw ioError(join(dir, name), error);
  }
}

/** Brings revisions.json up to date with the revision directories (after a new revision, or to repair an interrupted run). */
function syncRevisions(monthDir: string, month: string): void {
  const manifests = revisionsIn(monthDir).map((r) => readManifest(monthDir, r));
  const content = revisionsJson(month, manifests);
  const file = join(monthDir, 'revisions.json');
  if (existsSync(file) && readFileSync(file, 'utf8') === content) return;
  writeAtomically(monthDir, 'revisions.json', content);
}

/**
 * Writes a month's release as `OUT/MONTH/rN/` (release.json, release.csv,
 * inputs.csv, manifest.json) and `OUT/MONTH/revisions.json`. Releases are
 * immutable: when the latest revision has the same input hash nothing is
 * written; otherwise a new revision is written beside the old ones, listing
 * the input cells that changed. The revision is built in a temporary
 * directory inside OUT and renamed into place, so an interrupted run leaves
 * no partial release.
 */
export function writeRelease(computation: MonthComputation, options: WriteReleaseOptions): ReleaseOutcome {
  const { month } = computation;
  const { outDir, today, hooks = {} } = options;
  const monthDir = join(outDir, month);
  const existing = revisionsIn(monthDir);
  const latest = existing.length ? existing[existing.length - 1] : 0;
  const previous = latest ? readManifest(monthDir, latest) : null;
  if (previous && previous.inputHash === computation.inputHash) {
    syncRevisions(monthDir, month);
    return { month, status: 'unchanged', revision: latest, path: join(monthDir, `r${latest}`), changes: [] };
  }
  const revision = latest + 1;
  const changes = previous ? diffCells(readCells(join(monthDir, `r${latest}`, 'inputs.csv')), computation.cells) : [];
  const content: Record<(typeof RELEASE_FILES)[number], string> = {
    'release.json': releaseJson(computation.published, revision, today),
    'release.csv': releaseCsv(computation.published),
    'inputs.csv': inputsCsv(computation.cells),
    'manifest.json': '',
  };
  const reference = computation.referenceFiles;
  const fw = computation.frameworkFile;
  const manifest: Manifest = {
    month,
    revision,
    date: today,
    nextRelease: nextReleaseDate(month),
    inputHash: computation.inputHash,
    previous: previous ? { revision: latest, inputHash: previous.inputHash } : null,
    changed: previous ? whatChanged(previous, computation) : [],
    changes,
    framework: { id: computation.framework.id, version: computation.framework.version, file: fw?.file ?? null, sha256: fw?.sha256 ?? null },
    provenance: { ...computation.provenance },
    months: { from: computation.periods[0], to: month },
    inputs: computation.inputFiles.map((f) => ({ file: f.file, sha256: f.sha256 })),
    reference: reference.map((f) => ({ file: f.file, sha256: f.sha256 })),
    files: (['release.json', 'release.csv', 'inputs.csv'] as const).map((file) => ({ file, sha256: sha256Hex(content[file]) })),
    software: { cli: { name: CLI_NAME, version: CLI_VERSION }, library: { name: computation.provenance.library, version: computation.provenance.libraryVersion } },
  };
  content['manifest.json'] = stableJson(manifest);

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
      writeFileSync(join(revisionDir, file), content[file]);
      hooks.afterWrite?.(file);
    }
    if (latest === 0) {
      writeFileSync(join(tmp, 'revisions.json'), revisionsJson(month, [manifest]));
      hooks.afterWrite?.('revisions.json');
    }
    hooks.beforeCommit?.();
    renaming = true;
    renameSync(tmp, target);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    if (error instanceof CliError) throw error;
    if ((error as NodeJS.ErrnoException).code) throw ioError(target, error, renaming);
    throw error;
  }
  if (latest > 0) syncRevisions(monthDir, month);
  return { month, status: latest === 0 ? 'released' : 'revised', revision, path: join(monthDir, `r${revision}`), changes };
}
