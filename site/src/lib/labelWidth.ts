/**
 * A rough width of a label in user units (CSS pixels at scale 1), for charts
 * drawn without measuring text: CJK characters are one em, a space 0.3 em,
 * others 0.62 em (wide enough for a bold system sans, so it errs on the side
 * of room to spare).
 *
 * @example
 * labelWidth('雨湖区', 14); // 42
 * labelWidth('Yuhu District', 10); // 77.4 (12 letters at 6.2, a space at 3)
 */
export function labelWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2E80-\uFFFF]/.test(ch) ? 1 : ch === ' ' ? 0.3 : 0.62;
  return em * fontSize;
}
