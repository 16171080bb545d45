/**
 * The workbench's analysis worker, started from the page's own code: the
 * worker runs this module's chunk (`import.meta.url`), which the page has
 * already loaded, and imports the analyses (analysisEngine.ts, a chunk of
 * its own) only inside the worker. A worker bundle of its own would carry a
 * second copy of every part of core the page already has (the scoring and
 * aggregation plans, the methods, normalisation and treatment): about 10 KB
 * gzipped more for a phone to load. Cancelling terminates the worker.
 */
import type { AnalysisRequest, NominalRequest, WorkerMessage } from './model/analysis.ts';

interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  onmessage: ((event: MessageEvent<AnalysisRequest | NominalRequest>) => void) | null;
}

/**
 * A new analysis worker; it answers each request with a `WorkerMessage`.
 *
 * @example
 * const worker = startAnalysisWorker();
 * worker.onmessage = (event) => console.log(event.data.type); // 'nominal'
 * worker.postMessage({ kind: 'nominal', framework, dataUrl });
 */
export function startAnalysisWorker(): Worker {
  return new Worker(import.meta.url, { type: 'module' });
}

// In a worker this chunk answers requests; on the page (and in the build's prerendering) it only defines startAnalysisWorker.
if ('WorkerGlobalScope' in globalThis) {
  const scope = self as unknown as WorkerScope;
  scope.onmessage = async (event) => {
    try {
      const { answer } = await import('./analysisEngine.ts');
      scope.postMessage(await answer(event.data, (message) => scope.postMessage(message)));
    } catch (error) {
      scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
}
