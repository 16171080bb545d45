import type { z } from 'zod';
import { sha256Bytes } from '../provenance/sha256.ts';
import { CHAIN_FILE, appendToChain, chainEntryHash } from './chain.ts';
import { parseInputsCsv } from './inputsCsv.ts';
import { revisionsJsonText } from './revisionsJson.ts';
import { ChainSchema, ManifestSchema, ReleaseJsonSchema, WithdrawalSchema, type Chain, type Manifest, type Withdrawal } from './schema.ts';

/**
 * Read access to a releases folder, so the checks run the same in the CLI
 * and the site build (core itself reads no files). Paths are relative to
 * the releases folder, with "/".
 */
export interface ReleaseStore {
  /** The entries of a folder ('' is the releases folder itself), or undefined when it is not a folder. */
  readonly list: (path: string) => readonly { readonly name: string; readonly directory: boolean }[] | undefined;
  /** A file's bytes, or undefined when there is no such file. */
  readonly read: (path: string) => Uint8Array | undefined;
  /** A faster SHA-256 (hex) than the core's own, when the platform has one (Node's crypto). */
  readonly sha256?: (bytes: Uint8Array) => string;
}

/** How thoroughly `verifyReleases` reads. */
export interface VerifyOptions {
  /** Check one month's files only (and the whole chain's links). */
  readonly month?: string;
  /**
   * Also read every release.json and inputs.csv through their schemas (the
   * SHA-256 checks already prove them unchanged since they were written
   * through the schema; `pingan verify` reads them anyway).
   */
  readonly deep?: boolean;
}

/** One way a releases folder differs from what its chain and manifests record. */
export interface ReleaseProblem {
  /** The file or folder, relative to the releases folder. */
  readonly path: string;
  readonly message: string;
  /**
   * What a release run may repair, with a message, because an interrupted
   * run leaves it: a stale revisions.json, or a month's newest revision
   * that is sound but was not yet added to the chain.
   */
  readonly repair?: { readonly kind: 'revisions'; readonly month: string } | { readonly kind: 'chain'; readonly month: string; readonly revision: number };
}

/** A revision whose every file matches its manifest, and its manifest the chain. */
export interface VerifiedRevision {
  readonly revision: number;
  /** `MONTH/rN`. */
  readonly dir: string;
  readonly manifest: Manifest;
}

export interface VerifiedMonth {
  readonly month: string;
  /** Oldest first. */
  readonly revisions: readonly VerifiedRevision[];
  /** Set when the month's latest revision was withdrawn. */
  readonly withdrawal: Withdrawal | null;
}

export interface ReleasesVerification {
  /** Every problem found; empty when the folder is exactly what its chain records. */
  readonly problems: readonly ReleaseProblem[];
  readonly chain: Chain;
  readonly months: readonly VerifiedMonth[];
  /** Temporary folders (`.tmp-*`) left by interrupted runs. */
  readonly temporary: readonly string[];
}

/**
 * The platform's strict UTF-8 decoder (Node and browsers both have one; the
 * core's compile target declares no platform, so it is reached through
 * globalThis). Throws on bytes that are not UTF-8.
 */
const utf8Decoder = new (globalThis as unknown as { TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string } }).TextDecoder('utf-8', { fatal: true });
const decodeUtf8 = (bytes: Uint8Array): string => utf8Decoder.decode(bytes);
/** The text of bytes, or undefined when they are not UTF-8 (for comparisons). */
const textOf = (bytes: Uint8Array): string | undefined => {
  try {
    return decodeUtf8(bytes);
  } catch {
    return undefined;
  }
};

// A month's folder, or a quarter's for a quarterly index.
const MONTH_DIR = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;
const REVISION_DIR = /^r([1-9]\d*)$/;
const short = (hash: string) => `${hash.slice(0, 12)}…`;

function parseJson<T>(bytes: Uint8Array, schema: z.ZodType<T>, path: string, problems: ReleaseProblem[]): T | undefined {
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8(bytes));
  } catch (error) {
    problems.push({ path, message: `not valid UTF-8 JSON (${(error as Error).message})` });
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 8)) problems.push({ path, message: `does not match the release format: ${issue.path.join('.') || '(root)'}: ${issue.message}` });
    return undefined;
  }
  return parsed.data;
}

