import { describe, expect, it } from 'vitest';
import { probabilityText, verdictRule } from '../src/lib/uncertainty.ts';

describe('the uncertainty words', () => {
  it('writes a neighbour probability as a whole percentage, and 1.00 (at least 0.995 before rounding) as "> 99%", never certainty', () => {
    expect(probabilityText('0.82')).toBe('82%');
    expect(probabilityText('0.50')).toBe('50%');
    expect(probabilityText('0.05')).toBe('5%');
    expect(probabilityText('0.99')).toBe('99%');
    expect(probabilityText('1.00')).toBe('> 99%');
  });

  it('explains the chance above the next, and the interval under a value, in the rule beside the ranking, in both languages', () => {
    expect(verdictRule('zh', 0.9)).toContain('“高于下一名的概率”为该地区确实比排在其后的一名更平安的概率');
    expect(verdictRule('en', 0.9)).toContain('"chance above the next": how likely the area is really safer than the one ranked next below it');
    // What the interval under a value is.
    expect(verdictRule('zh', 0.9)).toContain('数值下方的 90% 区间为该数值本身可能的范围');
    expect(verdictRule('en', 0.9)).toContain('Under a value, its own 90% interval: where it could lie.');
  });
});
