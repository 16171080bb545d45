import { describe, expect, it } from 'vitest';
import { PinganError } from '../errors/pinganError.ts';
import { TypedArena } from './typedArena.ts';

describe('TypedArena', () => {
  it('hands out zeroed arrays of each kind, apart from one another, over one buffer', () => {
    const arena = new TypedArena({ float64: 3, int32: 3, bytes: 6 });
    const f = arena.float64(2);
    const g = arena.float64(1);
    const i = arena.int32(3);
    const u = arena.uint8(5);
    const s = arena.int8(1);
    expect([f.length, g.length, i.length, u.length]).toEqual([2, 1, 3, 5]);
    expect(new Set([f.buffer, g.buffer, i.buffer, u.buffer, s.buffer]).size).toBe(1);
    s[0] = -1;
    f.fill(-1.5);
    i.fill(-1);
    u.fill(255);
    expect(Array.from(g)).toEqual([0]);
    expect(Array.from(f)).toEqual([-1.5, -1.5]);
    expect(Array.from(i)).toEqual([-1, -1, -1]);
    expect(Array.from(u)).toEqual([255, 255, 255, 255, 255]);
    expect(Array.from(s)).toEqual([-1]);
  });

  it('refuses more elements of a kind than it holds, and kinds it was not given', () => {
    const arena = new TypedArena({ int32: 2 });
    expect(arena.int32(0).length).toBe(0);
    arena.int32(2);
    expect(() => arena.int32(1)).toThrow(PinganError);
    expect(() => arena.float64(1)).toThrow(/not enough float64/);
    expect(() => arena.uint8(1)).toThrow(/not enough byte/);
    expect(() => arena.int8(1)).toThrow(/not enough byte/);
  });
});
