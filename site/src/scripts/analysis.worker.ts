/** The workbench's analysis worker: uncertainty and sensitivity analyses off the main thread (see @pingan/core's analysisProtocol). */
import { analysisMessageHandler, type AnalysisRequest } from '@pingan/core';

interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<{ id: number; request: AnalysisRequest }>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const handle = analysisMessageHandler((message) => scope.postMessage(message), 5);
scope.onmessage = (event) => handle(event.data);
