import { describe, expect, it } from 'vitest';
import { periodDistance, periodFrequency, periodRange, shiftPeriod } from './period.ts';

describe('periods', () => {
  it('recognises months and years and rejects anything else', () => {
    expect(periodFrequency('2025-10')).toBe('month');
    expect(periodFrequency('2025')).toBe('year');
    expect(periodFrequency('2025-13')).toBeUndefined();
    expect(periodFrequency('2025-1')).toBeUndefined();
  });
  it('steps across year ends', () => {
    expect(shiftPeriod('2025-01', -1)).toBe('2024-12');
    expect(shiftPeriod('2024-12', 13)).toBe('2026-01');
    expect(shiftPeriod('2019', 3)).toBe('2022');
    expect(periodDistance('2024-11', '2025-02')).toBe(3);
    expect(periodRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });
  it('refuses to compare months with years', () => {
    expect(() => periodDistance('2024', '2024-01')).toThrow(/different frequency/);
  });
});
