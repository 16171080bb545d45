/** Runs an analysis request on a fresh worker: the result's promise, progress, and a cancel that stops the worker at once. */
import type { AnalysisOutcome, AnalysisRequest, WorkerMessage } from './analysis.ts';

export interface Job {
  readonly result: Promise<AnalysisOutcome>;
  readonly cancel: () => void;
}

export class CancelledError extends Error {
  constructor() {
    super('the analysis was cancelled');
    this.name = 'CancelledError';
  }
}

/** `makeWorker` gives a new worker (a Web Worker in the page; a stand-in in tests). */
export function startJob(makeWorker: () => Worker, request: AnalysisRequest, onProgress: (done: number, total: number) => void): Job {
  const worker = makeWorker();
  let settle: { resolve: (o: AnalysisOutcome) => void; reject: (e: Error) => void } | undefined;
  const result = new Promise<AnalysisOutcome>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = () => {
    worker.terminate();
    settle = undefined;
  };
  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    const m = event.data;
    if (m.type === 'nominal') return;
    if (m.type === 'progress') onProgress(m.done, m.total);
    else if (m.type === 'result') {
      settle?.resolve(m.outcome);
      finish();
    } else {
      settle?.reject(new Error(m.message));
      finish();
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    settle?.reject(new Error(event.message || 'the analysis worker failed'));
    finish();
  };
  worker.postMessage(request);
  return {
    result,
    cancel: () => {
      settle?.reject(new CancelledError());
      finish();
    },
  };
}
