/**
 * The workbench's words name the index's own areas and whole place: its text
 * dictionaries write `{areas}` (the areas under the whole place, "县市区" /
 * "districts") and `{whole}` / `{Whole}` (the whole place, "全市" / "the whole
 * city"), and the page fills them in from the shell, built from the
 * publication configuration. Functions keep their arguments; only their
 * result is filled in.
 */
export interface PlaceWords {
  areas: string;
  whole: string;
  /** A quarterly index (publication.json `"periods": "quarterly"`): the dictionaries' month words become quarter words. */
  quarterly?: boolean;
}

/** The dictionaries' month words and their quarter words, longest first (月份 before 月). */
const QUARTER_WORDS: readonly (readonly [string, string])[] = [
  ['个月', '个季度'],
  ['月份', '季度'],
  ['months', 'quarters'],
  ['month', 'quarter'],
];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function fill(s: string, words: PlaceWords): string {
  let out = s.replaceAll('{areas}', words.areas).replaceAll('{whole}', words.whole).replaceAll('{Whole}', capitalise(words.whole));
  if (words.quarterly) for (const [month, quarter] of QUARTER_WORDS) out = out.replaceAll(month, quarter);
  return out;
}

/** A text dictionary with every `{areas}`, `{whole}` and `{Whole}` filled in. */
export function withPlace<T extends object>(text: T, words: PlaceWords): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(text)) {
    if (typeof value === 'string') out[key] = fill(value, words);
    else if (typeof value === 'function') out[key] = (...args: unknown[]) => {
      const result: unknown = (value as (...a: unknown[]) => unknown)(...args);
      return typeof result === 'string' ? fill(result, words) : result;
    };
    else out[key] = value;
  }
  return out as T;
}
