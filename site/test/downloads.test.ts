import { describe, expect, it } from 'vitest';
import { HISTORY_CSV, monthFileHref, savedAs } from '../src/lib/downloads.ts';

describe('the names downloads are saved under', () => {
  it('name the month and revision, so that two months do not both arrive as release.csv', () => {
    expect(savedAs(monthFileHref('2025-10', 5, 'release.csv'), false)).toBe('2025-10-r5-release.csv');
    expect(savedAs(monthFileHref('2025-Q3', 1, 'manifest.json'), false)).toBe('2025-Q3-r1-manifest.json');
    expect(savedAs(HISTORY_CSV, false)).toBe('history.csv');
    expect(savedAs('/downloads/framework/xiangtan.json', false)).toBe('framework-xiangtan.json');
  });

  it('say SYNTHETIC when the data are, once', () => {
    expect(savedAs(monthFileHref('2025-10', 5, 'release.csv'), true)).toBe('SYNTHETIC-2025-10-r5-release.csv');
    expect(savedAs(HISTORY_CSV, true)).toBe('SYNTHETIC-history.csv');
    expect(savedAs('/warnings/SYNTHETIC-charts-2025-10.csv', true)).toBe('SYNTHETIC-charts-2025-10.csv');
  });
});
