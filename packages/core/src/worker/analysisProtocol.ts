import { PinganError } from '../errors/pinganError.ts';
import { panelFromObservations, type Observation } from '../data/observations.ts';
import { defineFramework, type Framework } from '../framework/defineFramework.ts';
import type { AggregationInput } from '../framework/methods.ts';
import type { FrameworkInput } from '../framework/schema.ts';
import { buildIndex } from '../pipeline/buildIndex.ts';
import type { SobolResult } from '../sensitivity/sobolIndices.ts';
import {
  aggregationSetting,
  noisyWeights,
  normalisationSetting,
  weightSetsSetting,
  winsorisationSetting,
  type NormalisationAlternative,
  type UncertainSetting,
} from '../uncertainty/settings.ts';
import { sensitivityAnalysis, uncertaintyAnalysis, type UncertaintyResult } from '../uncertainty/uncertaintyAnalysis.ts';

/** An uncertain setting in a form that can cross to a worker (plain JSON). */
export type SettingSpec =
  | { readonly kind: 'normalisation'; readonly name?: string; readonly alternatives: readonly NormalisationAlternative[] }
  | { readonly kind: 'aggregation'; readonly name?: string; readonly alternatives: readonly AggregationInput[] }
  | { readonly kind: 'winsorisation'; readonly name?: string; readonly winmax: readonly number[] }
  | { readonly kind: 'weightSets'; readonly name?: string; readonly sets: readonly Readonly<Record<string, number>>[] }
  | { readonly kind: 'noisyWeights'; readonly name?: string; readonly noise: number; readonly levels: readonly number[]; readonly samples: number; readonly seed?: number };

/** What to analyse: a framework, raw observations and the settings to vary. */
export interface AnalysisRequest {
  readonly kind: 'uncertainty' | 'sensitivity';
  readonly framework: FrameworkInput;
  readonly observations: readonly Observation[];
  readonly settings: readonly SettingSpec[];
  /** Monte Carlo runs (uncertainty), or the base sample size N (sensitivity: N × (k + 2) runs). */
  readonly n: number;
  readonly bootstrap?: number;
  readonly seed?: number;
  /** The output studied (default: the index). */
  readonly code?: string;
}

export type AnalysisResult =
  | { readonly kind: 'uncertainty'; readonly settings: readonly string[]; readonly result: UncertaintyResult }
  | { readonly kind: 'sensitivity'; readonly settings: readonly string[]; readonly result: SobolResult };

/** Messages a worker sends back. */
export type AnalysisMessage =
  | { readonly id: number; readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly id: number; readonly type: 'result'; readonly result: AnalysisResult }
  | { readonly id: number; readonly type: 'error'; readonly message: string };

/**
 * An uncertain setting from its JSON description.
 *
 * @example
 * settingFromSpec({ kind: 'aggregation', alternatives: [{ method: 'arithmetic' }, { method: 'geometric' }] }, fw).levels; // 2
 */
export function settingFromSpec(spec: SettingSpec, framework: Framework): UncertainSetting {
  switch (spec.kind) {
    case 'normalisation':
      return normalisationSetting(spec.alternatives, spec.name);
    case 'aggregation':
      return aggregationSetting(spec.alternatives, spec.name);
    case 'winsorisation':
      return winsorisationSetting(spec.winmax, spec.name);
    case 'weightSets':
      return weightSetsSetting(spec.sets, spec.name);
    case 'noisyWeights':
      return weightSetsSetting(noisyWeights(framework, spec), spec.name ?? 'weights');
  }
}

/**
 * Runs an uncertainty or sensitivity analysis described in plain JSON, as a
 * worker does: the same function serves a Web Worker, a Node worker thread
 * and a direct call.
 *
 * @example
 * runAnalysis({ kind: 'uncertainty', framework: doc, observations, n: 100, settings: [{ kind: 'aggregation', alternatives: [{ method: 'arithmetic' }, { method: 'geometric' }] }] });
 */
export function runAnalysis(
  request: AnalysisRequest,
  options: { onProgress?: (done: number, total: number) => void; signal?: { readonly aborted: boolean; readonly reason?: unknown } } = {},
): AnalysisResult {
  const problems = requestProblems(request);
  if (problems.length) throw new PinganError('invalid-argument', `runAnalysis: the request is not an AnalysisRequest: ${problems.join('; ')}`);
  const framework = defineFramework(request.framework);
  const nominal = buildIndex(framework, panelFromObservations(framework, request.observations));
  const settings = request.settings.map((spec) => settingFromSpec(spec, framework));
  const names = settings.map((s) => s.name);
  const common = { settings, n: request.n, ...(request.seed !== undefined ? { seed: request.seed } : {}), ...(request.code ? { code: request.code } : {}), ...options };
  if (request.kind === 'uncertainty') return { kind: 'uncertainty', settings: names, result: uncertaintyAnalysis(nominal, common) };
  return { kind: 'sensitivity', settings: names, result: sensitivityAnalysis(nominal, { ...common, bootstrap: request.bootstrap ?? 100 }) };
}

