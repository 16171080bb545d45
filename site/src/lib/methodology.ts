/**
 * The methodology page's text, from one source: data/methodology/methodology.{zh,en}.md,
 * rendered at build time. Markdown by `marked`; formulas ($$…$$ and $…$) by
 * `temml` as MathML, which browsers lay out themselves, so the page needs no
 * script and no web font for them. The worked example's JSON block is where
 * the page puts the example computed by @pingan/core at build time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Marked, type TokenizerAndRendererExtension, type Tokens } from 'marked';
import temml from 'temml';
import { dataDir, frameworkFileName } from './framework.ts';
import type { Lang } from './i18n.ts';
import { markOtherLanguage } from './otherLanguage.ts';

/** Where the worked example computed at build time goes in the rendered text. */
export const WORKED_EXAMPLE_MARK = '<!--pingan:worked-example-->';

/*
 * The page's Content-Security-Policy allows no inline style, so temml's few
 * style attributes become classes defined in site.css. A formula that needs
 * another style stops the build with its name, rather than render wrongly.
 */
const STYLE_CLASSES: Record<string, string> = {
  'display:block math;': 'tml-block',
  'padding-left:0em;padding-right:0em;': 'tml-pad-0-0',
  'padding-left:1em;padding-right:0em;': 'tml-pad-1-0',
  'padding-left:0em;padding-right:1em;': 'tml-pad-0-1',
  'padding-left:1em;padding-right:1em;': 'tml-pad-1-1',
};

