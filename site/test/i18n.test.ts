/** The page-language helpers that several components share. */
import { describe, expect, it } from 'vitest';
import { signed, bracketed } from '../src/lib/i18n.ts';

describe('bracketed', () => {
  it('brackets a note (a unit, a verdict) in the page language: full-width in Chinese, a space and ASCII brackets in English', () => {
    const cases = { zh: '起', en: 'cases' };
    expect(bracketed('zh', cases)).toBe('（起）');
    expect(bracketed('en', cases)).toBe(' (cases)');
  });
  it('is empty without a unit', () => {
    expect(bracketed('zh', null)).toBe('');
    expect(bracketed('en', undefined)).toBe('');
  });
});

describe('signed', () => {
  it('writes a change with its sign, a minus sign for a fall and none for zero', () => {
    expect(signed('1.25')).toBe('+1.25');
    expect(signed('-0.40')).toBe('−0.40');
    expect(signed('0.00')).toBe('0.00');
    expect(signed(null)).toBe('—');
  });
});
