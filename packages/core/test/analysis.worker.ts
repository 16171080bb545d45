// A Node worker thread that runs analyses with the core's message handler (used by worker.test.ts).
import { parentPort } from 'node:worker_threads';
import { analysisMessageHandler } from '../src/worker/analysisProtocol.ts';

const port = parentPort;
if (!port) throw new Error('analysis.worker.ts must run as a worker thread');
const handle = analysisMessageHandler((message) => port.postMessage(message), 5);
port.on('message', handle);
