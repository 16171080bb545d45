import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, readInputs, releaseCommand, validateData } from '../src/index.ts';
import { BAD, dataDir, FIXTURE_DATA, TODAY } from './helpers.ts';

// The root vitest config sets the pingan-source condition for the client only; load the core from source.

/** Each bad file, added to the valid fixture data, and the exact problems it must produce. */
const EXPECTED: Record<string, readonly string[]> = {
  'unknown-region.csv': ['input/unknown-region.csv:2:1: unknown region "430399": not in regions.csv'],
  'unknown-indicator.csv': ['input/unknown-indicator.csv:2:3: unknown indicator "robbery": not an indicator of framework "fixture"'],
  'duplicate-row.csv': ['input/duplicate-row.csv:3:1: duplicate row: 430302 2025-05 injury already given at input/duplicate-row.csv:2'],
  'duplicate-across-files.csv': [
    'input/duplicate-across-files.csv:2:1: duplicate row: 430304 2025-04 fire_loss already given at input/SYNTHETIC-2025-04.csv:6',
  ],
  'negative-count.csv': ['input/negative-count.csv:2:4: count -3 is negative'],
  'non-numeric-count.csv': ['input/non-numeric-count.csv:2:4: count "twelve" is not a number'],
  'fractional-count.csv': ['input/fractional-count.csv:2:4: count 2.5 is not a whole number (publication.json declares it a count; an amount may have fractions)'],
  'share-101.csv': ['input/share-101.csv:2:4: share 101 is outside 0–100'],
  'malformed-month.csv': ['input/malformed-month.csv:2:2: malformed month "2025/05": expected YYYY-MM'],
  'missing-month.csv': [
    'input/missing-month.csv: missing rows: 430302 2025-06: fire_loss (every region, indicator and month is expected; send a figure not yet known as an estimate flagged estimated; an empty cell marks it unknown, and a month that needs it has no index)',
    'input/missing-month.csv: missing rows: 430304 2025-06: all 2 indicators (every region, indicator and month is expected; send a figure not yet known as an estimate flagged estimated; an empty cell marks it unknown, and a month that needs it has no index)',
    'input/missing-month.csv:2:2: month 2025-05 is missing: no input rows between 2025-04 and 2025-06',
  ],
  'future-month.csv': ['input/future-month.csv:2:2: month 2025-09 is in the future (today is 2025-07-20)'],
  'current-month.csv': ['input/current-month.csv:2:2: month 2025-07 is not over yet (today is 2025-07-20)'],
  'population-missing.csv': ['input/population-missing.csv:2:1: no population for 430302 in 2023 in population.csv'],
  'gb18030-bad-value.csv': ['input/gb18030-bad-value.csv:3:4: count "十二" is not a number'],
  'undecodable.csv': ['input/undecodable.csv:2:24: cannot decode the file: it is neither UTF-8 nor GB18030'],
  'missing-column.csv': ['input/missing-column.csv:1:1: missing required column 数值/value'],
  'unknown-column.csv': [
    'input/unknown-column.csv:1:5: unknown column "note": expected 地区代码/region, 月份/month, 指标代码/indicator, 数值/value, 标记/flag',
  ],
  'empty.csv': ['input/empty.csv:1:1: empty file: no header and no data rows'],
  'header-only.csv': ['input/header-only.csv:1:1: empty file: a header but no data rows'],
  'unknown-flag.csv': ['input/unknown-flag.csv:2:5: unknown flag "final": expected empty, 估计/estimated or 初步/provisional'],
  'population-as-input.csv': ['input/population-as-input.csv:2:3: "population" is a denominator: it comes from population.csv, not from input files'],
  'short-row.csv': ['input/short-row.csv:2:4: the row has 3 fields, the header has 5'],
  'stray-quote.csv': ['input/stray-quote.csv:2:4: unterminated quoted field (the record runs over lines 2–3)'],
};

