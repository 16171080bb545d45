/**
 * The workbench's analysis worker: uncertainty and Sobol' sensitivity
 * analyses off the main thread, with core's analyses. The framework arrives
 * as an already-validated document (see frameworkFromDocument), so this
 * bundle carries no zod. Cancelling terminates the worker.
 */
import { buildIndex, frameworkFromDocument, panelFromObservations, sensitivityAnalysis, uncertaintyAnalysis } from '@pingan/core';
import { runsOf, uncertainSetting, type AnalysisOutcome, type AnalysisRequest, type WorkerMessage } from '../workbench/model/analysis.ts';

interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;

function run(request: AnalysisRequest): AnalysisOutcome {
  const framework = frameworkFromDocument(request.framework);
  const nominal = buildIndex(framework, panelFromObservations(framework, request.observations));
  const settings = request.settings.map((s) => uncertainSetting(s, framework, request.officialNormalisation));
  const total = runsOf(request);
  // Progress about a hundred times per run, and at the end.
  const every = Math.max(1, Math.floor(total / 100));
  const onProgress = (done: number) => {
    if (done % every === 0 || done === total) scope.postMessage({ type: 'progress', done, total });
  };
  const common = { settings, n: request.n, seed: request.seed, rankAmong: request.rankAmong, onProgress };
  if (request.kind === 'uncertainty') return { kind: 'uncertainty', result: uncertaintyAnalysis(nominal, common) };
  return { kind: 'sensitivity', result: sensitivityAnalysis(nominal, { ...common, bootstrap: request.bootstrap }) };
}

scope.onmessage = (event) => {
  try {
    scope.postMessage({ type: 'result', outcome: run(event.data) });
  } catch (error) {
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
