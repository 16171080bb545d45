/**
 * The notice of a revision that only brings a new release format or
 * uncertainty model, on the committed releases of data/ (2025-10: r2 brings
 * format 2, r3 uncertainty model 2, r4 model 3, r5 model 4, r6 model 5, r7 model 6), in both languages:
 * a one-sentence summary, and from model 3 on how the model computes as its
 * detail (which the page folds away).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManifestSchema } from '@pingan/core/release';
import { revisionNotice } from '../src/lib/revisionNotice.ts';

const month = join(import.meta.dirname, '..', '..', 'data', 'releases', '2025-10');
const manifest = (r: number) => ManifestSchema.parse(JSON.parse(readFileSync(join(month, `r${r}`, 'manifest.json'), 'utf8')));

describe('revisionNotice', () => {
  const summary = (r: number, lang: 'zh' | 'en') => revisionNotice(manifest(r), lang)?.summary;
  const detail = (r: number, lang: 'zh' | 'en') => revisionNotice(manifest(r), lang)?.detail;

  it('says nothing on a first release', () => {
    expect(revisionNotice(manifest(1), 'zh')).toBeNull();
    expect(revisionNotice(manifest(1), 'en')).toBeNull();
  });

  it('names the release format a revision brings, in one sentence', () => {
    expect(summary(2, 'en')).toMatch(/^Revision 2 is in release format 2: the figures are those of the revision before, now with each figure's interval/);
    expect(summary(2, 'zh')).toMatch(/^第 2 版采用发布格式 2：数字与上一版相同，另附每个数字的区间/);
    expect(detail(2, 'en')).toBeNull();
    expect(detail(2, 'zh')).toBeNull();
  });

  it('says model 2 brought the exact distributions of rare counts, in one sentence', () => {
    expect(summary(3, 'en')).toBe(
      'Revision 3 uses uncertainty model 2: the figures are unchanged; only the intervals, verdicts and rank intervals are recomputed, from the exact distributions of rare counts.',
    );
    expect(summary(3, 'zh')).toBe('第 3 版采用不确定性模型 2：数字未变，只重新计算了区间、判断和排名区间，依据罕见计数的精确分布。');
    expect(detail(3, 'en')).toBeNull();
  });

  it('says what model 3 recomputed in its summary, and in its detail that smooth figures come from Cornish–Fisher, within 2% of the width, and rare counts still exactly', () => {
    expect(summary(4, 'en')).toBe(
      'Revision 4 uses uncertainty model 3: the figures are unchanged; only the intervals, verdicts and rank intervals are recomputed.',
    );
    expect(summary(4, 'zh')).toBe('第 4 版采用不确定性模型 3：数字未变，只重新计算了区间、判断和排名区间。');
    const en = detail(4, 'en')!;
    const zh = detail(4, 'zh')!;
    expect(en).toContain('Cornish–Fisher expansion of its cumulants (within 2% of the interval’s width of its exact distribution)');
    expect(en).toContain('dominated by rare counts is still taken from its exact distribution');
    expect(zh).toContain('Cornish–Fisher 展开（与精确分布相差不超过区间宽度的 2%）');
    expect(zh).toContain('罕见计数主导的数字仍按精确分布');
  });

  it("says in model 4's detail that it builds only the lead components of a figure dominated by rare counts, and enumerates a capped score only where its counts can reach the cap", () => {
    expect(summary(5, 'en')).toBe('Revision 5 uses uncertainty model 4: the figures are unchanged; only the intervals, verdicts and rank intervals are recomputed.');
    expect(summary(5, 'zh')).toBe('第 5 版采用不确定性模型 4：数字未变，只重新计算了区间、判断和排名区间。');
    const en = detail(5, 'en')!;
    const zh = detail(5, 'zh')!;
    expect(en).toContain('Cornish–Fisher expansion of its cumulants');
    expect(en).toContain('builds only its one to four leading components exactly, the rest from its first four cumulants (an Edgeworth expansion)');
    expect(en).toContain('a capped score is enumerated only where a value its counts can take (probability at least 10⁻¹⁰) reaches the cap');
    expect(en).toContain('within 2% of the interval’s width of the exact computation at 16 times the resolution');
    // It replaces model 3's clause on rare counts, rather than contradicting it.
    expect(en).not.toContain('still taken from its exact distribution');
    expect(zh).not.toContain('罕见计数主导的数字仍按精确分布');
    expect(zh).toContain('罕见计数主导的数字只精确计算其主要的一至四个分量，其余部分按其前四阶累积量（Edgeworth 展开）计算');
    expect(zh).toContain('截断得分只在其计数可能取到的值（概率不小于 10⁻¹⁰）达到截断点时才逐一枚举');
    expect(detail(4, 'en')).not.toContain('capped score');
    expect(detail(4, 'zh')).not.toContain('Edgeworth');
  });

  it('does not claim the figures are unchanged when a revision also corrects cells', () => {
    const corrected = { ...manifest(4), changes: [{ region: '430302', indicator: 'fires', month: '2025-10', before: '1', after: '2' }] };
    expect(revisionNotice(corrected, 'en')?.summary).toBe('Revision 4 uses uncertainty model 3: the intervals, verdicts and rank intervals are recomputed.');
    expect(revisionNotice(corrected, 'zh')?.summary).toBe('第 4 版采用不确定性模型 3：重新计算了区间、判断和排名区间。');
  });

  it("says model 5 reads each verdict off the interval as published, with an example of an interval that holds zero once rounded", () => {
    expect(summary(6, 'en')).toBe('Revision 6 uses uncertainty model 5: the figures are unchanged; each change’s verdict is now read off its interval as published.');
    expect(summary(6, 'zh')).toBe('第 6 版采用不确定性模型 5：数字未变，变化的判断改为按公布的区间作出。');
    expect(detail(6, 'en')).toContain('an interval shown as “−2.48 to 0.00” or “0.00 to 0.00” holds zero and is broadly unchanged');
    expect(detail(6, 'zh')).toContain('显示为“−2.48 至 0.00”或“0.00 至 0.00”的区间包含 0，判为基本持平');
  });

  it('says model 6 draws the ranks to match the published intervals, as a split normal, in one short sentence', () => {
    expect(summary(7, 'en')).toBe('Revision 7 uses uncertainty model 6: the same figures; ranks now follow the intervals.');
    expect(summary(7, 'zh')).toBe('第 7 版采用不确定性模型 6：数字未变，排名区间改为按公布的区间计算。');
    expect(detail(7, 'en')).toContain('the published value as the median and the interval’s ends as the 5th and 95th percentiles');
    expect(detail(7, 'zh')).toContain('以公布值为中位数，区间两端为第 5 和第 95 百分位数');
  });
});
