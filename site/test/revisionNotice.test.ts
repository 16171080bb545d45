/**
 * The notice of a revision that only brings a new release format or
 * uncertainty model, on the committed releases of data/ (2025-10: r2 brings
 * format 2, r3 uncertainty model 2, r4 model 3, r5 model 4), in both languages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManifestSchema } from '@pingan/core/release';
import { revisionNotice } from '../src/lib/revisionNotice.ts';

const month = join(import.meta.dirname, '..', '..', 'data', 'releases', '2025-10');
const manifest = (r: number) => ManifestSchema.parse(JSON.parse(readFileSync(join(month, `r${r}`, 'manifest.json'), 'utf8')));

describe('revisionNotice', () => {
  it('says nothing on a first release', () => {
    expect(revisionNotice(manifest(1), 'zh')).toBeNull();
    expect(revisionNotice(manifest(1), 'en')).toBeNull();
  });

  it('names the release format a revision brings', () => {
    expect(revisionNotice(manifest(2), 'en')).toMatch(/^Revision 2 is in release format 2: the figures are those of the revision before, now with each figure's interval/);
    expect(revisionNotice(manifest(2), 'zh')).toMatch(/^第 2 版采用发布格式 2：数字与上一版相同，另附每个数字的区间/);
  });

  it('says model 2 brought the exact distributions of rare counts', () => {
    expect(revisionNotice(manifest(3), 'en')).toBe(
      'Revision 3 uses uncertainty model 2: the figures are those of the revision before; only the intervals, verdicts (up, down or broadly unchanged) and rank intervals are recomputed from the exact distributions of rare counts.',
    );
    expect(revisionNotice(manifest(3), 'zh')).toBe('第 3 版采用不确定性模型 2：数字与上一版相同，只有区间、判断（上升、下降或基本持平）和排名区间按罕见计数的精确分布重新计算。');
  });

  it('says model 3 takes smooth figures by Cornish–Fisher, within 2% of the width, and rare counts still exactly', () => {
    const en = revisionNotice(manifest(4), 'en')!;
    const zh = revisionNotice(manifest(4), 'zh')!;
    expect(en).toMatch(/^Revision 4 uses uncertainty model 3: the figures are those of the revision before; only the intervals/);
    expect(en).toContain('Cornish–Fisher expansion of its cumulants (within 2% of the interval’s width of its exact distribution)');
    expect(en).toContain('dominated by rare counts still from its exact distribution');
    expect(zh).toMatch(/^第 4 版采用不确定性模型 3：数字与上一版相同，只有区间/);
    expect(zh).toContain('Cornish–Fisher 展开（与精确分布相差不超过区间宽度的 2%）');
    expect(zh).toContain('罕见计数主导的数字仍按精确分布');
  });

  it('says model 4 builds only the lead components of a figure dominated by rare counts, and enumerates a capped score only where its counts can reach the cap', () => {
    const en = revisionNotice(manifest(5), 'en')!;
    const zh = revisionNotice(manifest(5), 'zh')!;
    expect(en).toMatch(/^Revision 5 uses uncertainty model 4: the figures are those of the revision before; only the intervals/);
    expect(en).toContain('Cornish–Fisher expansion of its cumulants');
    expect(en).toContain('builds only its one to four leading components exactly, the rest from its first four cumulants (an Edgeworth expansion)');
    expect(en).toContain('a capped score is enumerated only where a value its counts can take (probability at least 10⁻¹⁰) reaches the cap');
    expect(en).toContain('within 2% of the interval’s width of the exact computation at 16 times the resolution');
    // It replaces model 3's clause on rare counts, rather than contradicting it.
    expect(en).not.toContain('still from its exact distribution');
    expect(zh).not.toContain('罕见计数主导的数字仍按精确分布');
    expect(zh).toMatch(/^第 5 版采用不确定性模型 4：数字与上一版相同，只有区间/);
    expect(zh).toContain('罕见计数主导的数字只精确计算其主要的一至四个分量，其余部分按其前四阶累积量（Edgeworth 展开）计算');
    expect(zh).toContain('截断得分只在其计数可能取到的值（概率不小于 10⁻¹⁰）达到截断点时才逐一枚举');
    expect(revisionNotice(manifest(4), 'en')).not.toContain('capped score');
    expect(revisionNotice(manifest(4), 'zh')).not.toContain('Edgeworth');
  });

  it('does not claim the figures are unchanged when a revision also corrects cells', () => {
    const corrected = { ...manifest(4), changes: [{ region: '430302', indicator: 'fires', month: '2025-10', before: '1', after: '2' }] };
    expect(revisionNotice(corrected, 'en')).toMatch(/^Revision 4 uses uncertainty model 3: the intervals/);
    expect(revisionNotice(corrected, 'zh')).toMatch(/^第 4 版采用不确定性模型 3：区间/);
  });
});
