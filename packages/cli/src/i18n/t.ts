/**
 * Messages in the user's language with a tagged template:
 *
 *   t`no data for ${month}: the data covers ${first} to ${last}`
 *
 * The English text is the message itself; its static parts, joined with
 * numbered holes ("no data for {0}: the data covers {1} to {2}"), are the key
 * of its Chinese translation in zh.ts. A message without a translation falls
 * back to English, and a test finds every `t` in the source and requires a
 * translation, so a new message is one line in zh.ts beside the code that
 * uses it, and nothing else to register.
 *
 * Only what is printed is translated. Text written into release files
 * (notes, withdrawal reasons) stays English, so a release is byte-identical
 * whatever the locale of the machine that wrote it.
 */
import { currentLocale } from './locale.ts';
import { ZH } from './zh.ts';

/**
 * The catalog key of a template's static parts: the parts joined by `{0}`, `{1}`, ….
 *
 * @example
 * messageKey(['no data for ', ': the data covers ', ' to ', '']); // 'no data for {0}: the data covers {1} to {2}'
 */
export function messageKey(strings: readonly string[]): string {
  return strings.reduce((key, part, i) => (i === 0 ? part : `${key}{${i - 1}}${part}`), '');
}

/**
 * Fills a message's holes `{0}`, `{1}` … with the values.
 *
 * @example
 * fillMessage('{1} 中有 {0} 个问题', [3, 'data']); // 'data 中有 3 个问题'
 */
export function fillMessage(message: string, values: readonly unknown[]): string {
  return message.replace(/\{(\d+)\}/g, (hole, i: string) => (Number(i) < values.length ? String(values[Number(i)]) : hole));
}

/**
 * The message in the current locale (LC_ALL, LC_MESSAGES, LANG): its Chinese
 * translation from zh.ts when the locale is Chinese and one exists,
 * otherwise the English template as written.
 *
 * @example
 * t`unknown command "${name}"`; // 'unknown command "x"', or with LANG=zh_CN.UTF-8 '未知命令 "x"'
 */
export function t(strings: TemplateStringsArray, ...values: unknown[]): string {
  if (currentLocale() === 'zh') {
    const zh = ZH[messageKey(strings)];
    if (zh !== undefined) return fillMessage(zh, values);
  }
  return String.raw({ raw: strings }, ...values);
}

/**
 * Chooses between an English and a Chinese text by the current locale, for
 * text too long for a message key (the help pages).
 *
 * @example
 * localised({ en: 'Usage', zh: '用法' });
 */
export function localised(texts: { readonly en: string; readonly zh: string }): string {
  return currentLocale() === 'zh' ? texts.zh : texts.en;
}
