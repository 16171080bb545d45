/**
 * Problem reasons in the user's language, on the terminal only.
 *
 * A data problem's reason (`file:line:column: reason`) is written into
 * release notes and JSON as well as printed, and release files must be
 * byte-identical whatever the locale of the machine that wrote them. So a
 * reason is made in English, its canonical form, with the `because` tag
 * (which marks it for the catalog test and returns the English text
 * unchanged), and kept as that text everywhere. Only where it is printed is
 * it translated: `localise` finds the catalog template (zhReasons.ts) the
 * English text is an instance of, and fills the Chinese template with the
 * same values, each value translated in turn (a reason may quote another:
 * `{0} (--strict)`, `{path}: {core's message}`). Core's messages (framework
 * and publication paths) and zod's are English too and are translated the
 * same way here, at the CLI's boundary; core stays free of locales.
 */
import { currentLocale, type Locale } from './locale.ts';
import { fillMessage } from './t.ts';
import { ZH_REASONS, ZH_ZOD } from './zhReasons.ts';

/**
 * An English problem reason: the tag marks the template for the catalog
 * test (every `because` template has a Chinese translation) and returns the
 * text as written, the form release files keep.
 *
 * @example
 * because`duplicate region ${'430302'} (first at line ${3})`; // 'duplicate region 430302 (first at line 3)'
 */
export function because(strings: TemplateStringsArray, ...values: unknown[]): string {
  return String.raw({ raw: strings }, ...values);
}

interface Template {
  readonly pattern: RegExp;
  /** The text around and between the holes: a cheap test before the pattern. */
  readonly parts: readonly string[];
  readonly zh: string;
  /** Characters outside the holes: the translation that covers most of a text wins. */
  readonly fixed: number;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let templates: Template[] | undefined;

/** The catalog's templates as anchored patterns. */
function compiled(): Template[] {
  templates ??= Object.entries({ ...ZH_REASONS, ...ZH_ZOD }).map(([key, zh]) => {
    const parts = key.split(/\{\d+\}/);
    const holes = [...key.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1]));
    // Holes are numbered in order in the English key (messageKey makes them so).
    if (holes.some((n, i) => n !== i)) throw new Error(`zhReasons: the holes of ${JSON.stringify(key)} are not numbered in order`);
    // A template of holes alone would match any text.
    if (parts.join('') === '') throw new Error(`zhReasons: ${JSON.stringify(key)} has no text of its own`);
    return { pattern: new RegExp(`^${parts.map(escape).join('([\\s\\S]*?)')}$`), parts, zh, fixed: parts.join('').length };
  });
  return templates;
}

/**
 * The best translation of one line: of the templates the text is an
 * instance of, the one that, with its values translated in turn, leaves the
 * fewest characters untranslated (so "path: reason" splits at the path,
 * while "unknown column …: expected …" is read whole). `score` counts the
 * characters translated.
 */
function translateLine(text: string): { text: string; score: number } {
  const known = translated.get(text);
  if (known) return known;
  let best = { text, score: 0 };
  for (const template of compiled()) {
    const { parts } = template;
    if (!text.startsWith(parts[0]) || !text.endsWith(parts[parts.length - 1]) || !parts.every((part) => text.includes(part))) continue;
    const match = template.pattern.exec(text);
    if (!match) continue;
    // A value is translated in turn when it may itself be a reason (shorter than the text, so this ends).
    const values = match.slice(1).map((value) => (value.length < text.length && value.length > 0 ? translateLine(value) : { text: value, score: 0 }));
    const score = template.fixed + values.reduce((sum, v) => sum + v.score, 0);
    if (score > best.score) best = { text: fillMessage(template.zh, values.map((v) => v.text)), score };
  }
  if (translated.size >= MAX_REMEMBERED) translated.clear();
  translated.set(text, best);
  return best;
}

/** Lines already translated (a reason and its parts recur across thousands of problems), up to MAX_REMEMBERED. */
const translated = new Map<string, { text: string; score: number }>();
const MAX_REMEMBERED = 10_000;

/**
 * An English reason (or any English message the CLI prints) in `locale`
 * (default: the current one, from LC_ALL, LC_MESSAGES, LANG): the Chinese
 * translation of the catalog template it is an instance of, or the text as
 * it is when no template matches (a value, a path, a message already
 * translated) or the locale is English. Several lines are translated one by
 * one, keeping their indentation.
 *
 * @example
 * localise('duplicate region 430302 (first at line 3)', 'zh'); // '重复的地区 430302（第一次出现在第 3 行）'
 */
export function localise(text: string, locale: Locale = currentLocale()): string {
  if (locale === 'en') return text;
  return text
    .split('\n')
    .map((line) => {
      const indent = /^\s*/.exec(line)![0];
      return indent + translateLine(line.slice(indent.length)).text;
    })
    .join('\n');
}
