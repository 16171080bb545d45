import { buildExactPart, type ExactPart } from '../exact/exactParts.ts';
import type { ExactPanel } from '../exact/exactPanel.ts';

/** What a worker of the exact build answers: a part's packed panel, or what went wrong. */
export type ExactPartMessage =
  | { readonly id: number; readonly type: 'result'; readonly panel: ExactPanel }
  | { readonly id: number; readonly type: 'error'; readonly message: string };

/**
 * The message handler of an exact-build worker. Give it the worker's way to
 * post a message with buffers to transfer; feed it each `{ id, part }` the
 * worker receives. The result's buffers are transferred, not copied.
 *
 * @example
 * // in a Node worker thread:
 * const handle = exactPartMessageHandler((message, transfer) => parentPort.postMessage(message, transfer));
 * parentPort.on('message', handle);
 */
export function exactPartMessageHandler(
  post: (message: ExactPartMessage, transfer: readonly ArrayBufferLike[]) => void,
): (data: { id: number; part: ExactPart }) => void {
  return ({ id, part }) => {
    let panel: ExactPanel;
    try {
      panel = buildExactPart(part);
    } catch (error) {
      post({ id, type: 'error', message: error instanceof Error ? error.message : String(error) }, []);
      return;
    }
    const { signs, exponents, offsets, words } = panel.values;
    post({ id, type: 'result', panel }, [signs.buffer, exponents.buffer, offsets.buffer, words.buffer, panel.flags.buffer]);
  };
}
