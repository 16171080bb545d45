/**
 * The CLI's messages in Chinese and English (src/i18n): every `t` message in
 * the source has a Chinese translation with the same holes, the catalog has
 * nothing no message uses, the help pages exist in both languages with the
 * same commands, options and examples, and LANG (LC_ALL, LC_MESSAGES) chooses.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMAND_HELP, MAIN_HELP } from '../src/help.ts';
import { COMMAND_HELP_ZH, MAIN_HELP_ZH } from '../src/help.zh.ts';
import { localeFromEnv, setLocale } from '../src/i18n/locale.ts';
import { fillMessage, messageKey, t } from '../src/i18n/t.ts';
import { ZH } from '../src/i18n/zh.ts';
import { localise } from '../src/i18n/reason.ts';
import { ZH_REASONS, ZH_ZOD } from '../src/i18n/zhReasons.ts';
import { cliWithLocale } from './helpers.ts';
import { coreMessages, taggedMessages } from './messageKeys.ts';

const messagesInSource = () => taggedMessages('t');

const holes = (text: string) => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();

const cli = cliWithLocale;

afterEach(() => setLocale(undefined));

describe('the message catalog', () => {
  const messages = messagesInSource();
  it('finds the messages in the source', () => {
    expect(messages.length).toBeGreaterThan(30);
  });
  it('has a Chinese translation of every message, with the same holes', () => {
    const missing = messages.filter((m) => ZH[m.key] === undefined).map((m) => `${m.where}: ${JSON.stringify(m.key)}`);
    expect(missing, 'messages without a translation in src/i18n/zh.ts').toEqual([]);
    const wrongHoles = Object.entries(ZH).filter(([key, zh]) => holes(zh).some((h) => !holes(key).includes(h)));
    expect(wrongHoles, 'translations with holes their message does not have').toEqual([]);
  });
  it('has no translation that no message uses', () => {
    const used = new Set(messages.map((m) => m.key));
    expect(Object.keys(ZH).filter((key) => !used.has(key))).toEqual([]);
  });
  it('keys a message by its static parts and fills the holes in the translation’s order', () => {
    expect(messageKey(['no data for ', ': the data covers ', ' to ', ''])).toBe('no data for {0}: the data covers {1} to {2}');
    expect(fillMessage('{1} 中有 {0} 个问题', [3, 'data'])).toBe('data 中有 3 个问题');
    const month = '2031-02';
    setLocale('en');
    expect(t`"${month}" is not a month (expected YYYY-MM)`).toBe('"2031-02" is not a month (expected YYYY-MM)');
    setLocale('zh');
    expect(t`"${month}" is not a month (expected YYYY-MM)`).toBe(fillMessage(ZH['"{0}" is not a month (expected YYYY-MM)'], [month]));
    expect(t`"${month}" is not a month (expected YYYY-MM)`).toMatch(/^"2031-02" 不是/);
  });
});

describe('the catalog of reasons (printed translated, kept in English in files)', () => {
  const found = [...taggedMessages('because'), ...coreMessages()];
  it('finds the CLI’s reasons and core’s problem messages', () => {
    expect(taggedMessages('because').length).toBeGreaterThan(60);
    expect(coreMessages().length).toBeGreaterThan(60);
  });
  it('has a Chinese translation of every reason, with the same holes', () => {
    const missing = found.filter((m) => ZH_REASONS[m.key] === undefined).map((m) => `${m.where}: ${JSON.stringify(m.key)}`);
    expect(missing, 'reasons without a translation in src/i18n/zhReasons.ts').toEqual([]);
    const wrongHoles = Object.entries({ ...ZH_REASONS, ...ZH_ZOD }).filter(([key, zh]) => holes(zh).some((h) => !holes(key).includes(h)));
    expect(wrongHoles, 'translations with holes their reason does not have').toEqual([]);
  });
  it('has no translation that no reason uses, and zod’s still appear in zod’s English locale', () => {
    const used = new Set(found.map((m) => m.key));
    expect(Object.keys(ZH_REASONS).filter((key) => !used.has(key))).toEqual([]);
    const zodLocale = readFileSync(createRequire(createRequire(import.meta.url).resolve('@pingan/core')).resolve('zod/v4/locales/en.js'), 'utf8');
    const absent = Object.keys(ZH_ZOD).filter((key) => !key.split(/\{\d\}/).every((part) => zodLocale.includes(part)));
    expect(absent).toEqual([]);
  });
  it('translates each reason by its own template: every key, filled with values, comes back as its translation', () => {
    const wrong = Object.entries({ ...ZH_REASONS, ...ZH_ZOD }).flatMap(([key, zh]) => {
      const values = holes(key).map((h) => `V${h.slice(1, -1)}`);
      const english = fillMessage(key, values);
      const expected = fillMessage(zh, values);
      return localise(english, 'zh') === expected ? [] : [`${english} → ${localise(english, 'zh')} (expected ${expected})`];
    });
    expect(wrong).toEqual([]);
  });
  it('translates nested reasons and keeps English, values and unknown text as they are', () => {
    expect(localise('nodes[2] (theft).weight: weight must be a positive number', 'zh')).toBe('nodes[2] (theft).weight：权重应为正数');
    expect(localise('duplicate region 430302 (first at line 3) (--strict)', 'zh')).toBe('重复的地区 430302（第一次出现在第 3 行）（--strict）');
    expect(localise('duplicate region 430302 (first at line 3)', 'en')).toBe('duplicate region 430302 (first at line 3)');
    expect(localise('"not a template"', 'zh')).toBe('"not a template"');
    expect(localise('the data has 2 problems:\n  file not found', 'zh')).toBe('the data has 2 problems:\n  找不到文件');
  });
});

describe('the language', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG, like the bin’s Node version check', () => {
    const { localeOf } = createRequire(import.meta.url)('../bin/nodeVersion.cjs') as { localeOf: (env: Record<string, string>) => string };
    const envs: Record<string, string>[] = [
      {},
      { LANG: 'zh_CN.UTF-8' },
      { LANG: 'C.UTF-8' },
      { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' },
      { LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' },
      { LC_ALL: '', LANG: 'zh_TW.Big5' },
      { LC_ALL: 'zh_CN.GB18030', LANG: 'en_GB.UTF-8' },
    ];
    const expected = ['en', 'zh', 'en', 'en', 'zh', 'zh', 'zh'];
    expect(envs.map((env) => localeFromEnv(env))).toEqual(expected);
    expect(envs.map((env) => localeOf(env))).toEqual(expected);
  });
  it('of usage errors and help', () => {
    const en = cli(['compute', '2025-13'], { LANG: 'en_US.UTF-8' });
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('pingan: "2025-13" is not a month (expected YYYY-MM)\n');
    const zh = cli(['compute', '2025-13'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(`pingan: ${fillMessage(ZH['"{0}" is not a month (expected YYYY-MM)'], ['2025-13'])}\n`);
    expect(cli(['--nope'], { LANG: 'zh_CN.UTF-8' }).stderr).toContain('未知选项 "--nope"');
    expect(cli(['--help'], { LANG: 'zh_CN.UTF-8' }).stdout).toBe(MAIN_HELP_ZH);
    expect(cli(['--help'], { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }).stdout).toBe(MAIN_HELP);
    expect(cli(['help', 'release'], { LC_MESSAGES: 'zh_CN.UTF-8' }).stdout).toBe(COMMAND_HELP_ZH.release);
  });
});

describe('the help pages', () => {
  const pages: [string, string, string][] = [['pingan', MAIN_HELP, MAIN_HELP_ZH], ...Object.keys(COMMAND_HELP).map((c): [string, string, string] => [c, COMMAND_HELP[c], COMMAND_HELP_ZH[c]])];
  it('exist in Chinese for every command', () => {
    expect(Object.keys(COMMAND_HELP_ZH).sort()).toEqual(Object.keys(COMMAND_HELP).sort());
  });
  for (const [name, en, zh] of pages) {
    it(`${name}: show examples, and name the same commands and options in both languages`, () => {
      const examples = (text: string, heading: string) => {
        const block = text.split(`\n${heading}\n`)[1]?.split('\n\n')[0] ?? '';
        return block.split('\n').map((line) => line.trim().split(/\s{2,}/)[0]);
      };
      expect(examples(en, 'Examples:').length).toBeGreaterThanOrEqual(2);
      // The same example command lines (the explanations differ), apart from the line that switches language.
      expect(examples(zh, '示例：').filter((l) => !l.startsWith('LANG='))).toEqual(examples(en, 'Examples:').filter((l) => !l.startsWith('LANG=')));
      const options = (text: string) => [...new Set(text.match(/--[a-z][a-z-]*/g) ?? [])].sort();
      expect(options(zh)).toEqual(options(en));
      const commands = (text: string) => [...new Set(text.match(/pingan [a-z]+/g) ?? [])].sort();
      expect(commands(zh)).toEqual(commands(en));
    });
  }
});
