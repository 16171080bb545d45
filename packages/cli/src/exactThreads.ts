/**
 * The exact decimal build across CPU cores: core's `buildExact(result, { parts, run })` with
 * the first block of periods on this thread and each other block on a Node
 * worker thread. The result is digit for digit that of `buildExact`.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { siblingModule } from './siblingModule.ts';
import { buildExact, type ExactPanel, type ExactPart, type ExactPartMessage, type ExactSource } from '@pingan/core';

export interface ExactThreadsOptions {
  /** Threads to use, this one included (default: the cores Node may use, `os.availableParallelism()`). */
  readonly threads?: number;
}

/**
 * `buildExact` on several threads. Worth it on a big panel (a nationwide
 * month-by-month history); on a city's few districts, starting a thread
 * costs more than it saves, and `buildExact` is the better call.
 *
 * @example
 * const exact = await buildExactOnThreads(buildIndex(fw, panel), { threads: 2 });
 */
export async function buildExactOnThreads(result: ExactSource, options: ExactThreadsOptions = {}): Promise<ExactPanel> {
  const threads = options.threads ?? availableParallelism();
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a positive integer, got ${threads}`);
  if (threads === 1) return buildExact(result);
  return buildExact(result, { parts: threads, run: exactPartOnThread });
}

/**
 * One part of the exact build on a new worker thread, which ends with it.
 * The part is copied to the thread; the packed result's buffers are moved back.
 *
 * @example
 * const packed = await exactPartOnThread(splitExact(result, 2)![1]);
 */
export function exactPartOnThread(part: ExactPart): Promise<ExactPanel> {
  const worker = new Worker(siblingModule('exact.worker', import.meta.url));
  return new Promise<ExactPanel>((resolve, reject) => {
    worker.once('message', (message: ExactPartMessage) => {
      if (message.type === 'result') resolve(message.panel);
      else reject(new Error(`exact build of ${part.raw.periods[part.context] ?? 'a part'}–${part.raw.periods.at(-1) ?? ''}: ${message.message}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`an exact-build worker stopped before answering (exit code ${code})`)));
    // The part is copied to the thread (its panels may be views the caller keeps using); the packed result is moved back.
    worker.postMessage({ id: 1, part });
  }).finally(() => void worker.terminate());
}
