/**
 * Writes framework.schema.json, the JSON Schema of framework files,
 * generated from the zod schema that validates them (`FrameworkSchema`), so
 * editors can complete and check framework files. Run by the package's build;
 * a test checks the committed file is what this writes.
 *
 * Usage: node --conditions=pingan-source scripts/frameworkSchema.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { frameworkJsonSchema } from './frameworkJsonSchema.ts';

const file = join(dirname(fileURLToPath(import.meta.url)), '../framework.schema.json');
const text = frameworkJsonSchema();
if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') !== text) {
    console.error(`${file} is out of date: run node --conditions=pingan-source packages/core/scripts/frameworkSchema.ts`);
    process.exit(1);
  }
} else {
  writeFileSync(file, text);
}
