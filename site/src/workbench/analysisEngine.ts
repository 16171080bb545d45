/**
 * What the workbench's analysis worker runs (see analysisWorker.ts, which
 * loads this module inside the worker only): the nominal index from the
 * fetched observations, and the uncertainty and Sobol' sensitivity analyses
 * with core's analyses. The framework arrives as the page's own Framework
 * object (a structured clone: its Map and nodes survive), so neither zod nor
 * the framework's checks are loaded.
 */
import { buildIndex, panelFromObservations, sensitivityAnalysis, uncertaintyAnalysis } from '@pingan/core';
import type { WorkbenchValues } from '../lib/workbench.ts';
import { observationsOf, runsOf, type AnalysisOutcome, type AnalysisRequest, type NominalRequest, type WorkerMessage } from './model/analysis.ts';
import { uncertainSetting } from './model/uncertainSetting.ts';

function run(request: AnalysisRequest, post: (message: WorkerMessage) => void): AnalysisOutcome {
  const { framework } = request;
  const nominal = buildIndex(framework, panelFromObservations(framework, request.observations));
  const settings = request.settings.map((s) => uncertainSetting(s, framework, request.officialNormalisation));
  const total = runsOf(request);
  // Progress about a hundred times per run, and at the end.
  const every = Math.max(1, Math.floor(total / 100));
  const onProgress = (done: number) => {
    if (done % every === 0 || done === total) post({ type: 'progress', done, total });
  };
  const common = { settings, n: request.n, seed: request.seed, rankAmong: request.rankAmong, onProgress };
  if (request.kind === 'uncertainty') return { kind: 'uncertainty', result: uncertaintyAnalysis(nominal, common) };
  return { kind: 'sensitivity', result: sensitivityAnalysis(nominal, { ...common, bootstrap: request.bootstrap }) };
}

/** The observations and the nominal index, built in the worker so that the page's main thread stays free. */
async function nominal(request: NominalRequest): Promise<WorkerMessage> {
  const res = await fetch(request.dataUrl);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const values = (await res.json()) as WorkbenchValues;
  const { framework } = request;
  const result = buildIndex(framework, panelFromObservations(framework, observationsOf(values)));
  return { type: 'nominal', values, nominal: { imputed: result.imputed, normalised: result.normalised, screening: [], aggregated: result.aggregated } };
}

/**
 * The answer to one request (`post` sends the progress messages before it).
 *
 * @example
 * // In the worker: scope.postMessage(await answer(event.data, (m) => scope.postMessage(m)));
 * await answer({ kind: 'nominal', framework, dataUrl }, () => {}); // { type: 'nominal', values, nominal }
 */
export async function answer(request: AnalysisRequest | NominalRequest, post: (message: WorkerMessage) => void): Promise<WorkerMessage> {
  if (request.kind === 'nominal') return nominal(request);
  return { type: 'result', outcome: run(request, post) };
}
