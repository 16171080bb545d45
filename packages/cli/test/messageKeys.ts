/**
 * The messages the CLI's catalogs must translate, found in the source with
 * TypeScript's parser: every t`…` and because`…` template of the CLI, and
 * every English message core gives its validation problems (the `message`
 * or `error` of a problem or zod check, in the folders whose problems the
 * CLI prints), each as its catalog key (see src/i18n/t.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { messageKey } from '../src/i18n/t.ts';

export interface FoundMessage {
  readonly key: string;
  readonly where: string;
}

const CLI_SRC = join(import.meta.dirname, '../src');
const CORE_SRC = join(import.meta.dirname, '../../core/src');
/** Core's folders whose problems the CLI prints: the framework, the publication configuration, observations, the release verification. */
export const CORE_MESSAGE_FOLDERS = ['framework', 'publication', 'data', 'release', 'uncertainty'] as const;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
}

function parse(dir: string, file: string) {
  return ts.createSourceFile(file, readFileSync(join(dir, file), 'utf8'), ts.ScriptTarget.Latest, true);
}

const keyOf = (template: ts.TemplateLiteral) => messageKey(ts.isNoSubstitutionTemplateLiteral(template) ? [template.text] : [template.head.text, ...template.templateSpans.map((s) => s.literal.text)]);

/** Every `tag`…`` template in the CLI's source. */
export function taggedMessages(tag: 't' | 'because'): FoundMessage[] {
  const out: FoundMessage[] = [];
  for (const file of sourceFiles(CLI_SRC)) {
    const source = parse(CLI_SRC, file);
    const visit = (node: ts.Node) => {
      if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === tag) {
        out.push({ key: keyOf(node.template), where: `src/${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

/** The English texts an expression can give: string literals and untagged templates, through ?:, arrow functions and parentheses. */
function texts(node: ts.Node): ts.Node[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) return [node];
  if (ts.isConditionalExpression(node)) return [...texts(node.whenTrue), ...texts(node.whenFalse)];
  if (ts.isParenthesizedExpression(node)) return texts(node.expression);
  if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) return texts(node.body);
  return [];
}

/** Every problem message of core's folders that the CLI prints. */
export function coreMessages(): FoundMessage[] {
  const out: FoundMessage[] = [];
  for (const folder of CORE_MESSAGE_FOLDERS) {
    const dir = join(CORE_SRC, folder);
    for (const file of sourceFiles(dir)) {
      const source = parse(dir, file);
      const visit = (node: ts.Node) => {
        if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && (node.name.text === 'message' || node.name.text === 'error')) {
          for (const text of texts(node.initializer)) {
            const key = ts.isStringLiteral(text) ? text.text : keyOf(text as ts.TemplateLiteral);
            out.push({ key, where: `core/src/${folder}/${file}:${source.getLineAndCharacterOfPosition(text.getStart()).line + 1}` });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return out;
}