describe('the bad-input corpus', () => {
  it('has an expectation for every file in fixtures/bad', () => {
    expect(readdirSync(BAD).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('accepts the fixture data as it is', () => {
    const valid = validateData(readInputs(dataDir()), { today: TODAY });
    expect(valid.issues.map(formatIssue)).toEqual([]);
    expect(valid.months[0]).toBe('2024-01');
    expect(valid.months.at(-1)).toBe('2025-04');
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`refuses ${name} with its exact message and writes nothing`, () => {
      const dir = dataDir({ [`input/${name}`]: readFileSync(join(BAD, name)) });
      const valid = validateData(readInputs(dir), { today: TODAY });
      expect(valid.issues.map(formatIssue)).toEqual(expected);
      for (const issue of valid.issues.filter((i) => !i.reason.startsWith('missing rows: '))) {
        expect(issue.line).toBeGreaterThan(0);
        expect(issue.column).toBeGreaterThan(0);
      }
      const result = releaseCommand({ dataDir: dir, today: TODAY, json: false, all: true });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(expected[expected.length - 1]);
      expect(existsSync(join(dir, 'releases'))).toBe(false);
    });
  }

  it('reports every problem at once, across files, in file and line order', () => {
    const files = Object.fromEntries(
      ['unknown-region.csv', 'negative-count.csv', 'share-101.csv', 'empty.csv'].map((n) => [`input/${n}`, readFileSync(join(BAD, n))]),
    );
    const valid = validateData(readInputs(dataDir(files)), { today: TODAY });
    expect(valid.issues.map(formatIssue)).toEqual([
      'input/empty.csv:1:1: empty file: no header and no data rows',
      'input/negative-count.csv:2:4: count -3 is negative',
      'input/share-101.csv:2:4: share 101 is outside 0–100',
      'input/unknown-region.csv:2:1: unknown region "430399": not in regions.csv',
    ]);
    expect(valid.issues[1]).toMatchObject({ file: 'input/negative-count.csv', line: 2, column: 4, value: '-3', reason: 'count -3 is negative' });
  });

  it('reports problems in regions.csv, population.csv and the framework', () => {
    const dir = dataDir({
      'regions.csv': 'code,name_zh,name_en,level,parent\n430300,湘潭市,Xiangtan,city,\n430302,雨湖区,Yuhu,division,430300\n430304,岳塘区,Yuetang,division,430399\n4303,x,X,division,\n',
      'population.csv': 'region,year,population,source\n430302,2024,618900,S\n430304,2024,-5,S\n430302,2025,620100,S\n430304,2025,486000,S\n430302,2024,1,S\n',
      'framework/fixture.json': '{"id": "x"',
    });
    const valid = validateData(readInputs(dir), { today: TODAY });
    expect(valid.issues.map(formatIssue)).toEqual([
      'framework/fixture.json:1:11: the text ends too soon: a closing }, ] or " is missing',
      // population for 430304 in 2024 was refused, so its 2024 rows have none
      'input/SYNTHETIC-2024.csv:5:1: no population for 430304 in 2024 in population.csv (this and 26 more rows)',
      'population.csv:3:3: population must be a positive number',
      'population.csv:6:1: duplicate row: 430302 2024 already given at line 2',
      'regions.csv:4:5: parent "430399" is not a region of regions.csv',
      'regions.csv:5:1: region code must be 6 digits (GB/T 2260)',
    ]);
  });

  it('reports what publication.json and the framework say differently, and a quarterly schedule that does not fit, all at once', () => {
    const publication = JSON.parse(readFileSync(join(FIXTURE_DATA, 'publication.json'), 'utf8')) as Record<string, unknown> & { indicators: Record<string, unknown> };
    const { fire_loss: _dropped, ...indicators } = publication.indicators;
    const dir = dataDir({
      'publication.json': JSON.stringify({ ...publication, periods: 'quarterly', indicators: { ...indicators, arson: { kind: 'count' } }, denominators: {} }),
    });
    const valid = validateData(readInputs(dir), { today: TODAY });
    // Quarterly periods are computed (see quarterly.test.ts); monthly files under them are refused by their header.
    expect(valid.issues.some((i) => i.file.startsWith('input/') && /unknown column "month"/.test(i.reason))).toBe(true);
    expect(valid.issues.filter((i) => i.file === 'publication.json').map(formatIssue)).toEqual([
      'publication.json: indicators: the framework\'s indicator "fire_loss" has no declared value kind (add "fire_loss": {"kind": …})',
      'publication.json: indicators.sense_of_safety.survey.months: with quarterly periods a survey is dated by the last month of its quarter (3, 6, 9, 12), not 1, 4, 7',
      'publication.json: indicators.arson: "arson" is not an indicator of framework "fixture"',
      'publication.json: denominators: the framework\'s denominator "population" has no file (add "population": {"file": …, "frequency": …})',
    ]);
  });
});
