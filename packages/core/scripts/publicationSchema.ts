/**
 * Writes publication.schema.json, the JSON Schema of publication
 * configuration files, generated from the zod schema that validates them
 * (`PublicationSchema`), so editors can complete and check them. Run by the
 * package's build; a test checks the committed file is what this writes.
 *
 * Usage: node --conditions=pingan-source scripts/publicationSchema.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publicationJsonSchema } from './publicationJsonSchema.ts';

const file = join(dirname(fileURLToPath(import.meta.url)), '../publication.schema.json');
const text = publicationJsonSchema();
if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') !== text) {
    console.error(`${file} is out of date: run node --conditions=pingan-source packages/core/scripts/publicationSchema.ts`);
    process.exit(1);
  }
} else {
  writeFileSync(file, text);
}
