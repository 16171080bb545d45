/**
 * The language of the CLI's messages: Chinese when the locale asks for it,
 * English otherwise. Like gettext, the first of LC_ALL, LC_MESSAGES and LANG
 * that is set and not empty decides; a value starting with "zh" (zh_CN.UTF-8,
 * zh_TW.GB18030, zh) means Chinese. bin/nodeVersion.cjs makes the same
 * choice for the one message printed before the CLI loads (a test keeps them equal).
 */
export type Locale = 'zh' | 'en';

/**
 * The locale an environment asks for.
 *
 * @example
 * localeFromEnv({ LANG: 'zh_CN.UTF-8' }); // 'zh'
 * localeFromEnv({ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }); // 'en'
 */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return /^zh/i.test(value) ? 'zh' : 'en';
  }
  return 'en';
}

let chosen: Locale | undefined;

/**
 * Fixes the locale (for tests and embedding programs); `undefined` goes back
 * to following the environment.
 *
 * @example
 * setLocale('zh');
 */
export function setLocale(locale: Locale | undefined): void {
  chosen = locale;
}

/**
 * The locale messages are written in now: the one `setLocale` fixed, or the process environment's.
 *
 * @example
 * currentLocale(); // 'en' unless LANG (LC_ALL, LC_MESSAGES) says zh…
 */
export function currentLocale(): Locale {
  return chosen ?? localeFromEnv(process.env);
}