/** Checks one revision's files against its manifest; returns the manifest when it parses. */
function checkRevision(store: ReleaseStore, month: string, revision: number, problems: ReleaseProblem[], manifestHash?: string, deep = false): Manifest | undefined {
  const hex = store.sha256 ?? sha256Bytes;
  const dir = `${month}/r${revision}`;
  const manifestBytes = store.read(`${dir}/manifest.json`);
  if (!manifestBytes) {
    problems.push({ path: dir, message: store.list(dir) ? 'manifest.json is missing' : `r${revision} is in the chain but missing (deleted?)` });
    return undefined;
  }
  if (manifestHash !== undefined && hex(manifestBytes) !== manifestHash) {
    problems.push({ path: `${dir}/manifest.json`, message: `SHA-256 ${short(hex(manifestBytes))} differs from the chain's ${short(manifestHash)} (edited?)` });
    return undefined;
  }
  const manifest = parseJson(manifestBytes, ManifestSchema, `${dir}/manifest.json`, problems);
  if (!manifest) return undefined;
  if (manifest.month !== month || manifest.revision !== revision) {
    problems.push({ path: `${dir}/manifest.json`, message: `says ${manifest.month} r${manifest.revision}` });
    return undefined;
  }
  const listed = new Set(['manifest.json', ...manifest.files.map((f) => f.file)]);
  for (const entry of store.list(dir) ?? []) {
    if (!listed.has(entry.name)) problems.push({ path: `${dir}/${entry.name}`, message: 'is not listed in manifest.json' });
  }
  for (const { file, sha256: expected } of manifest.files) {
    const bytes = store.read(`${dir}/${file}`);
    if (!bytes) {
      problems.push({ path: `${dir}/${file}`, message: 'is listed in manifest.json but missing' });
      continue;
    }
    const actual = hex(bytes);
    if (actual !== expected) {
      problems.push({ path: `${dir}/${file}`, message: `SHA-256 ${short(actual)} differs from manifest.json's ${short(expected)} (edited?)` });
      continue;
    }
    if (deep && file === 'release.json') {
      const release = parseJson(bytes, ReleaseJsonSchema, `${dir}/release.json`, problems);
      if (release && (release.month !== month || release.revision !== revision)) {
        problems.push({ path: `${dir}/release.json`, message: `says ${release.month} r${release.revision}` });
      }
    }
    if (deep && file === 'inputs.csv') {
      try {
        parseInputsCsv(decodeUtf8(bytes));
      } catch (error) {
        problems.push({ path: `${dir}/inputs.csv`, message: (error as Error).message.replace(/^inputs\.csv: /, '') });
      }
    }
  }
  return manifest;
}

function checkPrevious(dir: string, manifest: Manifest, before: Manifest | undefined, problems: ReleaseProblem[]): void {
  const expected = before ? { revision: before.revision, inputHash: before.inputHash } : null;
  const actual = manifest.previous;
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    problems.push({ path: `${dir}/manifest.json`, message: `previous is ${actual ? `r${actual.revision} ${short(actual.inputHash)}` : 'null'}, but the revision before it is ${expected ? `r${expected.revision} ${short(expected.inputHash)}` : 'none'}` });
  }
}

/**
 * Verifies a releases folder before anything reads it: `chain.json` links
 * every revision and withdrawal in the order they were published, each
 * entry holding the SHA-256 of its manifest (which holds those of the
 * revision's other files) and the hash of the entry before it. Reported:
 * an entry whose hash or link is wrong or whose date is before the one
 * before it, a revision in the chain that is
 * missing, a file whose SHA-256 differs from its manifest or a manifest
 * from the chain, a file not in its manifest, a revision or withdrawal not
 * in the chain, a revisions.json that differs from the manifests, and any
 * file that does not match the release format. Never throws for a problem
 * in the folder.
 *
 * A folder that is missing or empty, or a `month` it holds nothing of, is not
 * a problem: that is the state before a first release (the CLI verifies before
 * it writes). So `months` says what was verified; a caller that expects
 * releases there checks it is not empty (`pingan verify` refuses a missing
 * folder).
 *
 * @example
 * const { problems } = verifyReleases(store); // store: ReleaseStore over data/releases
 * problems.length === 0; // true when nothing was edited or deleted
 * verifyReleases(store, { month: '2025-10' }); // the chain's links, and that month's files only
 * verifyReleases(store, { month: '2031-01' }).months; // [] (nothing released for that month: nothing to verify)
 */
