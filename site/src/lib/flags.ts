/**
 * The notes a published value can carry, in the order a reader needs them,
 * with their words in both languages. The release files carry the flag names
 * of @pingan/core (estimated, provisional, imputed); the site shows each one
 * beside the value it qualifies and explains them in a legend.
 */
import type { Lang } from './i18n.ts';
import { siteFacts, type SiteFacts } from './publication.ts';

export interface FlagNote {
  flag: string;
  /** The word shown beside a value where there is room (headline, cards). */
  label: Record<Lang, string>;
  /** The one-character mark shown beside a value in a dense table, explained by the legend. */
  mark: Record<Lang, string>;
  /** The legend's explanation. */
  meaning: Record<Lang, string>;
}

/** The notes, with this index's survey carry-forward filled in (the framework's `imputation.maxAge`). */
export function flagNotes(f: Pick<SiteFacts, 'surveys' | 'flagLabels'> & Partial<Pick<SiteFacts, 'periods'>>): readonly FlagNote[] {
  const carried = f.surveys.carried;
  // A quarterly index's notes speak of quarters.
  const q = f.periods === 'quarterly';
  // The configuration's own words for the input flags it uses, where it gives them.
  const label = (flag: string, fallback: Record<Lang, string>) => f.flagLabels[flag] ?? fallback;
  return [
  {
    flag: 'provisional',
    mark: { zh: '初', en: 'p' },
    label: label('provisional', { zh: '初步', en: 'provisional' }),
    meaning: q
      ? { zh: '含初步数据，下季度可能修订。', en: 'Includes provisional data that may be revised next quarter.' }
      : { zh: '含初步数据，下月可能修订。', en: 'Includes provisional data that may be revised next month.' },
  },
  {
    flag: 'estimated',
    mark: { zh: '估', en: 'e' },
    label: label('estimated', { zh: '估计', en: 'estimated' }),
    meaning: { zh: '含报送单位的估计数，实际数到达后替换。', en: 'Includes an estimate by the reporting body, replaced when the actual figure arrives.' },
  },
  {
    flag: 'imputed',
    mark: { zh: '沿', en: 's' },
    label: { zh: '沿用上期调查', en: 'survey carried forward' },
    meaning: q ? {
      zh: `本季度没有进行调查，沿用最近一次调查的结果${carried > 0 ? `（最多${carried}个季度）` : ''}；因此其环比为 0 并不表示调查结果没有变化。`,
      en: `No survey was held this quarter: the latest survey is carried forward${carried > 0 ? ` (for at most ${carried} quarter${carried === 1 ? '' : 's'})` : ''}, so a quarter-on-quarter change of 0 does not mean the survey’s result held steady.`,
    } : {
      zh: `本月没有进行调查，沿用最近一次调查的结果${carried > 0 ? `（最多${carried}个月）` : ''}；因此其环比为 0 并不表示调查结果没有变化。`,
      en: `No survey was held this month: the latest survey is carried forward${carried > 0 ? ` (for at most ${carried} month${carried === 1 ? '' : 's'})` : ''}, so a month-on-month change of 0 does not mean the survey’s result held steady.`,
    },
  },
  {
    flag: 'treated',
    mark: { zh: '离', en: 'o' },
    label: { zh: '已处理离群值', en: 'outlier treated' },
    meaning: { zh: '含按方法处理过的离群值。', en: 'Includes a value treated as an outlier by the method.' },
  },
  {
    flag: 'capped',
    mark: { zh: '顶', en: 'c' },
    label: { zh: '得分封顶', en: 'score capped' },
    meaning: { zh: '发生率超出目标值范围，得分限定在0–100。', en: 'The rate lies beyond the goalposts; the score is held within 0–100.' },
  },
  ];
}

/** The notes for a value's flags, in legend order; flags the site has no words for are listed by name, never dropped. */
export function notesFor(flags: readonly string[], facts: Pick<SiteFacts, 'surveys' | 'flagLabels'> = siteFacts()): FlagNote[] {
  const notes = flagNotes(facts);
  const known = new Map(notes.map((n) => [n.flag, n]));
  const listed = notes.filter((n) => flags.includes(n.flag));
  const unknown = flags
    .filter((f) => !known.has(f))
    .map((f) => ({ flag: f, label: { zh: f, en: f }, mark: { zh: f, en: f }, meaning: { zh: f, en: f } }));
  return [...listed, ...unknown];
}

/** Every note used by any of these flag lists (for a page's legend). */
export function notesUsed(flagLists: readonly (readonly string[])[], facts: Pick<SiteFacts, 'surveys' | 'flagLabels'> = siteFacts()): FlagNote[] {
  return notesFor([...new Set(flagLists.flat())], facts);
}
