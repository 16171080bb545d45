import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

/**
 * The third-party reference data sets live in ../shared/reference beside the
 * repository and are never copied into it. Tests that need them skip, with a
 * visible notice, where that folder is absent.
 */
export const REFERENCE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/reference');

export function referenceAvailable(name: string): boolean {
  const ok = existsSync(join(REFERENCE_DIR, name));
  if (!ok) {
    console.warn(`NOTICE: ${join(REFERENCE_DIR, name)} is absent; the tests that check against this reference data set are skipped.`);
  }
  return ok;
}

/** Reads a reference CSV (lines starting with "# " are comments) into records of strings. */
export function readReferenceCsv(name: string, file: string): Record<string, string>[] {
  const text = readFileSync(join(REFERENCE_DIR, name, file), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('# '))
    .join('\n');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join('; ')}`);
  return parsed.data;
}
