/**
 * Importing a framework file into the workbench: the one place the browser
 * validates (a user's file cannot be validated at build time). It runs in
 * the import worker (scripts/import.worker.ts), so the page carries no zod.
 */
import { ValidationError, frameworkFromDocument, frameworkFromJson, type AggregateNode, type Framework, type FrameworkDocument } from '@pingan/core';
import { judgementsOf } from './model/ahp.ts';
import { contextOf, roundWeight, type WorkbenchState } from './model/state.ts';
import { TEXT, type Lang } from './text.ts';

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
  const ctx = contextOf(frameworkFromDocument(official), [], []);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [t.notJson + (error as Error).message] };
  }
  let imported: Framework;
  try {
    imported = frameworkFromJson(input);
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, problems: error.issues.map((i) => `${i.path}: ${i.message}`) };
    return { ok: false, problems: [(error as Error).message] };
  }
  const fw = ctx.framework;
  const problems: string[] = [];
  for (const node of fw.nodes) {
    const other = imported.byCode.get(node.code);
    if (!other) problems.push(`${node.code}: ${t.missingNode}`);
    else if (other.parent !== node.parent) problems.push(`${node.code}: parent ${String(other.parent)} ≠ ${String(node.parent)}`);
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
