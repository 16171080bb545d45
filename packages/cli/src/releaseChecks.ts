import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { periodDistance } from '@pingan/core';
import { verifyReleases, type ReleasesVerification } from '@pingan/core/release';
import { currentInputHash } from './computeIndex.ts';
import { because } from './i18n/reason.ts';
import type { Issue } from './issues.ts';
import { releaseStore } from './releaseStore.ts';
import type { ValidatedData } from './validateData.ts';

/** The releases folder as a data folder's files name it. */
const RELEASES = 'releases';

/**
 * What `pingan release --all` would find in a data folder's published
 * releases, so that `validate` says it first (what validates must also
 * release): the releases that fail verification (release refuses them), the
 * published months the data no longer give an index to (release --all
 * withdraws them), and those whose inputs have changed since (release --all
 * revises them: `staleMonths`). Problems an interrupted run leaves, which
 * release repairs, are not problems here. Nothing when there is no releases
 * folder yet.
 *
 * @example
 * const { problems, warnings } = releaseChecks(valid, 'data');
 * // warnings: "releases/2025-10: published, but the data no longer give it an index …"
 */
export function releaseChecks(valid: ValidatedData, dataDir: string): { problems: Issue[]; warnings: Issue[] } {
  const outDir = join(dataDir, RELEASES);
  if (!existsSync(outDir)) return { problems: [], warnings: [] };
  const verification = verifyReleases(releaseStore(outDir));
  const problems = verification.problems
    .filter((p) => !p.repair)
    .map((p) => ({ file: `${RELEASES}/${p.path}`, reason: because`${p.message} (release refuses to write until this is mended)` }));
  const warnings: Issue[] = [];
  // Only judged where the data were computed (they validate, but for --strict's warnings): a month the data cannot compute
  // because of a problem in them is not one they no longer have.
  if (valid.publishable.length > 0 || valid.issues.length === 0) {
    const publishable = new Set(valid.publishable);
    const range = valid.publishable.length ? `${valid.publishable[0]} to ${valid.publishable[valid.publishable.length - 1]}` : null;
    for (const month of verification.months) {
      const latest = month.revisions[month.revisions.length - 1];
      if (!latest || publishable.has(month.month) || month.withdrawal?.revision === latest.revision) continue;
      warnings.push({
        file: `${RELEASES}/${month.month}`,
        reason: range
          ? because`published (r${latest.revision}), but the data no longer give it an index (they give one for ${range}): release --all withdraws it`
          : because`published (r${latest.revision}), but the data no longer give it an index: release --all withdraws it`,
      });
    }
    if (problems.length === 0) warnings.push(...staleWarnings(staleMonths(valid, verification)));
  }
  return { problems, warnings };
}

/**
 * The published months (latest revision, not withdrawn) whose inputs have
 * changed since: the input hash a release of the month would have now
 * differs from its latest revision's (`currentInputHash`). A release of one
 * month leaves them so; `pingan release --all` revises them. Months of
 * `except` are left out (those a run has just written).
 *
 * @example
 * staleMonths(valid, verifyReleases(releaseStore('data/releases'))); // ['2025-05', …] after an edit to 2025-05's file
 */
export function staleMonths(valid: ValidatedData, verification: ReleasesVerification, except: ReadonlySet<string> = new Set()): string[] {
  // Months were computed only where the data validate (but for --strict's warnings, which leave them computable).
  if (!valid.framework || valid.publishable.length === 0) return [];
  const publishable = new Set(valid.publishable);
  return verification.months
    .filter((month) => {
      const latest = month.revisions[month.revisions.length - 1];
      if (!latest || except.has(month.month) || !publishable.has(month.month) || month.withdrawal?.revision === latest.revision) return false;
      return currentInputHash(valid, month.month) !== latest.manifest.inputHash;
    })
    .map((month) => month.month);
}

/** A warning for each run of consecutive stale months (one edit usually reaches a window's length of them). */
export function staleWarnings(months: readonly string[]): Issue[] {
  const runs: string[][] = [];
  for (const month of months) {
    const run = runs[runs.length - 1];
    if (run && periodDistance(run[run.length - 1], month) === 1) run.push(month);
    else runs.push([month]);
  }
  return runs.map((run) => ({
    file: run.length === 1 ? `${RELEASES}/${run[0]}` : `${RELEASES}/${run[0]} … ${run[run.length - 1]}`,
    reason:
      run.length === 1
        ? because`published from inputs that have changed since (its input hash differs from its latest revision's): release --all revises it`
        : because`${run.length} months published from inputs that have changed since (their input hashes differ from their latest revisions'): release --all revises them`,
  }));
}