/** A TeX formula as MathML, with temml's inline styles turned into classes. */
export function formulaToMathML(tex: string, display: boolean, where: string): string {
  let html: string;
  try {
    html = temml.renderToString(tex, { displayMode: display, throwOnError: true, annotate: true });
  } catch (error) {
    throw new Error(`pingan site: ${where}: the formula ${JSON.stringify(tex)} does not render: ${(error as Error).message}`, { cause: error });
  }
  return html.replace(/<(\w+)([^>]*?) style="([^"]*)"([^>]*)>/g, (_, tag: string, before: string, style: string, after: string) => {
    const cls = STYLE_CLASSES[style];
    if (!cls) throw new Error(`pingan site: ${where}: the formula ${JSON.stringify(tex)} needs the style "${style}"; add a class for it to STYLE_CLASSES and site.css`);
    const attrs = `${before}${after}`;
    return /\sclass="/.test(attrs) ? `<${tag}${attrs.replace(/\sclass="([^"]*)"/, ` class="$1 ${cls}"`)}>` : `<${tag}${attrs} class="${cls}">`;
  });
}

/**
 * Put on the line before a heading of the methodology document, it marks the section that explains the
 * intervals and verdicts: the verdict rule beside each month's changes links to it (by its number, when its
 * heading starts with one). A document without it is linked as a whole.
 */
export const INTERVALS_MARK = '<!--pingan:intervals-->';

/** A section of the methodology page: its anchor, its heading's text, and its number where the heading starts with one ("9. …"). */
export interface MethodologySection {
  id: string;
  title: string;
  number: string | null;
}

export interface MethodologyText {
  /** The document's first heading (the page's h1). */
  title: string;
  /** The rendered text before and after the worked example's place (after is empty when there is none). */
  before: string;
  after: string;
  hasWorkedExample: boolean;
  /** The section marked with INTERVALS_MARK (null: none is). */
  intervals: MethodologySection | null;
  /** The document's second-level sections in order, for the page's contents. */
  contents: readonly { id: string; title: string }[];
  file: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
/** A rendered heading's plain text (the page escapes it again): its tags dropped and the entities marked writes decoded. */
const headingText = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]).trim();

/** Whether the data folder has a methodology document in this language (an index may publish without one: the page then shows what the framework says). */
export function hasMethodology(lang: Lang): boolean {
  return existsSync(join(dataDir(), 'methodology', `methodology.${lang}.md`));
}

// The last rendering of each language's document, by its source: every month's page asks for its intervals section.
const rendered = new Map<string, { source: string; text: MethodologyText }>();

/**
 * The section of the methodology that explains the intervals and verdicts (marked with INTERVALS_MARK), or
 * null where the data folder has no methodology document in this language or it marks none.
 */
export function intervalsSection(lang: Lang): MethodologySection | null {
  return hasMethodology(lang) ? methodologyText(lang).intervals : null;
}

/** A cell's plain text, for a label: a formula's TeX annotation dropped, then its tags. */
const cellText = (html: string) => headingText(html.replace(/<annotation\b[\s\S]*?<\/annotation>/g, ''));

/**
 * A table of this many columns or more is too wide for a tablet's text column too (the framework's
 * nine need about 57rem): it reads as cards up to 60rem (site.css, `table.wide-table`), not only on a phone.
 * A narrower one stays a table there (the worked example's seven fit from about 46rem; as cards they
 * would be six times as long).
 */
const WIDE_COLUMNS = 8;

/**
 * A table of the document made to read as cards on a phone (site.css, `table.reflow`): each body
 * cell carries its column's header as `data-label`, which a card shows before its value. A first
 * cell left empty under a filled one (a group named on its first row only, as the framework's
 * table does) repeats the one above on a card only (`card-only`): a card stands alone, without the
 * row above it, where a table's rows read as one.
 */
function reflowTable(table: string): string {
  const head = /<thead>([\s\S]*?)<\/thead>/.exec(table)?.[1] ?? '';
  const headers = [...head.matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g)].map((m) => cellText(m[1]));
  let above = '';
  return table
    .replace('<table>', `<table class="reflow doc-table${headers.length >= WIDE_COLUMNS ? ' wide-table' : ''}">`)
    .replace(/<tbody>[\s\S]*?<\/tbody>/, (body) =>
      body.replace(/<tr>[\s\S]*?<\/tr>/g, (row) => {
        let column = 0;
        // A cell's content in one span: on a card the cell is a flex row of its label and its value, and a value of
        // several pieces (words, then a code) would otherwise be spread across the card as several items.
        return row.replace(/<td\b([^>]*)>([\s\S]*?)<\/td>/g, (_, attributes: string, content: string) => {
          const first = column === 0;
          const label = `data-label="${escapeHtml(headers[column++] ?? '')}"`;
          if (content.trim() !== '') {
            if (first) above = content;
            return `<td${attributes} ${label}><span>${content}</span></td>`;
          }
          return first && above !== '' ? `<td${attributes} ${label}><span class="card-only">${above}</span></td>` : `<td${attributes} ${label}></td>`;
        });
      }),
    );
}

/** Renders the methodology document of a language. */
export function methodologyText(lang: Lang): MethodologyText {
  const name = `methodology.${lang}.md`;
  const file = join(dataDir(), 'methodology', name);
  if (!existsSync(file)) throw new Error(`pingan site: no methodology document at ${file}`);
  const source = readFileSync(file, 'utf8');
  const kept = rendered.get(file);
  if (kept?.source === source) return kept.text;
  const text = renderMethodology(source, lang, name);
  rendered.set(file, { source, text });
  return text;
}

function renderMethodology(source: string, lang: Lang, name: string): MethodologyText {
  const where = `data/methodology/${name}`;
  // Code spans that name a published file link to it.
  const frameworkFile = frameworkFileName();
  const links: Record<string, string> = {
    [`data/framework/${frameworkFile}`]: `/downloads/framework/${frameworkFile}`,
    [`framework/${frameworkFile}`]: `/downloads/framework/${frameworkFile}`,
    'methodology.zh.md': '/methodology/',
    'methodology.en.md': '/en/methodology/',
  };
  let formulas = 0;
  const mathBlock: TokenizerAndRendererExtension = {
    name: 'mathBlock',
    level: 'block',
    start: (src) => src.match(/^\$\$/m)?.index,
    tokenizer(src) {
      const m = /^\$\$([\s\S]+?)\$\$[ \t]*(?:\n|$)/.exec(src);
      return m ? { type: 'mathBlock', raw: m[0], text: m[1].trim() } : undefined;
    },
    // A long formula scrolls within its box on a phone; the box takes focus so keyboard users can scroll it too.
    renderer: (token) => `<div class="formula" tabindex="0" role="region" aria-label="${lang === 'zh' ? '公式' : 'Formula'} ${++formulas}">${formulaToMathML(String(token.text), true, where)}</div>\n`,
  };
  const mathInline: TokenizerAndRendererExtension = {
    name: 'mathInline',
    level: 'inline',
    start: (src) => src.indexOf('$') >= 0 ? src.indexOf('$') : undefined,
    tokenizer(src) {
      const m = /^\$(?!\$)([^$\n]+?)\$/.exec(src);
      return m ? { type: 'mathInline', raw: m[0], text: m[1].trim() } : undefined;
    },
    renderer: (token) => formulaToMathML(String(token.text), false, where),
  };
  let tables = 0;
  const marked = new Marked({
    gfm: true,
    extensions: [mathBlock, mathInline],
    renderer: {
      code(token: Tokens.Code) {
        if (/\bworked-example\b/.test(token.lang ?? '')) return WORKED_EXAMPLE_MARK;
        // The noise example's record is for its test (scripts/methodology-noise.test.ts); its values are in the text around it.
        if (/\bnoise-example\b/.test(token.lang ?? '')) return '';
        return false;
      },
      codespan(token: Tokens.Codespan) {
        const target = links[token.text];
        return target ? `<a href="${target}"><code>${token.text}</code></a>` : false;
      },
    },
  });
  let html = marked.parse(source, { async: false });
  // The first h1 is the page's title; tables scroll in a focusable region on narrow screens (the page itself never does).
  const h1 = /<h1>([\s\S]*?)<\/h1>\n?/.exec(html);
  const title = h1 ? headingText(h1[1]) : name;
  if (h1) html = html.replace(h1[0], '');
  const label = lang === 'zh' ? '表' : 'Table';
  // Each table named by its number and the section it stands in (its region and, for a screen reader's list of tables, its caption).
  html = html
    .replace(/<table>/g, (_, offset: number, all: string) => {
      const heading = [...all.slice(0, offset).matchAll(/<h[23]>([\s\S]*?)<\/h[23]>/g)].at(-1);
      const name = `${label} ${++tables}${heading ? `${lang === 'zh' ? '：' : ': '}${headingText(heading[1])}` : ''}`;
      return `<div class="table-scroll" tabindex="0" role="region" aria-label="${escapeHtml(name)}"><table><caption class="visually-hidden">${escapeHtml(name)}</caption>`;
    })
    .replace(/<\/table>/g, '</table></div>');
  // A table whose corner header is empty is a matrix: the corner becomes a plain cell (no header is empty) and each row's first cell its row header.
  // Any other table reads as cards on a phone (class reflow: a card a row, each cell labelled by its column), not as a box scrolled sideways.
  html = html.replace(/<table>[\s\S]*?<\/table>/g, (table) => {
    if (!/<thead>\s*<tr>\s*<th(?:\s+align="\w+")?>\s*<\/th>/.test(table)) return reflowTable(table);
    return table
      .replace(/(<thead>\s*<tr>\s*)<th(?:\s+align="\w+")?>\s*<\/th>/, '$1<td></td>')
      .replace(/<tr>\s*<td(\s+align="\w+")?>([\s\S]*?)<\/td>/g, (row, _align: string | undefined, cell: string, offset: number, all: string) =>
        all.lastIndexOf('<tbody>', offset) > 0 ? `<tr>\n<th scope="row">${cell}</th>` : row,
      );
  });
  let section = 0;
  html = html.replace(/<h([23])>/g, (_, level: string) => `<h${level} id="s${++section}">`);
  const contents = [...html.matchAll(/<h2 id="(s\d+)">([\s\S]*?)<\/h2>/g)].map((m) => ({ id: m[1], title: headingText(m[2]) }));
  const marks = html.split(INTERVALS_MARK).length - 1;
  if (marks > 1) throw new Error(`pingan site: ${where} marks ${marks} sections with ${INTERVALS_MARK}; mark one`);
  let intervals: MethodologySection | null = null;
  if (marks === 1) {
    const found = new RegExp(`${INTERVALS_MARK}\\s*<h([23]) id="(s\\d+)">([\\s\\S]*?)</h\\1>`).exec(html);
    if (!found) throw new Error(`pingan site: ${where}: ${INTERVALS_MARK} must stand on the line before a heading (## or ###)`);
    const heading = headingText(found[3]);
    intervals = { id: found[2], title: heading, number: /^(\d+(?:\.\d+)*)\.?\s/.exec(heading)?.[1] ?? null };
    html = html.replace(INTERVALS_MARK, '');
  }
  // The other language's words in their own voice for a screen reader (the English page's Chinese names, the Chinese page's English terms).
  html = markOtherLanguage(html, lang);
  const [before, after = ''] = html.split(WORKED_EXAMPLE_MARK);
  return { title, before, after, hasWorkedExample: html.includes(WORKED_EXAMPLE_MARK), intervals, contents, file: where };
}
