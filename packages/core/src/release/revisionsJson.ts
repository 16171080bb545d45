import { writeThrough } from './releaseJson.ts';
import { RevisionsJsonSchema, type Manifest, type RevisionEntry } from './schema.ts';

/**
 * revisions.json: every revision of a month, rebuilt from its revisions'
 * manifests (oldest first), so it can always be checked and repaired.
 *
 * @example
 * revisionsJsonText('2025-10', [manifest]); // '{\n  "month": "2025-10",\n  "revisions": [ … ] }\n'
 */
export function revisionsJsonText(month: string, manifests: readonly Manifest[]): string {
  const revisions: RevisionEntry[] = manifests.map((m) => ({
    revision: m.revision,
    date: m.date,
    previousHash: m.previous?.inputHash ?? null,
    hash: m.inputHash,
    ...(m.reason !== undefined ? { reason: m.reason } : {}),
    changes: m.changes,
  }));
  return writeThrough(RevisionsJsonSchema, 'revisions.json', { month, revisions });
}
