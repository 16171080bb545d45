/**
 * The methodology document's marked section on the intervals: found by its marker, named by its number (or its title), linked from the
 * verdict rule; a document without the marker (or a data folder without a document) is linked as a whole; a misplaced or doubled
 * marker stops the build with the file's name. On the repository's own data folder and on small folders written here.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INTERVALS_MARK, intervalsSection, methodologyText } from '../src/lib/methodology.ts';
import { methodologyPointer } from '../src/lib/uncertainty.ts';

const repositoryData = join(import.meta.dirname, '..', '..', 'data');
const saved = process.env.PINGAN_DATA_DIR;
const made: string[] = [];
afterEach(() => {
  if (saved === undefined) delete process.env.PINGAN_DATA_DIR;
  else process.env.PINGAN_DATA_DIR = saved;
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A data folder with the repository's framework and the given methodology documents (none: no methodology folder). */
function dataFolder(documents: Partial<Record<'zh' | 'en', string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pingan-methodology-'));
  made.push(dir);
  mkdirSync(join(dir, 'framework'));
  for (const name of readdirSync(join(repositoryData, 'framework'))) copyFileSync(join(repositoryData, 'framework', name), join(dir, 'framework', name));
  if (Object.keys(documents).length > 0) mkdirSync(join(dir, 'methodology'));
  for (const [lang, text] of Object.entries(documents)) writeFileSync(join(dir, 'methodology', `methodology.${lang}.md`), text);
  process.env.PINGAN_DATA_DIR = dir;
  return dir;
}

