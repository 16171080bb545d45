import type { Lang } from './i18n.ts';

/** Elements whose text is not prose: code, preformatted text, formulas (MathML), scripts and styles. */
const NOT_PROSE = /^<(code|pre|math|script|style)\b[^>]*>$/i;
const NOT_PROSE_END = /^<\/(code|pre|math|script|style)>$/i;
/** A run of Chinese: ideographs, with Chinese punctuation between them, and a closing bracket after them. */
const CHINESE = /[\u3400-\u9fff](?:[\u3000-\u303f\uff00-\uffef\u3400-\u9fff]*[\u3400-\u9fff\uff09\u300d\u300f\u3011])?/g;
/** A run of English words (two letters or more): words joined by spaces, hyphens or apostrophes. */
const ENGLISH = /[A-Za-z][A-Za-z'’-]*[A-Za-z](?:\s+[A-Za-z][A-Za-z'’-]*[A-Za-z])*/g;

/**
 * Marks the other language's words in a page's prose with `lang`, so that a screen reader reads
 * them in their own voice: Chinese in an English page (`zh-CN`: an English voice skips or spells
 * it), English words in a Chinese one (`en`). Only text between tags is changed, never an
 * attribute, an entity, code or a formula.
 *
 * @example
 * markOtherLanguage('<p>Homicides 命案 per <code>homicide</code></p>', 'en');
 * // '<p>Homicides <span lang="zh-CN">命案</span> per <code>homicide</code></p>'
 * markOtherLanguage('<p>固定目标值法（goalposts）&amp; EWMA</p>', 'zh');
 * // '<p>固定目标值法（<span lang="en">goalposts</span>）&amp; <span lang="en">EWMA</span></p>'
 */
export function markOtherLanguage(html: string, lang: Lang): string {
  const [pattern, other] = lang === 'en' ? [CHINESE, 'zh-CN'] : [ENGLISH, 'en'];
  let skipped = 0;
  return html
    .split(/(<[^>]*>)/)
    .map((piece) => {
      if (piece.startsWith('<')) {
        if (NOT_PROSE.test(piece) && !piece.endsWith('/>')) skipped++;
        else if (NOT_PROSE_END.test(piece)) skipped = Math.max(0, skipped - 1);
        return piece;
      }
      if (skipped > 0 || piece === '') return piece;
      // Entities (&amp;, &#39;) stay whole: only the text between them is marked.
      return piece
        .split(/(&[#A-Za-z0-9]+;)/)
        .map((text) => (text.startsWith('&') && text.endsWith(';') ? text : text.replace(pattern, (run) => `<span lang="${other}">${run}</span>`)))
        .join('');
    })
    .join('');
}
