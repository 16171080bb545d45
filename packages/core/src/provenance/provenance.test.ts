import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameworkFromJson } from '../framework/defineFramework.ts';
import { createPanel } from '../panel/panel.ts';
import { canonicalJson } from './canonicalJson.ts';
import { dataHash, frameworkHash, provenance } from './provenance.ts';
import { LIBRARY_NAME, LIBRARY_VERSION } from './version.ts';

const name = (en: string) => ({ zh: en, en });
const doc = {
  id: 'p',
  version: '1',
  name: name('P'),
  nodes: [
    { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
    { code: 'a', type: 'indicator', parent: 'index', direction: 1, name: name('A') },
  ],
};
const panel = (values: number[]) => createPanel({ units: ['X', 'Y'], periods: ['2025'], codes: ['a'], values });

describe('provenance', () => {
  it('writes canonical JSON: sorted keys, no white space', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }], u: undefined })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });

  it('is stable: the same framework (in any key order) and data give the same hash', () => {
    const reordered = JSON.parse(JSON.stringify({ nodes: doc.nodes, name: doc.name, version: '1', id: 'p' }));
    expect(frameworkHash(frameworkFromJson(reordered))).toBe(frameworkHash(frameworkFromJson(doc)));
    expect(provenance(frameworkFromJson(doc), panel([1, 2])).hash).toBe(provenance(frameworkFromJson(doc), panel([1, 2])).hash);
    // Every missing value hashes alike, however the NaN was made.
    expect(dataHash(panel([0 / 0, 2]))).toBe(dataHash(panel([Number.NaN, 2])));
    expect(dataHash(panel([-0, 2]))).toBe(dataHash(panel([0, 2])));
  });

  it('changes with the data, the framework, the options and the units’ labels', () => {
    const fw = frameworkFromJson(doc);
    const base = provenance(fw, panel([1, 2]));
    expect(provenance(fw, panel([1, 2.0000001])).hash).not.toBe(base.hash);
    expect(provenance(frameworkFromJson({ ...doc, version: '2' }), panel([1, 2])).hash).not.toBe(base.hash);
    expect(provenance(fw, panel([1, 2]), { unitGroups: { g: { X: 'a' } } }).hash).not.toBe(base.hash);
    expect(dataHash(createPanel({ units: ['X', 'Z'], periods: ['2025'], codes: ['a'], values: [1, 2] }))).not.toBe(dataHash(panel([1, 2])));
    expect(base).toMatchObject({ library: LIBRARY_NAME, libraryVersion: LIBRARY_VERSION });
    expect(base.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the version that package.json publishes', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    expect(LIBRARY_VERSION).toBe(manifest.version);
    expect(LIBRARY_NAME).toBe(manifest.name);
  });
});
