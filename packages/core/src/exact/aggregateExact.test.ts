import { describe, expect, it } from 'vitest';
import { aggregateValuesExact } from './aggregateExact.ts';
import { Exact } from './decimal.ts';

describe('aggregateValuesExact', () => {
  it('keeps exact means exact, so a value on a rounding edge rounds the right way', () => {
    // (90.125 + 90.125 + 90.125) / 3 = 90.125 exactly; a reciprocal would give 90.1249…
    const x = new Exact('90.125');
    const mean = aggregateValuesExact([x, x, x], [new Exact(1), new Exact(1), new Exact(1)], { method: 'arithmetic', minAvailability: 0 });
    expect(mean?.toString()).toBe('90.125');
    expect(mean?.toDecimalPlaces(2, Exact.ROUND_HALF_UP).toFixed(2)).toBe('90.13');
    // 50·1 + 80·2 over weight 3 = 70, with a missing child left out
    expect(aggregateValuesExact([new Exact(50), null, new Exact(80)], [new Exact(1), new Exact(1), new Exact(2)], { method: 'arithmetic', minAvailability: 0 })?.toString()).toBe('70');
    expect(aggregateValuesExact([new Exact(4), new Exact(9)], [new Exact(1), new Exact(1)], { method: 'geometric', minAvailability: 0 })?.toDecimalPlaces(20).toString()).toBe('6');
    expect(aggregateValuesExact([null, new Exact(1)], [new Exact(1), new Exact(1)], { method: 'arithmetic', minAvailability: 0.6 })).toBeNull();
  });
});
