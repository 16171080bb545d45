/**
 * A tuned framework as a file: the workbench's settings written into the
 * official framework's document, under a new id and version that say it is
 * tuned, with a `tuned` record (core's `TuningSpec`): the official
 * framework's id, version and hash, the AHP judgements and every change.
 * `pingan compute --framework FILE` computes with it and says that it is
 * not the official framework.
 */
import { canonicalJson, frameworkToJson, sha256, type AggregateNode, type FrameworkDocument, type TuningSpec } from '@pingan/core';
import { ahpOf, tune, weightsInForce, type WorkbenchContext, type WorkbenchState } from './state.ts';
import { matrixOf } from './ahp.ts';

/** A weight as text, exactly as held (the shortest decimal that reads back as the same number), so an official weight is recorded as the framework has it. */
const weightText = (x: number) => String(x);

/** Every difference between the state's settings and the official framework, as `TuningSpec` changes. */
export function changesFrom(ctx: WorkbenchContext, state: WorkbenchState): TuningSpec['changes'] {
  const fw = ctx.framework;
  const changes: { path: string; official: string; tuned: string }[] = [];
  const weights = weightsInForce(ctx, state);
  const root = fw.byCode.get(ctx.ahpNode) as AggregateNode;
  const officialAhp = root.weighting.method === 'ahp';
  if (officialAhp && !state.ahpApplied) changes.push({ path: `nodes.${root.code}.weighting.method`, official: 'ahp', tuned: 'fixed' });
  if (state.ahpApplied) {
    const judgements = officialAhp ? matrixOf(state.ahp, ctx.ahpOrder.length) : null;
    const before = root.weighting.method === 'ahp' ? root.weighting.matrix : null;
    if (!officialAhp) changes.push({ path: `nodes.${root.code}.weighting.method`, official: root.weighting.method, tuned: 'ahp' });
    else if (judgements && before && canonicalJson(judgements) !== canonicalJson(before)) {
      changes.push({ path: `nodes.${root.code}.weighting.matrix`, official: canonicalJson(before), tuned: canonicalJson(judgements) });
    }
  }
  for (const node of fw.nodes) {
    if (node.parent !== null && weights[node.code] !== node.weight) {
      changes.push({ path: `nodes.${node.code}.weight`, official: weightText(node.weight), tuned: weightText(weights[node.code]) });
    }
  }
  if (state.normalisation === 'minmax') changes.push({ path: 'nodes.*.normalisation', official: 'each indicator’s own (goalposts)', tuned: 'minMax 1–100 over the panel' });
  const aggregations = new Set(fw.nodes.flatMap((n) => (n.type === 'aggregate' ? [n.aggregation.method] : [])));
  if ([...aggregations].some((m) => m !== state.aggregation)) changes.push({ path: 'nodes.*.aggregation.method', official: [...aggregations].join(', '), tuned: state.aggregation });
  return changes;
}

/**
 * The tuned framework's document: the official document with the state's
 * settings, id `<id>-tuned`, version `<version>+tuned.<8 hex digits of the
 * changes' hash>`, names that say "tuned, not official", and the `tuned`
 * record. With the AHP weights applied, the root keeps an AHP weighting
 * with the state's judgements, so the weights are derived as here.
 */
export function tunedDocument(ctx: WorkbenchContext, state: WorkbenchState, official: { sha256: string; address: string }): FrameworkDocument {
  const fw = ctx.framework;
  const doc = frameworkToJson(tune(ctx, state));
  const ahp = ahpOf(ctx, state);
  const matrix = matrixOf(state.ahp, ctx.ahpOrder.length);
  const changes = changesFrom(ctx, state);
  const ahpRecord = { node: ctx.ahpNode, order: [...ctx.ahpOrder], matrix, consistencyRatio: ahp.consistencyRatio, applied: state.ahpApplied };
  const digest = sha256(canonicalJson({ changes, ahp: ahpRecord })).slice(0, 8);
  const nodes = doc.nodes.map((node) =>
    node.code === ctx.ahpNode && node.type === 'aggregate' && state.ahpApplied
      ? { ...node, weighting: { method: 'ahp' as const, order: [...ctx.ahpOrder], matrix, allowInconsistent: ahp.consistencyRatio >= 0.1 } }
      : node,
  );
  return {
    ...doc,
    id: `${fw.id}-tuned`,
    version: `${fw.version}+tuned.${digest}`,
    name: { zh: `${fw.name.zh}（调整版，非正式）`, en: `${fw.name.en} (tuned, not official)` },
    nodes,
    tuned: {
      from: { id: fw.id, version: fw.version, sha256: official.sha256 },
      tool: `平安指数统计工作台 statistician's workbench ${official.address}`,
      ahp: ahpRecord,
      changes,
    },
  };
}

/**
 * The exported file's name: the official id and version, "tuned" once, and
 * the changes' digest (`xiangtan-pingan-tuned-2026.1-3acf07ba.json`; the
 * document's own id and version each say "tuned", so joining them said it twice).
 */
export function exportFileName(ctx: WorkbenchContext, doc: FrameworkDocument): string {
  const digest = doc.version.split('+tuned.')[1] ?? '';
  return `${ctx.framework.id}-tuned-${ctx.framework.version}${digest ? `-${digest}` : ''}.json`;
}
