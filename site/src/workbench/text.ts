/** The workbench's words, by language (for the build and the import worker; each page's script loads one language only). */
import { IMPORT_EN, TEXT_EN } from './text.en.ts';
import { IMPORT_ZH, TEXT_ZH, type ImportText, type Text } from './text.zh.ts';

export type Lang = 'zh' | 'en';
export type { ImportText, Text };
export const TEXT: Record<Lang, Text> = { zh: TEXT_ZH, en: TEXT_EN };
/** The words of an imported file's problems (the import worker's only). */
export const IMPORT_TEXT: Record<Lang, ImportText> = { zh: IMPORT_ZH, en: IMPORT_EN };