/** What is wrong with a request's envelope, all at once (its framework and observations are validated when they are read). */
function requestProblems(request: unknown): string[] {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return [`expected an object, got ${describeValue(request)}`];
  const r = request as Record<string, unknown>;
  const problems: string[] = [];
  if (r.kind !== 'uncertainty' && r.kind !== 'sensitivity') problems.push(`kind must be "uncertainty" or "sensitivity", got ${describeValue(r.kind)}`);
  if (typeof r.framework !== 'object' || r.framework === null) problems.push(`framework must be a framework document, got ${describeValue(r.framework)}`);
  if (!Array.isArray(r.observations)) problems.push(`observations must be an array, got ${describeValue(r.observations)}`);
  if (!Array.isArray(r.settings)) problems.push(`settings must be an array, got ${describeValue(r.settings)}`);
  if (!(Number.isInteger(r.n) && (r.n as number) > 0)) problems.push(`n must be a positive integer, got ${describeValue(r.n)}`);
  return problems;
}

/** A value as a message shows it: a string quoted, an object by its kind, so "12" does not read as the number 12. */
const describeValue = (value: unknown): string =>
  value === undefined ? 'nothing' : typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? 'an array' : typeof value === 'object' && value !== null ? 'an object' : String(value);

/**
 * The message handler of an analysis worker. Give it the worker's way to post
 * messages; feed it each `{ id, request }` the worker receives. Progress is
 * posted at most every `progressEvery` runs (and at the end). Cancelling is
 * done by terminating the worker (see `startAnalysis`). A message of another
 * shape is answered with an error that says so (id −1 where it has no
 * numeric id), as is a request that is not an `AnalysisRequest`.
 *
 * @example
 * // in a Web Worker module:
 * const handle = analysisMessageHandler((message) => self.postMessage(message));
 * self.onmessage = (event) => handle(event.data);
 */
export function analysisMessageHandler(post: (message: AnalysisMessage) => void, progressEvery = 10): (data: { id: number; request: AnalysisRequest }) => void {
  return (data) => {
    // A message that is not `{ id, request }` (the request posted alone, say) is answered with what it should be, not a TypeError.
    const envelope = typeof data === 'object' && data !== null ? (data as Partial<{ id: unknown; request: unknown }>) : {};
    const id = typeof envelope.id === 'number' ? envelope.id : -1;
    if (typeof envelope.id !== 'number' || !('request' in envelope)) {
      post({ id, type: 'error', message: `an analysis worker takes messages { id, request } (a number and an AnalysisRequest), got ${describeValue(data)}${'kind' in envelope ? ' (a request without its envelope?)' : ''}` });
      return;
    }
    const request = envelope.request as AnalysisRequest;
    try {
      const result = runAnalysis(request, {
        onProgress: (done, total) => {
          if (done % progressEvery === 0 || done === total) post({ id, type: 'progress', done, total });
        },
      });
      post({ id, type: 'result', result });
    } catch (error) {
      post({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
}

/** The little a worker must offer: a Web Worker, or a Node worker thread through an adapter. */
export interface AnalysisWorker {
  postMessage(message: unknown): void;
  /** Registers the one listener for messages from the worker. */
  listen(listener: (message: AnalysisMessage) => void): void;
  terminate(): void;
}

/**
 * Starts an analysis on a worker: returns the result's promise and a
 * `cancel` that stops the worker at once (the promise then rejects).
 *
 * @example
 * const { result, cancel } = startAnalysis(worker, request, (done, total) => bar.update(done / total));
 */
export function startAnalysis(
  worker: AnalysisWorker,
  request: AnalysisRequest,
  onProgress?: (done: number, total: number) => void,
): { result: Promise<AnalysisResult>; cancel: () => void } {
  const id = 1;
  let settle: { resolve: (r: AnalysisResult) => void; reject: (e: Error) => void } | undefined;
  const result = new Promise<AnalysisResult>((resolve, reject) => {
    settle = { resolve, reject };
  });
  worker.listen((message) => {
    if (message.id !== id) return;
    if (message.type === 'progress') onProgress?.(message.done, message.total);
    else if (message.type === 'result') settle?.resolve(message.result);
    else settle?.reject(new Error(message.message));
  });
  worker.postMessage({ id, request });
  return {
    result,
    cancel: () => {
      worker.terminate();
      settle?.reject(new PinganError('cancelled', 'the analysis was cancelled'));
    },
  };
}
