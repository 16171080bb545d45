import { canonicalJson } from '../provenance/canonicalJson.ts';
import { sha256 } from '../provenance/sha256.ts';
import { writeThrough } from './releaseJson.ts';
import { ChainSchema, type Chain, type ChainEntry } from './schema.ts';

/** The file beside the months of a releases folder that chains their manifests. */
export const CHAIN_FILE = 'chain.json';

/**
 * The hash of a chain entry: SHA-256 of the canonical JSON of every field
 * but `hash` (which includes `previous`, so each entry seals all before it).
 *
 * @example
 * chainEntryHash({ kind: 'revision', month: '2025-10', revision: 1, date: '2025-11-15', inputHash: 'a'.repeat(64), sha256: 'b'.repeat(64), previous: null });
 */
export function chainEntryHash(entry: Omit<ChainEntry, 'hash'>): string {
  const { kind, month, revision, date, inputHash, sha256: fileHash, previous } = entry;
  return sha256(canonicalJson({ kind, month, revision, date, inputHash, sha256: fileHash, previous }));
}

/**
 * A new chain with one more entry, linked to the last one. Chains only
 * grow: this is the one way an entry is made.
 *
 * @example
 * const chain = appendToChain({ format: 1, entries: [] }, { kind: 'revision', month: '2025-10', revision: 1, date: '2025-11-15', inputHash: 'a'.repeat(64), sha256: 'b'.repeat(64) });
 * chain.entries[0].previous; // null
 */
export function appendToChain(chain: Chain, entry: Omit<ChainEntry, 'hash' | 'previous'>): Chain {
  const last = chain.entries[chain.entries.length - 1];
  const linked = { ...entry, previous: last ? last.hash : null };
  const full: ChainEntry = {
    kind: linked.kind,
    month: linked.month,
    revision: linked.revision,
    date: linked.date,
    inputHash: linked.inputHash,
    sha256: linked.sha256,
    previous: linked.previous,
    hash: chainEntryHash(linked),
  };
  return { format: 1, entries: [...chain.entries, full] };
}

/**
 * chain.json's text, checked against its schema.
 *
 * @example
 * chainText({ format: 1, entries: [] }); // '{\n  "format": 1,\n  "entries": []\n}\n'
 */
export function chainText(chain: Chain): string {
  return writeThrough(ChainSchema, CHAIN_FILE, chain);
}