describe('the methodology section on the intervals', () => {
  it("is Xiangtan's section 9 in both languages, anchored where the page puts it, and the marker is not left in the page", () => {
    process.env.PINGAN_DATA_DIR = repositoryData;
    for (const [lang, start] of [['zh', '9. 变化是真的吗？'], ['en', '9. Is a change real?']] as const) {
      const section = intervalsSection(lang);
      expect(section?.number, lang).toBe('9');
      expect(section?.title.startsWith(start), lang).toBe(true);
      const page = methodologyText(lang);
      const html = page.before + page.after;
      expect(html).toContain(`<h2 id="${section!.id}">${start}`);
      expect(html).not.toContain(INTERVALS_MARK);
    }
    expect(methodologyPointer('zh', intervalsSection('zh'))).toBe('方法说明第 9 节');
    expect(methodologyPointer('en', intervalsSection('en'))).toBe('section 9 of the methodology');
  });

  it('leaves no emphasis unrendered in either language (CommonMark does not close ** after a full-width bracket before a character)', () => {
    process.env.PINGAN_DATA_DIR = repositoryData;
    for (const lang of ['zh', 'en'] as const) {
      const page = methodologyText(lang);
      const text = (page.before + page.after).replace(/<pre[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>|<math[\s\S]*?<\/math>/g, '');
      expect(text.match(/.{0,20}\*\*.{0,20}/g), lang).toBeNull();
    }
  });

  it('leaves the noise example\'s record (a block for its test) out of the page, and the example\'s text in', () => {
    dataFolder({ en: '# Method\n\n## 1. Noise\n\nYuhu: 61.83 to 91.07.\n\n```json noise-example\n{ "homicide": { "exactInterval": ["61.83", "91.07"] } }\n```\n\nAfter.\n\n```json\n{ "shown": true }\n```\n' });
    const page = methodologyText('en');
    const html = page.before + page.after;
    expect(html).toContain('Yuhu: 61.83 to 91.07.');
    expect(html).toContain('After.');
    expect(html).not.toContain('exactInterval');
    // Any other code block is shown as written.
    expect(html).toContain('&quot;shown&quot;');
  });

  it('is named by its title where its heading has no number, and counts every second- and third-level heading for its anchor', () => {
    dataFolder({ en: `# Method\n\n## Scope\n\ntext\n\n### Data\n\ntext\n\n${INTERVALS_MARK}\n## Is a change *real*?\n\ntext\n` });
    const section = intervalsSection('en');
    expect(section).toEqual({ id: 's3', title: 'Is a change real?', number: null });
    expect(methodologyPointer('en', section)).toBe('“Is a change real?” in the methodology');
    expect(methodologyPointer('zh', { title: '变化是真的吗', number: null })).toBe('方法说明“变化是真的吗”一节');
  });

  it('is none where the document marks none or there is no document, and the pointer is then to the methodology as a whole', () => {
    dataFolder({ en: '# Method\n\n## 1. Scope\n\ntext\n' });
    expect(intervalsSection('en')).toBeNull();
    expect(intervalsSection('zh')).toBeNull();
    dataFolder({});
    expect(intervalsSection('en')).toBeNull();
    expect(methodologyPointer('en', null)).toBe('the methodology');
    expect(methodologyPointer('zh', null)).toBe('方法说明');
  });

  it("lists the document's second-level sections for the page's contents, in order, by their anchors (third-level ones not)", () => {
    dataFolder({ en: `# Method & "means"\n\n## 1. *Scope*\n\ntext\n\n### 1.1 Data\n\ntext\n\n## 2. Changes & "ranks"\n\ntext\n` });
    const page = methodologyText('en');
    // Plain text, which the page escapes once: not marked's entities.
    expect(page.title).toBe('Method & "means"');
    expect(page.contents).toEqual([
      { id: 's1', title: '1. Scope' },
      { id: 's3', title: '2. Changes & "ranks"' },
    ]);
    expect(page.before).toContain('<h2 id="s3">2. Changes &amp; &quot;ranks&quot;</h2>');
  });

  it('stops the build, naming the file, where the marker is not before a heading or marks two sections', () => {
    dataFolder({ en: `# Method\n\n${INTERVALS_MARK}\n\nA paragraph.\n\n## 1. Scope\n` });
    expect(() => intervalsSection('en')).toThrow(/data\/methodology\/methodology\.en\.md: <!--pingan:intervals--> must stand on the line before a heading/);
    dataFolder({ zh: `# 方法\n\n${INTERVALS_MARK}\n## 1. 范围\n\n${INTERVALS_MARK}\n## 2. 区间\n` });
    expect(() => intervalsSection('zh')).toThrow(/data\/methodology\/methodology\.zh\.md marks 2 sections with <!--pingan:intervals-->; mark one/);
  });
});

describe("the methodology's tables", () => {
  it('read as cards on a phone: each body cell labelled by its column (a formula by its text, not its TeX), its value in one piece; a matrix left a grid; eight columns or more, cards on a tablet too', () => {
    dataFolder({
      en:
        `# Method\n\n| Code | Weight & share | $r_{ref}$ |\n|---|---:|---|\n| homicide | 0.25 | 1 |\n| | 0.20 |  |\n\n|  | order | fire |\n|---|---|---|\n| order | 1 | 3 |\n| fire | 1/3 | 1 |\n\n` +
        `| a | b | c | d | e | f | g | h |\n|---|---|---|---|---|---|---|---|\n| Public order \`order\` (0.45) | 2 | 3 | 4 | 5 | 6 | 7 | 8 |\n\n` +
        `| a | b | c | d | e | f | g |\n|---|---|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 | 6 | 7 |\n`,
    });
    const html = methodologyText('en').before;
    const [table, matrix, wide, seven] = html.match(/<table[\s\S]*?<\/table>/g)!;
    expect(table).toMatch(/^<table class="reflow doc-table">/);
    expect(wide).toMatch(/^<table class="reflow doc-table wide-table">/);
    expect(seven).toMatch(/^<table class="reflow doc-table">/);
    // A value of several pieces (words, a code, words) is one span: one item on a card's flex row.
    expect(wide).toContain('<td data-label="a"><span>Public order <code>order</code> (0.45)</span></td>');
    const labels = [...table.matchAll(/<td[^>]*data-label="([^"]*)"[^>]*>(?:<span(?: class="([^"]*)")?>([^<]*)<\/span>)?<\/td>/g)].map((m) => [m[1], m[3] ?? '', m[2] ?? '']);
    expect(labels).toEqual([
      ['Code', 'homicide', ''],
      ['Weight &amp; share', '0.25', ''],
      ['rref', '1', ''],
      // A first cell left empty repeats the one above, on a card only; any other empty cell stays empty.
      ['Code', 'homicide', 'card-only'],
      ['Weight &amp; share', '0.20', ''],
      ['rref', '', ''],
    ]);
    // Each table is named by its number and the section it stands in, as its region and its caption.
    expect(html).toContain('<div class="table-scroll" tabindex="0" role="region" aria-label="Table 1"><table class="reflow doc-table"><caption class="visually-hidden">Table 1</caption>');
    // marked's alignment stays beside the label.
    expect(table).toContain('<td align="right" data-label="Weight &amp; share"><span>0.25</span></td>');
    dataFolder({ zh: `# 方法\n\n## 2. 指标体系\n\n| 代码 | 权重 |\n|---|---|\n| homicide | 0.25 |\n\n### 4.1 比率\n\n文字。\n\n| a | b |\n|---|---|\n| 1 | 2 |\n` });
    const named = methodologyText('zh').before;
    expect(named).toContain('aria-label="表 1：2. 指标体系"><table class="reflow doc-table"><caption class="visually-hidden">表 1：2. 指标体系</caption>');
    expect(named).toContain('<caption class="visually-hidden">表 2：4.1 比率</caption>');
    // The other language's words carry their own lang, for a screen reader's voice; code does not.
    dataFolder({ en: `# Method\n\n| Code | Indicator |\n|---|---|\n| \`homicide\` | ★Homicides 命案 |\n` });
    expect(methodologyText('en').before).toContain('<td data-label="Code"><span><code>homicide</code></span></td>\n<td data-label="Indicator"><span>★Homicides <span lang="zh-CN">命案</span></span></td>');
    expect(matrix).toMatch(/^<table>/);
    expect(matrix).not.toContain('data-label');
    expect(matrix).toContain('<th scope="row">fire</th>');
  });
});
