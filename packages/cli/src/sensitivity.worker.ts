// The worker thread of `pingan sensitivity`: runs one analysis with the
// core's message protocol.
import { parentPort } from 'node:worker_threads';

// Run from source (.ts, inside the workspace), the thread resolves
// @pingan/core from its source like the main thread: resolution hooks do not
// cross into a worker. The compiled package (.js) needs nothing.
if (import.meta.url.endsWith('.ts')) await import('./sourceHooks.ts');

const port = parentPort;
if (!port) throw new Error('sensitivity.worker must run as a worker thread');
const { analysisMessageHandler } = await import('@pingan/core');
const handle = analysisMessageHandler((message) => port.postMessage(message), 5);
port.on('message', handle);
