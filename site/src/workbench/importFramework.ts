/**
 * Importing a framework file into the workbench: the one place the browser
 * validates (a user's file cannot be validated at build time). It runs in
 * the import worker (scripts/import.worker.ts), so the page carries no zod.
 */
import { ValidationError, frameworkFromDocument, frameworkFromJson, type AggregateNode, type Framework, type FrameworkDocument } from '@pingan/core';
import { config as zodConfig } from 'zod/mini';
import type { $ZodErrorMap as ZodErrorMap } from 'zod/v4/core';
import { judgementsOf } from './model/ahp.ts';
import { contextOf, roundWeight, type WorkbenchState } from './model/state.ts';
import { IMPORT_TEXT, TEXT, type ImportText, type Lang } from './text.ts';

/** What the page sends: the official framework's document (validated at build time), the file's text, the language. */
export interface ImportRequest {
  readonly official: FrameworkDocument;
  readonly text: string;
  readonly lang: Lang;
}

export type ImportOutcome = { ok: true; state: Omit<WorkbenchState, 'month' | 'compare'> } | { ok: false; problems: string[] };

/** The settings of a framework file, when it has the workbench's structure; every problem otherwise. */
export function importFramework({ official, text, lang }: ImportRequest): ImportOutcome {
  const t = TEXT[lang];
  const w = IMPORT_TEXT[lang];
  const ctx = contextOf(frameworkFromDocument(official), [], []);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [w.notJson(jsonWhere(w, text, (error as Error).message))] };
  }
  let imported: Framework;
  // Zod's own messages in the page's language, for this call only (core sets zod's English ones when it loads).
  const before = zodConfig().localeError;
  zodConfig({ localeError: zodMessage(w) as ZodErrorMap });
  try {
    imported = frameworkFromJson(input);
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, problems: error.issues.map((i) => `${i.path === '(framework)' ? w.root : i.path}: ${w.core(i.message)}`) };
    return { ok: false, problems: [(error as Error).message] };
  } finally {
    zodConfig({ localeError: before });
  }
  const fw = ctx.framework;
  const problems: string[] = [];
  for (const node of fw.nodes) {
    const other = imported.byCode.get(node.code);
    if (!other) problems.push(`${node.code}: ${t.missingNode}`);
    else if (other.parent !== node.parent) problems.push(`${node.code}: ${w.parentDiffers(String(other.parent), String(node.parent))}`);
  }
  for (const node of imported.nodes) if (!fw.byCode.has(node.code)) problems.push(`${node.code}: ${t.extraNode}`);
  const aggregations = new Set(imported.nodes.flatMap((n) => (n.type === 'aggregate' ? [n.aggregation.method] : [])));
  for (const m of aggregations) if (m !== 'arithmetic' && m !== 'geometric') problems.push(t.unsupportedAgg(m));
  const weights: Record<string, number> = {};
  for (const node of imported.nodes) {
    if (node.parent === null || !fw.byCode.has(node.code)) continue;
    // An official weight is kept exactly (a framework's own AHP weights have more digits than the address keeps); another is rounded as the controls round it.
    const w = node.weight === fw.byCode.get(node.code)!.weight ? node.weight : roundWeight(node.weight);
    if (w === null) problems.push(`${node.code}: ${t.invalidWeight(0.001, 1000)} (${node.weight})`);
    else weights[node.code] = w;
  }
  if (problems.length) return { ok: false, problems: [t.mismatch, ...problems] };
  const root = imported.byCode.get(ctx.ahpNode) as AggregateNode;
  const ahpOrderMatches = root.weighting.method === 'ahp' && root.weighting.order.join() === ctx.ahpOrder.join();
  const matrix = ahpOrderMatches && root.weighting.method === 'ahp' ? root.weighting.matrix : ctx.ahpOrder.map((a) => ctx.ahpOrder.map((b) => imported.byCode.get(a)!.weight / imported.byCode.get(b)!.weight));
  const minmax = imported.nodes.every((n) => n.type !== 'indicator' || n.normalisation.method === 'minMax');
  return {
    ok: true,
    state: {
      weights,
      ahp: judgementsOf(matrix, ctx.ahpOrder.length),
      ahpApplied: ahpOrderMatches,
      normalisation: minmax ? 'minmax' : 'framework',
      aggregation: aggregations.has('geometric') ? 'geometric' : 'arithmetic',
    },
  };
}

/** What zod hands its message maps: an issue's kind and the details that kind carries. */
interface ZodIssueInput {
  readonly code: string;
  readonly input?: unknown;
  readonly expected?: string;
  readonly keys?: readonly string[];
  readonly values?: readonly unknown[];
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly inclusive?: boolean;
}

/** Zod's issue kinds (the messages its schemas do not set themselves) in the import's words. */
function zodMessage(w: ImportText) {
  const type = (t: string) => w.types[t] ?? t;
  const typeOf = (x: unknown) => (x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x);
  return (issue: ZodIssueInput): string => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined ? w.missing : w.wrongType(type(issue.expected ?? ''), type(typeOf(issue.input)));
      case 'unrecognized_keys':
        return w.unknownKeys((issue.keys ?? []).map((k) => `"${k}"`).join(', '));
      case 'invalid_value':
        return w.oneOf((issue.values ?? []).map((v) => JSON.stringify(v)).join(w.or));
      case 'too_small':
        if (issue.origin === 'string' && Number(issue.minimum) === 1) return w.empty;
        return issue.origin === 'array' ? w.fewer(String(issue.minimum)) : w.atLeast(String(issue.minimum), issue.inclusive ?? true);
      case 'too_big':
        return issue.origin === 'array' ? w.more(String(issue.maximum)) : w.atMost(String(issue.maximum), issue.inclusive ?? true);
      case 'invalid_format':
        return w.badFormat;
      default:
        return w.invalid;
    }
  };
}

/** Where JSON.parse stopped, in the import's words (from the engine's message, whose wording differs between browsers). */
function jsonWhere(w: ImportText, text: string, message: string): string {
  const lineColumn = /line (\d+) column (\d+)/i.exec(message);
  if (lineColumn) return w.jsonAt(Number(lineColumn[1]), Number(lineColumn[2]));
  const position = /position (\d+)/i.exec(message);
  if (position) {
    const before = text.slice(0, Number(position[1])).split('\n');
    return w.jsonAt(before.length, before.at(-1)!.length + 1);
  }
  if (/end of (JSON )?(input|data)/i.test(message) || text.trim() === '') return w.jsonEnd;
  const token = /unexpected token '(.+?)'/i.exec(message) ?? /unexpected (?:identifier|character) "?(.+?)"?$/i.exec(message);
  return token ? w.jsonToken(token[1]) : w.jsonOther;
}
