import { describe, expect, it } from 'vitest';
import { defineFramework } from '../framework/defineFramework.ts';
import { ValidationError } from '../framework/frameworkError.ts';
import { checkPublication, dueDay, nextAnnouncedRelease, nextPeriod, publicationFromJson, publicationProblems } from './publication.ts';
import type { PublicationInput } from './schema.ts';

const name = (zh: string, en: string) => ({ zh, en });
const framework = defineFramework({
  id: 'toy',
  version: '1',
  name: name('玩具指数', 'Toy index'),
  denominators: [{ code: 'vehicles', name: name('机动车保有量', 'Registered vehicles') }],
  nodes: [
    { code: 'index', type: 'aggregate', parent: null, name: name('指数', 'Index') },
    { code: 'crashes', type: 'indicator', parent: 'index', direction: -1, name: name('事故', 'Crashes'), denominator: { code: 'vehicles', scale: 10000 } },
    { code: 'trust', type: 'indicator', parent: 'index', direction: 1, name: name('信任', 'Trust') },
  ],
});

const base: PublicationInput = {
  name: name('玩具指数', 'Toy index'),
  place: { name: name('玩具县', 'Toy County'), region: '990100' },
  synthetic: true,
  site: { url: 'https://toy.example.org' },
  timeZone: 'Asia/Shanghai',
  regions: {},
  denominators: { vehicles: { file: 'vehicles.csv', frequency: 'annual' } },
  indicators: { crashes: { kind: 'count' }, trust: { kind: 'share-0-1', survey: { months: [3, 6, 9, 12] } } },
  flags: [],
  releaseCalendar: { publisher: { name: name('甲', 'A'), contact: name('乙', 'B') }, releases: [{ period: '2025-11', at: '2026-12-15T09:30:00+08:00' }] },
  map: null,
};

describe('publication configuration', () => {
  it('fills the defaults: monthly periods, regions.csv with six-digit codes, the checks', () => {
    const p = publicationFromJson(base);
    expect(p.periods).toBe('monthly');
    expect(p.regions).toEqual({ file: 'regions.csv', codePattern: '^\\d{6}$', totals: [] });
    expect(p.checks).toEqual({ outlierScore: 8, denominatorChange: 0.2 });
    expect(publicationProblems(p, framework)).toEqual([]);
  });

  it('reports every schema problem at once with its path', () => {
    let error: unknown;
    try {
      publicationFromJson({ ...base, timeZone: 'Mars/Olympus', site: { url: 'toy.example.org' }, indicators: { crashes: { kind: 'percent' } } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path).sort()).toEqual(['indicators.crashes.kind', 'site.url', 'timeZone']);
  });

  it('finds what the configuration and the framework say differently', () => {
    const p = publicationFromJson({
      ...base,
      denominators: { population: { file: 'population.csv', frequency: 'annual' } },
      indicators: { crashes: { kind: 'share-0-100' }, arson: { kind: 'count' } },
      flags: [
        { flag: 'estimated', words: ['估计'], label: name('估计', 'estimated') },
        { flag: 'provisional', words: ['估计'], label: name('初步', 'provisional') },
      ],
    });
    expect(publicationProblems(p, framework)).toEqual([
      { path: 'indicators', message: 'the framework\'s indicator "trust" has no declared value kind (add "trust": {"kind": …})' },
      { path: 'indicators.crashes.kind', message: 'a share (share-0-100) is not divided by a denominator, but the framework divides "crashes" by "vehicles"' },
      { path: 'indicators.arson', message: '"arson" is not an indicator of framework "toy"' },
      { path: 'denominators', message: 'the framework\'s denominator "vehicles" has no file (add "vehicles": {"file": …, "frequency": …})' },
      { path: 'denominators.population', message: '"population" is not a denominator of framework "toy"' },
      { path: 'flags.1.words.0', message: 'the flag word "估计" is already given in flags.0' },
    ]);
    expect(() => checkPublication(p, framework)).toThrow(ValidationError);
  });

  it('dates a period by the standing rule, else by the announced moment, else not at all', () => {
    const listed = publicationFromJson(base).releaseCalendar;
    expect(dueDay(listed, '2025-11')).toEqual({ day: '2026-12-15', from: 'releases' });
    expect(dueDay(listed, '2025-12')).toBeNull();
    const regular = publicationFromJson({ ...base, releaseCalendar: { ...base.releaseCalendar, regular: { day: 15, monthsAfter: 1 } } }).releaseCalendar;
    // Xiangtan's committed manifests: 2025-10's next release is 2025-11's, due 2025-12-15.
    expect(dueDay(regular, nextPeriod('2025-10'))).toEqual({ day: '2025-12-15', from: 'regular' });
    expect(dueDay(regular, '2025-12')).toEqual({ day: '2026-01-15', from: 'regular' });
    // A quarter is due after its last month.
    expect(dueDay(regular, '2025-Q4')).toEqual({ day: '2026-01-15', from: 'regular' });
    expect(nextAnnouncedRelease(listed, '2025-10')).toEqual({ period: '2025-11', at: '2026-12-15T09:30:00+08:00', day: '2026-12-15' });
    expect(nextAnnouncedRelease(listed, '2025-11')).toBeNull();
  });

  it('steps months and quarters across a year', () => {
    expect(nextPeriod('2025-12')).toBe('2026-01');
    expect(nextPeriod('2025-03')).toBe('2025-04');
    expect(nextPeriod('2025-Q4')).toBe('2026-Q1');
    expect(nextPeriod('2025-Q2')).toBe('2025-Q3');
  });
});
