import { buildExact, buildIndex, createPanel, defineFramework, periodRange, splitExact, unpackExact, type ExactPanel, type ExactPart } from '@pingan/core';
import { describe, expect, it } from 'vitest';
import { buildExactOnThreads, exactPartOnThread } from '../src/index.ts';

const name = (en: string) => ({ zh: en, en });

const framework = defineFramework({
  id: 'threads',
  version: '1',
  name: name('Threads'),
  denominators: [{ code: 'pop', name: name('Population') }],
  nodes: [
    { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
    { code: 'a', type: 'indicator', parent: 'index', direction: -1, name: name('A'), weight: 2, denominator: { code: 'pop', scale: 100000 }, window: { periods: 3, statistic: 'sum' } },
    { code: 'b', type: 'indicator', parent: 'index', direction: 1, name: name('B'), normalisation: { method: 'zScore', mean: 50, sd: 10 } },
  ],
});

function result() {
  const units = ['U1', 'U2', 'U3', 'U4', 'U5'];
  const periods = periodRange('2024-01', '2024-09');
  const values: number[] = [];
  periods.forEach((_, p) => units.forEach((_, u) => values.push((p * 7 + u * 3) % 11, 60 + ((p + 2 * u) % 5) * 1.1, 12345 + 1000 * u)));
  return buildIndex(framework, createPanel({ units, periods, codes: ['a', 'b', 'pop'], values }));
}

const text = (panel: ExactPanel) => unpackExact(panel.values).map((v) => (v === null ? null : v.toString()));

describe('buildExactOnThreads', () => {
  it('gives buildExact’s panel digit for digit, on one thread or on several worker threads', async () => {
    const r = result();
    const whole = buildExact(r);
    for (const threads of [1, 2, 3]) {
      const joined = await buildExactOnThreads(r, { threads });
      expect(text(joined), `${threads} threads`).toEqual(text(whole));
      expect(joined.periods).toEqual(whole.periods);
      expect(Array.from(joined.flags)).toEqual(Array.from(whole.flags));
    }
  });

  it('reports a part that fails in its worker, naming its periods, and refuses a thread count that is not a positive integer', async () => {
    const part = (splitExact(result(), 2) as ExactPart[])[1];
    const broken = { ...part, framework: { ...part.framework, nodes: [] } } as unknown as ExactPart;
    await expect(exactPartOnThread(broken)).rejects.toThrow(/exact build of 2024-0\d–2024-09: .*framework/);
    await expect(buildExactOnThreads(result(), { threads: 0 })).rejects.toThrow('threads must be a positive integer');
  });
});