export function verifyReleases(store: ReleaseStore, options: VerifyOptions = {}): ReleasesVerification {
  const hex = store.sha256 ?? sha256Bytes;
  const problems: ReleaseProblem[] = [];
  const root = store.list('') ?? [];
  const temporary = root.filter((e) => e.name.includes('.tmp-')).map((e) => e.name);
  const monthDirs = root.filter((e) => e.directory && MONTH_DIR.test(e.name)).map((e) => e.name).sort();
  const chainBytes = store.read(CHAIN_FILE);
  let chain: Chain = { format: 1, entries: [] };
  if (!chainBytes) {
    // One month and no chain is what a first run interrupted before it wrote the chain leaves (its r1 is then offered for repair below).
    const firstRunInterrupted = monthDirs.length === 1 && (store.list(monthDirs[0]) ?? []).filter((e) => e.directory && REVISION_DIR.test(e.name)).length === 1;
    if (monthDirs.length > 0 && !firstRunInterrupted) problems.push({ path: CHAIN_FILE, message: 'is missing, so the releases cannot be verified (start one with `pingan verify --start-chain` once they are checked)' });
  } else {
    const parsed = parseJson(chainBytes, ChainSchema, CHAIN_FILE, problems);
    if (!parsed) return { problems, chain, months: [], temporary };
    chain = parsed;
  }
  // The links.
  chain.entries.forEach((entry, i) => {
    const what = `${CHAIN_FILE}: entries[${i}] (${entry.month} ${entry.kind === 'revision' ? `r${entry.revision}` : `withdrawal of r${entry.revision}`})`;
    if (chainEntryHash(entry) !== entry.hash) problems.push({ path: CHAIN_FILE, message: `${what.slice(CHAIN_FILE.length + 2)}: its hash differs from its content (edited?)` });
    const previous = i === 0 ? null : chain.entries[i - 1].hash;
    if (entry.previous !== previous) problems.push({ path: CHAIN_FILE, message: `${what.slice(CHAIN_FILE.length + 2)}: its previous hash differs from the entry before it (an entry removed or reordered?)` });
    // Entries are appended as releases are published, so their dates never go back.
    if (i > 0 && entry.date < chain.entries[i - 1].date) problems.push({ path: CHAIN_FILE, message: `${what.slice(CHAIN_FILE.length + 2)}: dated ${entry.date}, before the entry before it (${chain.entries[i - 1].date}): backdated?` });
  });
  // Each month's entries, in chain order.
  const byMonth = new Map<string, typeof chain.entries>();
  for (const entry of chain.entries) byMonth.set(entry.month, [...(byMonth.get(entry.month) ?? []), entry]);
  const months: VerifiedMonth[] = [];
  const allMonths = [...new Set([...byMonth.keys(), ...monthDirs])].filter((m) => options.month === undefined || m === options.month).sort();
  for (const month of allMonths) {
    const entries = byMonth.get(month) ?? [];
    const revisions: VerifiedRevision[] = [];
    const manifests: Manifest[] = [];
    let withdrawal: Withdrawal | null = null;
    let latest = 0;
    for (const entry of entries) {
      if (entry.kind === 'revision') {
        if (entry.revision !== latest + 1) {
          problems.push({ path: `${month}/r${entry.revision}`, message: `the chain adds r${entry.revision} after r${latest}: revisions are only ever added, one after another` });
        }
        latest = entry.revision;
        withdrawal = null;
        const manifest = checkRevision(store, month, entry.revision, problems, entry.sha256, options.deep);
        if (!manifest) continue;
        if (manifest.inputHash !== entry.inputHash) problems.push({ path: `${month}/r${entry.revision}/manifest.json`, message: `inputHash differs from the chain's` });
        checkPrevious(`${month}/r${entry.revision}`, manifest, manifests[manifests.length - 1], problems);
        manifests.push(manifest);
        revisions.push({ revision: entry.revision, dir: `${month}/r${entry.revision}`, manifest });
      } else {
        if (entry.revision !== latest) {
          problems.push({ path: `${month}/withdrawn.json`, message: `the chain withdraws r${entry.revision}, but the latest revision of ${month} then was r${latest}` });
          continue;
        }
        // withdrawn.json holds the month's last withdrawal (a month withdrawn, revised, then withdrawn again).
        if (entry !== entries.filter((e) => e.kind === 'withdrawal').at(-1)) continue;
        const bytes = store.read(`${month}/withdrawn.json`);
        if (!bytes) {
          problems.push({ path: `${month}/withdrawn.json`, message: 'is in the chain but missing (deleted?)' });
          continue;
        }
        if (hex(bytes) !== entry.sha256) {
          problems.push({ path: `${month}/withdrawn.json`, message: `SHA-256 ${short(hex(bytes))} differs from the chain's ${short(entry.sha256)} (edited?)` });
          continue;
        }
        const parsed = parseJson(bytes, WithdrawalSchema, `${month}/withdrawn.json`, problems);
        if (parsed && (parsed.month !== month || parsed.revision !== entry.revision)) {
          problems.push({ path: `${month}/withdrawn.json`, message: `withdraws ${parsed.month} r${parsed.revision}, but the chain's latest revision of ${month} is r${latest}` });
        }
        withdrawal = parsed ?? null;
      }
    }
    // What is on disk but not in the chain.
    const onDisk = (store.list(month) ?? []).filter((e) => e.directory && REVISION_DIR.test(e.name)).map((e) => Number(REVISION_DIR.exec(e.name)![1])).sort((a, b) => a - b);
    for (const revision of onDisk.filter((r) => r > latest)) {
      const loose: ReleaseProblem[] = [];
      const manifest = revision === latest + 1 && revision === onDisk[onDisk.length - 1] ? checkRevision(store, month, revision, loose, undefined, true) : undefined;
      if (manifest) checkPrevious(`${month}/r${revision}`, manifest, manifests[manifests.length - 1], loose);
      const sound = manifest !== undefined && loose.length === 0;
      problems.push({
        path: `${month}/r${revision}`,
        message: sound
          ? 'is not in the chain: a run was interrupted before adding it (the next `pingan release` adds it), or it was copied in by hand'
          : 'is not in the chain (written by hand?)',
        ...(sound ? { repair: { kind: 'chain' as const, month, revision } } : {}),
      });
    }
    const chained = new Set(entries.filter((e) => e.kind === 'revision').map((e) => e.revision));
    for (const revision of onDisk.filter((r) => r < latest && !chained.has(r))) problems.push({ path: `${month}/r${revision}`, message: 'is not in the chain' });
    if (store.read(`${month}/withdrawn.json`) && !entries.some((e) => e.kind === 'withdrawal')) {
      problems.push({ path: `${month}/withdrawn.json`, message: 'is not in the chain (written by hand?)' });
    }
    if (manifests.length > 0 && manifests.length === entries.filter((e) => e.kind === 'revision').length) {
      const expected = revisionsJsonText(month, manifests);
      const actual = store.read(`${month}/revisions.json`);
      const actualText = actual ? textOf(actual) : undefined;
      if (actualText !== expected) {
        problems.push({
          path: `${month}/revisions.json`,
          message: actual ? 'differs from the revisions\' manifests' : 'is missing',
          repair: { kind: 'revisions', month },
        });
      }
    }
    if (revisions.length > 0) months.push({ month, revisions, withdrawal });
  }
  return { problems, chain, months, temporary };
}

