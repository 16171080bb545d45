/** The site's facts about an index, derived from its framework, configuration and releases (never written for one place). */
import { describe, expect, it } from 'vitest';
import { defineFramework } from '@pingan/core';
import { flagNotes } from '../src/lib/flags.ts';
import { areaWords, enCount, frameworkFacts, utcOffset, wholePlace, zhCount } from '../src/lib/publication.ts';

const text = (s: string) => ({ zh: s, en: s });

/** A small framework: two groups, three indicators; one a rate over 18 months per 1,000 vehicles, one a survey carried 2 months. */
const framework = defineFramework({
  id: 'small',
  version: '1',
  name: { zh: '某县平安指数', en: 'Some County Safety Index' },
  denominators: [{ code: 'vehicles', name: { zh: '机动车保有量', en: 'Motor vehicles' }, unit: text('辆') }],
  nodes: [
    { code: 'index', type: 'aggregate', parent: null, name: text('index') },
    { code: 'g1', type: 'aggregate', parent: 'index', name: text('g1'), weight: 1 },
    { code: 'g2', type: 'aggregate', parent: 'index', name: text('g2'), weight: 1 },
    {
      code: 'crashes', type: 'indicator', parent: 'g1', name: text('crashes'), direction: -1, weight: 1,
      denominator: { code: 'vehicles', scale: 1000 }, window: { periods: 18, statistic: 'sum' },
      normalisation: { method: 'goalposts', min: 0, max: 10, scale: 100, cap: true },
    },
    { code: 'fires', type: 'indicator', parent: 'g1', name: text('fires'), direction: -1, weight: 1, normalisation: { method: 'goalposts', min: 0, max: 10, scale: 100, cap: true } },
    {
      code: 'trust', type: 'indicator', parent: 'g2', name: { zh: '信任度', en: 'Trust' }, direction: 1, weight: 1,
      imputation: { method: 'locf', maxAge: 2 }, normalisation: { method: 'goalposts', min: 50, max: 100, scale: 100, cap: true },
    },
  ],
});

describe('facts derived from the framework', () => {
  it('counts the groups and indicators, and reads each rate’s window and denominator and the survey carry-forward', () => {
    const facts = frameworkFacts(framework);
    expect(facts.groups.map((g) => g.code)).toEqual(['g1', 'g2']);
    expect(facts.indicatorCount).toBe(3);
    expect(facts.indicatorsAreSecondLevel).toBe(true);
    expect(facts.rates).toEqual([{ window: 18, scale: 1000, denominator: { zh: '机动车保有量', en: 'Motor vehicles' } }]);
    expect(facts.surveyIndicators).toEqual(['trust']);
    expect(facts.carried).toBe(2);
  });

  it('says how long a survey is carried forward from the framework, and uses the configuration’s flag words', () => {
    const notes = flagNotes({ surveys: { indicators: ['trust'], months: [3, 6, 9, 12], carried: 2 }, flagLabels: { provisional: { zh: '快报', en: 'flash' } } });
    const imputed = notes.find((n) => n.flag === 'imputed')!;
    expect(imputed.meaning.zh).toContain('最多2个月');
    expect(imputed.meaning.en).toContain('at most 2 months');
    expect(notes.find((n) => n.flag === 'provisional')!.label).toEqual({ zh: '快报', en: 'flash' });
    expect(notes.find((n) => n.flag === 'estimated')!.label).toEqual({ zh: '估计', en: 'estimated' });
  });
});

describe('words', () => {
  it('names the areas by their administrative levels, combined in the usual order', () => {
    expect(areaWords(['district', 'county', 'county-level city', 'district'])).toEqual({ zh: '县市区', en: 'county or district', enPlural: 'counties and districts' });
    expect(areaWords(['township', 'subdistrict'])).toEqual({ zh: '乡镇街道', en: 'area', enPlural: 'areas' });
    expect(areaWords(['township', 'township', 'township'])).toEqual({ zh: '乡镇', en: 'township', enPlural: 'townships' });
    expect(areaWords(['town', 'township', 'town'])).toEqual({ zh: '乡镇', en: 'town or township', enPlural: 'towns and townships' });
    expect(areaWords(['ward'])).toEqual({ zh: '地区', en: 'area', enPlural: 'areas' });
  });

  it('names the whole place by the last character of its name, remarks in brackets aside', () => {
    expect(wholePlace({ zh: '某市', en: 'X' }).zh).toBe('全市');
    expect(wholePlace({ zh: '某县（虚构）', en: 'Y (fictional)' })).toEqual({ zh: '全县', en: 'Y (fictional) as a whole' });
  });

  it('writes small counts as words and larger ones as digits', () => {
    expect([2, 3, 4, 10, 14].map(zhCount)).toEqual(['两', '三', '四', '十', '14']);
    expect([3, 4, 11].map(enCount)).toEqual(['three', 'four', '11']);
  });

  it('finds a time zone’s UTC offset on a day, daylight saving included', () => {
    expect(utcOffset('Asia/Shanghai', '2025-07-01')).toBe('+08:00');
    expect(utcOffset('Europe/London', '2025-07-01')).toBe('+01:00');
    expect(utcOffset('UTC', '2025-01-01')).toBe('+00:00');
  });
});
