import { describe, expect, it } from 'vitest';
import { markOtherLanguage } from '../src/lib/otherLanguage.ts';

describe('markOtherLanguage', () => {
  it('gives the doc examples', () => {
    expect(markOtherLanguage('<p>Homicides 命案 per <code>homicide</code></p>', 'en')).toBe('<p>Homicides <span lang="zh-CN">命案</span> per <code>homicide</code></p>');
    expect(markOtherLanguage('<p>固定目标值法（goalposts）&amp; EWMA</p>', 'zh')).toBe('<p>固定目标值法（<span lang="en">goalposts</span>）&amp; <span lang="en">EWMA</span></p>');
  });

  it('marks Chinese in English prose as one run with its punctuation inside, never a number or a lone letter', () => {
    expect(markOtherLanguage('<td>★Intentional injury 伤害案件</td><td>平安指数（湘潭）, 2025</td>', 'en')).toBe('<td>★Intentional injury <span lang="zh-CN">伤害案件</span></td><td><span lang="zh-CN">平安指数（湘潭）</span>, 2025</td>');
    expect(markOtherLanguage('<p>W_i and r 2.2 per 100,000</p>', 'zh')).toBe('<p>W_i and r 2.2 per 100,000</p>'.replace('and', '<span lang="en">and</span>').replace('per', '<span lang="en">per</span>'));
  });

  it('leaves attributes, entities, code, preformatted text and formulas alone', () => {
    const html = '<div role="region" aria-label="Table 1: 2. 指标体系"><pre><code>指标 data</code></pre><math><mi>指</mi><annotation encoding="application/x-tex">\\text{指标}</annotation></math>&quot;命案&quot;</div>';
    expect(markOtherLanguage(html, 'en')).toBe(html.replace('&quot;命案&quot;', '&quot;<span lang="zh-CN">命案</span>&quot;'));
    expect(markOtherLanguage('<p>&amp;&nbsp;&#39;rates&#39;</p>', 'zh')).toBe('<p>&amp;&nbsp;&#39;<span lang="en">rates</span>&#39;</p>');
  });

  it('marks English words in a Chinese heading and link, the tags untouched', () => {
    expect(markOtherLanguage('<h3>4.3 固定目标值法（goalposts）计分</h3><a href="/downloads/framework/x.json">framework file</a>', 'zh')).toBe(
      '<h3>4.3 固定目标值法（<span lang="en">goalposts</span>）计分</h3><a href="/downloads/framework/x.json"><span lang="en">framework file</span></a>',
    );
  });
});
