/**
 * The workbench's analysis worker: uncertainty and Sobol' sensitivity
 * analyses off the main thread, with core's analyses. The framework arrives
 * as the page's own Framework object (a structured clone: its Map and nodes
 * survive), so this bundle carries neither zod nor the framework's checks.
 * Cancelling terminates the worker.
 */
import { buildIndex, panelFromObservations, sensitivityAnalysis, uncertaintyAnalysis } from '@pingan/core';
import type { WorkbenchValues } from '../lib/workbench.ts';
import { observationsOf, runsOf, uncertainSetting, type AnalysisOutcome, type AnalysisRequest, type NominalRequest, type WorkerMessage } from '../workbench/model/analysis.ts';

interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  onmessage: ((event: MessageEvent<AnalysisRequest | NominalRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;

function run(request: AnalysisRequest): AnalysisOutcome {
  const { framework } = request;
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

/** The observations and the nominal index, built here so that the page's main thread stays free. */
async function nominal(request: NominalRequest): Promise<WorkerMessage> {
  const res = await fetch(request.dataUrl);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const values = (await res.json()) as WorkbenchValues;
  const { framework } = request;
  const result = buildIndex(framework, panelFromObservations(framework, observationsOf(values)));
  return { type: 'nominal', values, nominal: { imputed: result.imputed, normalised: result.normalised, screening: [], aggregated: result.aggregated } };
}

scope.onmessage = async (event) => {
  try {
    const request = event.data;
    if (request.kind === 'nominal') scope.postMessage(await nominal(request));
    else scope.postMessage({ type: 'result', outcome: run(request) });
  } catch (error) {
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
