/** The workbench's words, by language (for the build and the import worker; each page's script loads one language only). */
import { TEXT_EN } from './text.en.ts';
import { TEXT_ZH, type Text } from './text.zh.ts';

export type Lang = 'zh' | 'en';
export type { Text };
export const TEXT: Record<Lang, Text> = { zh: TEXT_ZH, en: TEXT_EN };
