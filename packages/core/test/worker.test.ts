import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../src/data/observations.ts';
import { analysisMessageHandler, runAnalysis, startAnalysis, type AnalysisRequest, type AnalysisWorker } from '../src/worker/analysisProtocol.ts';

const name = (en: string) => ({ zh: en, en });
const observations: Observation[] = ['A', 'B', 'C', 'D', 'E'].flatMap((unit, i) => [
  { unit, period: '2025', code: 'a', value: i * 3 + 1 },
  { unit, period: '2025', code: 'b', value: 10 - i * i },
  { unit, period: '2025', code: 'c', value: (i * 7) % 5 },
]);
const request: AnalysisRequest = {
  kind: 'uncertainty',
  framework: {
    id: 'w',
    version: '1',
    name: name('W'),
    nodes: [
      { code: 'index', type: 'aggregate', parent: null, name: name('Index') },
      { code: 'a', type: 'indicator', parent: 'index', direction: 1, name: name('A') },
      { code: 'b', type: 'indicator', parent: 'index', direction: 1, name: name('B') },
      { code: 'c', type: 'indicator', parent: 'index', direction: -1, name: name('C') },
    ],
  },
  observations,
  n: 40,
  seed: 3,
  settings: [
    { kind: 'noisyWeights', noise: 0.5, levels: [1], samples: 20, seed: 2 },
    { kind: 'normalisation', alternatives: [{ method: 'minMax', lower: 1, upper: 100 }, { method: 'rank' }] },
  ],
};

function nodeWorker(): AnalysisWorker {
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url));
  return {
    postMessage: (message) => worker.postMessage(message),
    listen: (listener) => worker.on('message', listener),
    terminate: () => void worker.terminate(),
  };
}

describe('analyses in a Node worker thread', () => {
  it('give the same result as a direct call, with progress on the way', async () => {
    const seen: number[] = [];
    const { result } = startAnalysis(nodeWorker(), request, (done) => seen.push(done));
    const fromWorker = await result;
    expect(fromWorker).toEqual(runAnalysis(request));
    expect(seen).toEqual([5, 10, 15, 20, 25, 30, 35, 40]);
  });

  it('run Sobol’ sensitivity too, and can be cancelled', async () => {
    const sensitivity: AnalysisRequest = { ...request, kind: 'sensitivity', n: 32, bootstrap: 10 };
    const done = await startAnalysis(nodeWorker(), sensitivity).result;
    expect(done.kind).toBe('sensitivity');
    expect(done.settings).toEqual(['weights', 'normalisation']);
    const running = startAnalysis(nodeWorker(), { ...sensitivity, n: 4096 });
    running.cancel();
    await expect(running.result).rejects.toThrow('the analysis was cancelled');
  });
});

describe('a request of the wrong shape', () => {
  it('is refused with every problem of its envelope, not a TypeError', () => {
    expect(() => runAnalysis({ kind: 'x', framework: request.framework, observations: {}, n: 0 } as unknown as AnalysisRequest)).toThrow(
      'runAnalysis: the request is not an AnalysisRequest: kind must be "uncertainty" or "sensitivity", got "x"' +
        '; observations must be an array, got an object; settings must be an array, got nothing; n must be a positive integer, got 0',
    );
  });

  it('is answered by the worker handler with what a message must be', () => {
    const posted: unknown[] = [];
    const handle = analysisMessageHandler((message) => posted.push(message));
    // The request posted alone, without its { id, request } envelope.
    handle(request as unknown as { id: number; request: AnalysisRequest });
    handle({ id: 7, request: { ...request, n: -1 } });
    expect(posted).toEqual([
      { id: -1, type: 'error', message: 'an analysis worker takes messages { id, request } (a number and an AnalysisRequest), got an object (a request without its envelope?)' },
      { id: 7, type: 'error', message: 'runAnalysis: the request is not an AnalysisRequest: n must be a positive integer, got -1' },
    ]);
  });
});
