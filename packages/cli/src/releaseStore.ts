import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Bytes } from '@pingan/core';
import { appendToChain, CHAIN_FILE, chainText, ChainSchema, ManifestSchema, revisionsJsonText, verifyReleases, type Chain, type ReleaseProblem, type ReleaseStore, type ReleasesVerification } from '@pingan/core/release';
import { replaceFileDurably } from './durableFs.ts';
import { CliError, ExitCode } from './issues.ts';
import { because } from './i18n/reason.ts';

/** A `ReleaseStore` over a releases folder on disk. */
export function releaseStore(outDir: string): ReleaseStore {
  return {
    list: (path) => {
      try {
        return readdirSync(join(outDir, path), { withFileTypes: true }).map((e) => ({ name: e.name, directory: e.isDirectory() }));
      } catch {
        return undefined;
      }
    },
    read: (path) => {
      try {
        return new Uint8Array(readFileSync(join(outDir, path)));
      } catch {
        return undefined;
      }
    },
    sha256: (bytes) => createHash('sha256').update(bytes).digest('hex'),
  };
}

/** `path: message` for a release problem. */
export function formatReleaseProblem(problem: ReleaseProblem): string {
  return `${problem.path}: ${problem.message}`;
}

/** Thrown when a releases folder differs from its chain and manifests (exit code 4). */
export class ReleasesTamperedError extends CliError {
  readonly problems: readonly ReleaseProblem[];
  constructor(outDir: string, problems: readonly ReleaseProblem[]) {
    super(
      ExitCode.ReleasesTampered,
      `${because`the published releases in ${outDir} fail verification (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was written:`}\n${problems.map((p) => `  ${formatReleaseProblem(p)}`).join('\n')}`,
    );
    this.name = 'ReleasesTamperedError';
    this.problems = problems;
  }
}

/** The chain of a releases folder (empty when there is none yet). */
export function readChain(outDir: string): Chain {
  const file = join(outDir, CHAIN_FILE);
  if (!existsSync(file)) return { format: 1, entries: [] };
  return ChainSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Writes chain.json durably. */
export function writeChain(outDir: string, chain: Chain): void {
  replaceFileDurably(join(outDir, CHAIN_FILE), chainText(chain));
}

/**
 * Removes the temporary folders and files an interrupted run left in a
 * releases folder (they are never read: a release is only ever renamed
 * into place whole) and returns what was removed, for the report.
 */
export function removeTemporary(outDir: string): string[] {
  if (!existsSync(outDir)) return [];
  if (!statSync(outDir).isDirectory()) throw new CliError(ExitCode.ReleaseFailed, because`cannot write ${outDir}: it is not a folder`);
  const removed: string[] = [];
  const sweep = (dir: string, prefix: string) => {
    for (const entry of readdirSync(join(outDir, dir), { withFileTypes: true })) {
      if (entry.name.includes('.tmp-')) {
        rmSync(join(outDir, dir, entry.name), { recursive: true, force: true });
        removed.push(`${prefix}${entry.name}`);
      } else if (dir === '' && entry.isDirectory() && /^\d{4}-(\d{2}|Q[1-4])$/.test(entry.name)) sweep(entry.name, `${entry.name}/`);
    }
  };
  sweep('', '');
  return removed.sort();
}

/**
 * Verifies a releases folder (or one month of it) and repairs what an
 * interrupted run leaves behind: a stale revisions.json is rebuilt from the
 * manifests, and a month's newest revision that is sound but not chained
 * is added to the chain. Any other problem stops the run with
 * `ReleasesTamperedError`. Returns a line for each repair.
 */
export function verifyAndRepair(outDir: string, options: { month?: string } = {}): { verification: ReleasesVerification; repaired: string[] } {
  const store = releaseStore(outDir);
  let verification = verifyReleases(store, options);
  const fatal = verification.problems.filter((p) => !p.repair);
  if (fatal.length > 0) throw new ReleasesTamperedError(outDir, fatal);
  const repaired: string[] = [];
  const chainRepairs = verification.problems.filter((p) => p.repair?.kind === 'chain');
  if (chainRepairs.length > 0) {
    let chain = readChain(outDir);
    for (const problem of chainRepairs) {
      const { month, revision } = problem.repair as { month: string; revision: number };
      const bytes = store.read(`${month}/r${revision}/manifest.json`)!;
      const manifest = ManifestSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
      chain = appendToChain(chain, { kind: 'revision', month, revision, date: manifest.date, inputHash: manifest.inputHash, sha256: sha256Bytes(bytes) });
      repaired.push(because`${month}/r${revision}: added to ${CHAIN_FILE} (written by a run interrupted before it chained it)`);
    }
    writeChain(outDir, chain);
    verification = verifyReleases(store, options);
  }
  for (const problem of verification.problems) {
    if (problem.repair?.kind !== 'revisions') continue;
    const { month } = problem.repair;
    const revisions = verification.months.find((m) => m.month === month)?.revisions ?? [];
    replaceFileDurably(join(outDir, month, 'revisions.json'), revisionsJsonText(month, revisions.map((r) => r.manifest)));
    repaired.push(because`${month}/revisions.json: rebuilt from the revisions' manifests (${problem.message})`);
  }
  if (repaired.length > 0) verification = verifyReleases(store, options);
  const left = verification.problems;
  if (left.length > 0) throw new ReleasesTamperedError(outDir, left);
  return { verification, repaired };
}