/**
 * A chain for a releases folder written before chains existed: each month's
 * revisions in month and revision order, after checking every file against
 * its manifest and each manifest's link to the revision before it. Returns
 * the problems instead when there are any (then no chain should be written).
 *
 * @example
 * const { chain, problems } = chainFromReleases(store);
 */
export function chainFromReleases(store: ReleaseStore): { readonly chain: Chain; readonly problems: readonly ReleaseProblem[] } {
  const hex = store.sha256 ?? sha256Bytes;
  const problems: ReleaseProblem[] = [];
  let chain: Chain = { format: 1, entries: [] };
  const months = (store.list('') ?? []).filter((e) => e.directory && MONTH_DIR.test(e.name)).map((e) => e.name).sort();
  for (const month of months) {
    const revisions = (store.list(month) ?? []).filter((e) => e.directory && REVISION_DIR.test(e.name)).map((e) => Number(REVISION_DIR.exec(e.name)![1])).sort((a, b) => a - b);
    const manifests: Manifest[] = [];
    revisions.forEach((revision, i) => {
      if (revision !== i + 1) problems.push({ path: `${month}/r${revision}`, message: `follows r${i === 0 ? 0 : revisions[i - 1]}: a revision is missing` });
      const manifest = checkRevision(store, month, revision, problems, undefined, true);
      if (!manifest) return;
      checkPrevious(`${month}/r${revision}`, manifest, manifests[manifests.length - 1], problems);
      manifests.push(manifest);
      chain = appendToChain(chain, { kind: 'revision', month, revision, date: manifest.date, inputHash: manifest.inputHash, sha256: hex(store.read(`${month}/r${revision}/manifest.json`)!) });
    });
    if (manifests.length > 0) {
      const actual = store.read(`${month}/revisions.json`);
      if (!actual || textOf(actual) !== revisionsJsonText(month, manifests)) problems.push({ path: `${month}/revisions.json`, message: 'differs from the revisions\' manifests' });
    }
  }
  return { chain, problems };
}
