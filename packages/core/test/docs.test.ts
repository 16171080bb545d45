/**
 * Every public function of @pingan/core has a doc comment with a worked
 * example (`@example`), as its README promises: read from the package's
 * entry points with the TypeScript compiler, so nothing exported is missed
 * (the root, and `./release`, which the root leaves out).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const entries = [resolve(here, '../src/index.ts'), resolve(here, '../src/entries/release.ts')];

function publicFunctions(): { name: string; file: string; documented: boolean; example: boolean }[] {
  return entries.flatMap((entry) => publicFunctionsOf(entry));
}

function publicFunctionsOf(entry: string): { name: string; file: string; documented: boolean; example: boolean }[] {
  const program = ts.createProgram([entry], { allowImportingTsExtensions: true, noEmit: true, module: ts.ModuleKind.NodeNext, target: ts.ScriptTarget.ES2023 });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`cannot read ${entry}`);
  const module = checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`${entry} is not a module`);
  const out: { name: string; file: string; documented: boolean; example: boolean }[] = [];
  for (const exported of checker.getExportsOfModule(module)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    for (const declaration of symbol.declarations ?? []) {
      if (!ts.isFunctionDeclaration(declaration)) continue;
      // Overloads: the doc comment sits on the first signature.
      if (!declaration.body && symbol.declarations?.some((d) => ts.isFunctionDeclaration(d) && d.body) && declaration !== symbol.declarations[0]) continue;
      const tags = ts.getJSDocTags(declaration);
      out.push({
        name: exported.name,
        file: declaration.getSourceFile().fileName.replace(/^.*\/src\//, 'src/'),
        documented: ts.getJSDocCommentsAndTags(declaration).length > 0,
        example: tags.some((tag) => tag.tagName.text === 'example'),
      });
      break;
    }
  }
  return out;
}

describe('the public API', () => {
  it('documents every exported function with a worked example', () => {
    const functions = publicFunctions();
    expect(functions.length).toBeGreaterThan(100);
    const missing = functions.filter((f) => !f.documented || !f.example).map((f) => `${f.name} (${f.file})`);
    expect(missing, 'exported functions without a doc comment and @example').toEqual([]);
  });
});
