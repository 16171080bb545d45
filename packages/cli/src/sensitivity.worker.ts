// The worker thread of `pingan sensitivity`: runs one analysis with the
// core's message protocol.
import './sourceHooks.ts';
import { parentPort } from 'node:worker_threads';

const port = parentPort;
if (!port) throw new Error('sensitivity.worker.ts must run as a worker thread');
const { analysisMessageHandler } = await import('@pingan/core');
const handle = analysisMessageHandler((message) => port.postMessage(message), 5);
port.on('message', handle);
