/**
 * The workbench’s browser tests on the fictional quarterly example (examples/jibao-county):
 * workbench.browser.test.ts pointed at the example's data folder and releases
 * (the main job's, or made here by the CLI as in example.browser.test.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { exampleReleases } from './exampleReleases.ts';

const root = join(import.meta.dirname, '..', '..');
const example = join(root, 'examples', 'jibao-county');
if (!existsSync(example)) throw new Error(`the fictional example is missing: ${example}`);
(globalThis as { pinganWorkbenchUnderTest?: unknown }).pinganWorkbenchUnderTest = {
  name: 'the fictional quarterly example (季报县)',
  dataDir: example,
  releasesDir: await exampleReleases(example),
  screenshots: join(root, 'artifacts', 'screenshots', 'jibao-county'),
};
await import('./workbench.browser.test.ts');
