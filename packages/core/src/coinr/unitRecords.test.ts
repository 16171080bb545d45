import { describe, expect, it } from 'vitest';
import { lazyUnitGroups, unitRecord } from './unitRecords.ts';

describe('unitRecord', () => {
  it("sets each row's value on its unit in row order, passing over empty values, with __proto__ an ordinary key", () => {
    const record = unitRecord(['A', 'B', 'A', '__proto__', 'C'], ['x', 'b', 'y', 'p', '']);
    expect(Object.entries(record)).toEqual([
      ['A', 'y'],
      ['B', 'b'],
      ['__proto__', 'p'],
    ]);
    expect(Object.getPrototypeOf(record)).toBeNull();
  });
});

describe('lazyUnitGroups', () => {
  it('makes a grouping’s record when it is first read, then keeps it; every grouping is listed and read as by unitRecord', () => {
    const units = ['A', 'B', 'A'];
    const groups = lazyUnitGroups(['region', 'size'], units, [['N', 'S', ''], ['L', '', 'M']]);
    expect(Object.keys(groups)).toEqual(['region', 'size']);
    expect(Object.getOwnPropertyDescriptor(groups, 'size')?.get).toBeTypeOf('function');
    const region = groups.region;
    expect(region).toEqual(unitRecord(units, ['N', 'S', '']));
    expect(groups.region).toBe(region);
    expect(Object.getOwnPropertyDescriptor(groups, 'region')).toEqual({ value: region, configurable: true, enumerable: true, writable: true });
    expect(JSON.parse(JSON.stringify(groups))).toEqual({ region: { A: 'N', B: 'S' }, size: { A: 'M' } });
  });
});
