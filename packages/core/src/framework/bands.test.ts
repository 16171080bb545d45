import { describe, expect, it } from 'vitest';
import { bandOf } from './bands.ts';
import { defineFramework } from './defineFramework.ts';

const name = (en: string) => ({ zh: en, en });
const fw = defineFramework({
  id: 'b',
  version: '1',
  name: name('B'),
  publication: {
    bands: [
      { code: 'good', min: 80, name: { zh: '良', en: 'Good' }, colour: '#2b8a3e' },
      { code: 'excellent', min: 90, name: { zh: '优', en: 'Excellent' }, colour: '#1b5e20' },
      { code: 'poor', min: -1e9, name: { zh: '较差', en: 'Poor' }, colour: '#c62828' },
    ],
  },
  nodes: [
    { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
    { code: 'a', type: 'indicator', parent: 'index', direction: 1, name: name('A') },
  ],
});

describe('bandOf', () => {
  it('puts a value in the highest band whose lower bound it reaches, bounds included', () => {
    expect(bandOf(fw, 90)?.code).toBe('excellent');
    expect(bandOf(fw, '89.99')?.code).toBe('good');
    expect(bandOf(fw, 80)?.code).toBe('good');
    expect(bandOf(fw, 12)?.code).toBe('poor');
    expect(bandOf(fw, null)).toBeUndefined();
    expect(bandOf(fw, Number.NaN)).toBeUndefined();
  });
  it('refuses two bands with the same code or the same bound', () => {
    expect(() =>
      defineFramework({
        ...fw.document,
        publication: { decimals: 2, bands: [fw.bands[0], { ...fw.bands[0], name: name('again') }] },
      }),
    ).toThrow(/publication\.bands\[1\]: duplicate band code "excellent"[\s\S]*two bands start at 90/);
  });
});
